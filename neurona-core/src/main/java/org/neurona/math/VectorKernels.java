package org.neurona.math;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The packed kernel of {@link GemmKernels} written with the JDK's Vector API
 * ({@code jdk.incubator.vector}), used instead of it when the JVM was started with
 * {@code --add-modules jdk.incubator.vector} (see {@link Gemm#vectorized()}). Without that flag
 * this class is never loaded.
 *
 * <p>Register tiling as in GotoBLAS (Goto and van de Geijn, "Anatomy of high-performance matrix
 * multiplication", ACM TOMS 34(3), 2008): a panel of B (at most {@link GemmKernels#KC} rows by
 * {@link GemmKernels#NC} columns) is packed into slivers of {@link #NR} columns, k-major, and a
 * {@link #MR} x {@link #NR} block of C lives in twelve vector registers while the summed
 * dimension is swept: one broadcast of A and two fused multiply-adds per row and step. The
 * auto-vectorised kernel must load and store its row of C for every six terms; this one touches C
 * once per panel, which is what doubles the speed at the training shapes (docs/PERFORMANCE.md).
 *
 * <p><b>Same floats as the scalar kernel.</b> Every element of C is computed exactly as in
 * {@link GemmKernels}: C(i, j) (or 0) followed by {@code fma(A(i, q), B(q, j), .)} for
 * q = 0, 1, ..., k - 1 in order. Lanes hold different columns, never partial sums of one element;
 * columns left over after the last whole sliver take the same chain in a one-vector tile, and
 * fewer than a vector's worth in scalar {@link Math#fma}. Results are therefore bit-identical
 * with and without the Vector API, at any thread count ({@code VectorKernelsTest}).
 */
final class VectorKernels {
    private VectorKernels() {}

    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    /** Floats per vector register: 8 with AVX2, 16 with AVX-512, 4 with NEON. */
    static final int LANES = S.length();
    /** Columns of C per register tile: two vectors. */
    static final int NR = 2 * LANES;
    /**
     * Rows of C per register tile: 6 x 2 accumulators, two rows of B and a broadcast fill 15 of
     * the 16 AVX2 registers (6 rows measured 10 to 30 % faster than 4); 4-row and 1-row tiles take
     * the rows left over.
     */
    static final int MR = 6;
    /**
     * Most rows of a packed panel: k is cut into equal blocks of at most this many (784 into
     * four of 196, panel 196 KB at 256 columns, L2 resident). Larger than the Java kernel's
     * {@link GemmKernels#KC}, since here C is touched once per block, not once per six rows.
     */
    static final int KC = 256;

    /**
     * Rows [lo, hi) x columns [jlo, jhi) of C (m, n) (+)= A . B, where A(i, q) is
     * {@code a[i * sa + q * sq]} and B is stored as for {@link GemmKernels#pack}.
     * {@code panel} holds at least {@code KC * GemmKernels.NC} floats.
     */
    static void block(GemmKernels.Variant v, float[] a, int sa, int sq, float[] b, float[] c, int lo, int hi,
                      int jlo, int jhi, int n, int k, boolean acc, float[] panel) {
        int blocks = (k + KC - 1) / KC, size = (k + blocks - 1) / blocks;
        for (int j0 = jlo; j0 < jhi; j0 += GemmKernels.NC) {
            // whole slivers of NR columns, then at most one half sliver of LANES, then the tail
            int nb = Math.min(GemmKernels.NC, jhi - j0), slivers = nb / NR, half = nb - slivers * NR >= LANES ? 1 : 0;
            int hj = slivers * NR, tj = hj + half * LANES, tail = nb - tj;
            for (int q0 = 0; q0 < k; q0 += size) {
                int kb = Math.min(size, k - q0);
                pack(v, b, n, k, q0, kb, j0, nb, panel);
                boolean fresh = q0 == 0 && !acc;
                int i = lo;
                for (; i + MR <= hi; i += MR) {
                    int ai = i * sa + q0 * sq, ci = i * n + j0;
                    for (int s = 0; s < slivers; s++) {
                        tile6(a, ai, sa, sq, panel, s * kb * NR, kb, c, ci + s * NR, n, fresh);
                    }
                    if (half > 0) half6(a, ai, sa, sq, panel, hj * kb, kb, c, ci + hj, n, fresh);
                }
                for (; i + 4 <= hi; i += 4) {
                    int ai = i * sa + q0 * sq, ci = i * n + j0;
                    for (int s = 0; s < slivers; s++) {
                        tile4(a, ai, sa, sq, panel, s * kb * NR, kb, c, ci + s * NR, n, fresh);
                    }
                }
                for (; i < hi; i++) {
                    int ai = i * sa + q0 * sq, ci = i * n + j0;
                    for (int s = 0; s < slivers; s++) tile1(a, ai, sq, panel, s * kb * NR, kb, c, ci + s * NR, fresh);
                }
                if (half > 0) { // the rows the six-row tiles left
                    for (int r = hi - (hi - lo) % MR; r < hi; r++) {
                        half1(a, r * sa + q0 * sq, sq, panel, hj * kb, kb, c, r * n + j0 + hj, fresh);
                    }
                }
                if (tail > 0) {
                    for (int r = lo; r < hi; r++) {
                        tailRow(a, r * sa + q0 * sq, sq, panel, tj * kb, tail, kb, c, r * n + j0 + tj, fresh);
                    }
                }
            }
        }
    }

    /**
     * B (q0.., j0..) into {@code panel}: sliver s of {@link #NR} columns at {@code s * kb * NR},
     * element (t, l) at {@code + t * NR + l}; a half sliver of {@link #LANES} columns and the
     * last columns after them the same way, with their own widths.
     */
    private static void pack(GemmKernels.Variant v, float[] b, int n, int k, int q0, int kb, int j0, int nb,
                             float[] panel) {
        for (int jj = 0, width; jj < nb; jj += width) {
            int left = nb - jj, base = jj * kb;
            width = left >= NR ? NR : left >= LANES ? LANES : left;
            if (v == GemmKernels.Variant.NT) {
                // B stored (n, k): column j of B^T is row j of b, read contiguously
                for (int l = 0; l < width; l++) {
                    int src = (j0 + jj + l) * k + q0;
                    for (int t = 0, dst = base + l; t < kb; t++, dst += width) panel[dst] = b[src + t];
                }
            } else if (width == NR) {
                for (int t = 0, src = q0 * n + j0 + jj, dst = base; t < kb; t++, src += n, dst += NR) {
                    FloatVector.fromArray(S, b, src).intoArray(panel, dst);
                    FloatVector.fromArray(S, b, src + LANES).intoArray(panel, dst + LANES);
                }
            } else if (width == LANES) {
                for (int t = 0, src = q0 * n + j0 + jj, dst = base; t < kb; t++, src += n, dst += LANES) {
                    FloatVector.fromArray(S, b, src).intoArray(panel, dst);
                }
            } else {
                for (int t = 0; t < kb; t++) System.arraycopy(b, (q0 + t) * n + j0 + jj, panel, base + t * width, width);
            }
        }
    }

    /** C (6 rows from ci, row stride ldc, NR columns) (+)= A (6 rows from ai) . sliver at pb. */
    private static void tile6(float[] a, int ai, int sa, int sq, float[] p, int pb, int kb, float[] c, int ci,
                              int ldc, boolean fresh) {
        FloatVector c00, c01, c10, c11, c20, c21, c30, c31, c40, c41, c50, c51;
        int r1 = ci + ldc, r2 = r1 + ldc, r3 = r2 + ldc, r4 = r3 + ldc, r5 = r4 + ldc;
        if (fresh) {
            c00 = c01 = c10 = c11 = c20 = c21 = c30 = c31 = c40 = c41 = c50 = c51 = FloatVector.zero(S);
        } else {
            c00 = FloatVector.fromArray(S, c, ci);
            c01 = FloatVector.fromArray(S, c, ci + LANES);
            c10 = FloatVector.fromArray(S, c, r1);
            c11 = FloatVector.fromArray(S, c, r1 + LANES);
            c20 = FloatVector.fromArray(S, c, r2);
            c21 = FloatVector.fromArray(S, c, r2 + LANES);
            c30 = FloatVector.fromArray(S, c, r3);
            c31 = FloatVector.fromArray(S, c, r3 + LANES);
            c40 = FloatVector.fromArray(S, c, r4);
            c41 = FloatVector.fromArray(S, c, r4 + LANES);
            c50 = FloatVector.fromArray(S, c, r5);
            c51 = FloatVector.fromArray(S, c, r5 + LANES);
        }
        int a0 = ai, a1 = ai + sa, a2 = a1 + sa, a3 = a2 + sa, a4 = a3 + sa, a5 = a4 + sa;
        for (int t = 0; t < kb; t++, pb += NR, a0 += sq, a1 += sq, a2 += sq, a3 += sq, a4 += sq, a5 += sq) {
            FloatVector b0 = FloatVector.fromArray(S, p, pb), b1 = FloatVector.fromArray(S, p, pb + LANES);
            FloatVector x = FloatVector.broadcast(S, a[a0]);
            c00 = x.fma(b0, c00);
            c01 = x.fma(b1, c01);
            x = FloatVector.broadcast(S, a[a1]);
            c10 = x.fma(b0, c10);
            c11 = x.fma(b1, c11);
            x = FloatVector.broadcast(S, a[a2]);
            c20 = x.fma(b0, c20);
            c21 = x.fma(b1, c21);
            x = FloatVector.broadcast(S, a[a3]);
            c30 = x.fma(b0, c30);
            c31 = x.fma(b1, c31);
            x = FloatVector.broadcast(S, a[a4]);
            c40 = x.fma(b0, c40);
            c41 = x.fma(b1, c41);
            x = FloatVector.broadcast(S, a[a5]);
            c50 = x.fma(b0, c50);
            c51 = x.fma(b1, c51);
        }
        c00.intoArray(c, ci);
        c01.intoArray(c, ci + LANES);
        c10.intoArray(c, r1);
        c11.intoArray(c, r1 + LANES);
        c20.intoArray(c, r2);
        c21.intoArray(c, r2 + LANES);
        c30.intoArray(c, r3);
        c31.intoArray(c, r3 + LANES);
        c40.intoArray(c, r4);
        c41.intoArray(c, r4 + LANES);
        c50.intoArray(c, r5);
        c51.intoArray(c, r5 + LANES);
    }

    /** C (4 rows from ci, row stride ldc, NR columns) (+)= A (4 rows from ai) . sliver at pb. */
    private static void tile4(float[] a, int ai, int sa, int sq, float[] p, int pb, int kb, float[] c, int ci,
                              int ldc, boolean fresh) {
        FloatVector c00, c01, c10, c11, c20, c21, c30, c31;
        int r1 = ci + ldc, r2 = r1 + ldc, r3 = r2 + ldc;
        if (fresh) {
            c00 = c01 = c10 = c11 = c20 = c21 = c30 = c31 = FloatVector.zero(S);
        } else {
            c00 = FloatVector.fromArray(S, c, ci);
            c01 = FloatVector.fromArray(S, c, ci + LANES);
            c10 = FloatVector.fromArray(S, c, r1);
            c11 = FloatVector.fromArray(S, c, r1 + LANES);
            c20 = FloatVector.fromArray(S, c, r2);
            c21 = FloatVector.fromArray(S, c, r2 + LANES);
            c30 = FloatVector.fromArray(S, c, r3);
            c31 = FloatVector.fromArray(S, c, r3 + LANES);
        }
        int a0 = ai, a1 = ai + sa, a2 = a1 + sa, a3 = a2 + sa;
        for (int t = 0; t < kb; t++, pb += NR, a0 += sq, a1 += sq, a2 += sq, a3 += sq) {
            FloatVector b0 = FloatVector.fromArray(S, p, pb), b1 = FloatVector.fromArray(S, p, pb + LANES);
            FloatVector x = FloatVector.broadcast(S, a[a0]);
            c00 = x.fma(b0, c00);
            c01 = x.fma(b1, c01);
            x = FloatVector.broadcast(S, a[a1]);
            c10 = x.fma(b0, c10);
            c11 = x.fma(b1, c11);
            x = FloatVector.broadcast(S, a[a2]);
            c20 = x.fma(b0, c20);
            c21 = x.fma(b1, c21);
            x = FloatVector.broadcast(S, a[a3]);
            c30 = x.fma(b0, c30);
            c31 = x.fma(b1, c31);
        }
        c00.intoArray(c, ci);
        c01.intoArray(c, ci + LANES);
        c10.intoArray(c, r1);
        c11.intoArray(c, r1 + LANES);
        c20.intoArray(c, r2);
        c21.intoArray(c, r2 + LANES);
        c30.intoArray(c, r3);
        c31.intoArray(c, r3 + LANES);
    }

    /** One row of C (NR columns from ci) (+)= one row of A (from ai) . sliver at pb. */
    private static void tile1(float[] a, int ai, int sq, float[] p, int pb, int kb, float[] c, int ci, boolean fresh) {
        FloatVector c0 = fresh ? FloatVector.zero(S) : FloatVector.fromArray(S, c, ci);
        FloatVector c1 = fresh ? FloatVector.zero(S) : FloatVector.fromArray(S, c, ci + LANES);
        for (int t = 0; t < kb; t++, pb += NR, ai += sq) {
            FloatVector x = FloatVector.broadcast(S, a[ai]);
            c0 = x.fma(FloatVector.fromArray(S, p, pb), c0);
            c1 = x.fma(FloatVector.fromArray(S, p, pb + LANES), c1);
        }
        c0.intoArray(c, ci);
        c1.intoArray(c, ci + LANES);
    }

    /**
     * C (6 rows from ci, row stride ldc, {@link #LANES} columns) (+)= A (6 rows from ai) . the
     * half sliver at pb: the columns left after the whole slivers (784 = 24 x 32 + 16 with
     * AVX-512), which would otherwise take the scalar tail.
     */
    private static void half6(float[] a, int ai, int sa, int sq, float[] p, int pb, int kb, float[] c, int ci,
                              int ldc, boolean fresh) {
        FloatVector c0, c1, c2, c3, c4, c5;
        int r1 = ci + ldc, r2 = r1 + ldc, r3 = r2 + ldc, r4 = r3 + ldc, r5 = r4 + ldc;
        if (fresh) {
            c0 = c1 = c2 = c3 = c4 = c5 = FloatVector.zero(S);
        } else {
            c0 = FloatVector.fromArray(S, c, ci);
            c1 = FloatVector.fromArray(S, c, r1);
            c2 = FloatVector.fromArray(S, c, r2);
            c3 = FloatVector.fromArray(S, c, r3);
            c4 = FloatVector.fromArray(S, c, r4);
            c5 = FloatVector.fromArray(S, c, r5);
        }
        int a0 = ai, a1 = ai + sa, a2 = a1 + sa, a3 = a2 + sa, a4 = a3 + sa, a5 = a4 + sa;
        for (int t = 0; t < kb; t++, pb += LANES, a0 += sq, a1 += sq, a2 += sq, a3 += sq, a4 += sq, a5 += sq) {
            FloatVector b0 = FloatVector.fromArray(S, p, pb);
            c0 = FloatVector.broadcast(S, a[a0]).fma(b0, c0);
            c1 = FloatVector.broadcast(S, a[a1]).fma(b0, c1);
            c2 = FloatVector.broadcast(S, a[a2]).fma(b0, c2);
            c3 = FloatVector.broadcast(S, a[a3]).fma(b0, c3);
            c4 = FloatVector.broadcast(S, a[a4]).fma(b0, c4);
            c5 = FloatVector.broadcast(S, a[a5]).fma(b0, c5);
        }
        c0.intoArray(c, ci);
        c1.intoArray(c, r1);
        c2.intoArray(c, r2);
        c3.intoArray(c, r3);
        c4.intoArray(c, r4);
        c5.intoArray(c, r5);
    }

    /** One row of C ({@link #LANES} columns from ci) (+)= one row of A (from ai) . the half sliver at pb. */
    private static void half1(float[] a, int ai, int sq, float[] p, int pb, int kb, float[] c, int ci, boolean fresh) {
        FloatVector c0 = fresh ? FloatVector.zero(S) : FloatVector.fromArray(S, c, ci);
        for (int t = 0; t < kb; t++, pb += LANES, ai += sq) {
            c0 = FloatVector.broadcast(S, a[ai]).fma(FloatVector.fromArray(S, p, pb), c0);
        }
        c0.intoArray(c, ci);
    }

    /** The last {@code width} (&lt; NR) columns of one row of C, in scalar fused multiply-adds. */
    private static void tailRow(float[] a, int ai, int sq, float[] p, int pb, int width, int kb, float[] c, int ci,
                                boolean fresh) {
        for (int l = 0; l < width; l++) {
            float s = fresh ? 0f : c[ci + l];
            for (int t = 0, x = ai, q = pb + l; t < kb; t++, x += sq, q += width) s = Math.fma(a[x], p[q], s);
            c[ci + l] = s;
        }
    }
}
