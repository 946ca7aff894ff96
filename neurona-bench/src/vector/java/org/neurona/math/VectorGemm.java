package org.neurona.math;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * A measurement prototype, not a library kernel: the same products as {@link GemmKernels} written
 * with the JDK's incubating Vector API (jdk.incubator.vector), to decide by measurement whether
 * an optional Vector API path is worth adding to neurona-core. Needs
 * {@code --add-modules jdk.incubator.vector} to compile and to run.
 *
 * <p>Register tiling as in GotoBLAS (Goto and van de Geijn, "Anatomy of high-performance matrix
 * multiplication", ACM TOMS 34(3), 2008): B is packed into slivers of 16 columns (k-major), and a
 * 4 x 16 block of C lives in eight vector registers while the summed dimension is swept, one
 * broadcast of A and two fused multiply-adds per row and step. Handles n divisible by 16 only
 * (every shape the benchmark uses it for); other shapes go to {@link GemmKernels}.
 */
final class VectorGemm {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_256;
    private static final int NR = 16;
    private static final int KCV = 256;

    private final float[] packed;

    /** Scratch for B blocks of up to {@code maxN} columns. */
    VectorGemm(int maxN) {
        packed = new float[KCV * maxN];
    }

    static boolean supports(int n) {
        return n % NR == 0 && S.length() == 8;
    }

    /** C (m, n) (+)= A . B for the given layout; rows [lo, hi) of C. */
    void rows(GemmKernels.Variant v, float[] a, float[] b, float[] c, int lo, int hi, int m, int n, int k,
              boolean acc) {
        int sa = v == GemmKernels.Variant.TN ? 1 : k, sq = v == GemmKernels.Variant.TN ? m : 1;
        for (int q0 = 0; q0 < k; q0 += KCV) {
            int kb = Math.min(KCV, k - q0);
            pack(v, b, n, k, q0, kb);
            boolean fresh = q0 == 0 && !acc;
            int i = lo;
            for (; i + 4 <= hi; i += 4) {
                for (int jp = 0; jp < n / NR; jp++) micro4(a, i * sa + q0 * sq, sa, sq, kb, jp * kb * NR, c, i * n + jp * NR, n, fresh);
            }
            for (; i < hi; i++) {
                for (int jp = 0; jp < n / NR; jp++) micro1(a, i * sa + q0 * sq, sq, kb, jp * kb * NR, c, i * n + jp * NR, fresh);
            }
        }
    }

    private void pack(GemmKernels.Variant v, float[] b, int n, int k, int q0, int kb) {
        float[] p = packed;
        for (int jp = 0; jp < n / NR; jp++) {
            int base = jp * kb * NR;
            for (int t = 0; t < kb; t++) {
                int dst = base + t * NR;
                if (v == GemmKernels.Variant.NT) {
                    for (int l = 0; l < NR; l++) p[dst + l] = b[(jp * NR + l) * k + q0 + t];
                } else {
                    System.arraycopy(b, (q0 + t) * n + jp * NR, p, dst, NR);
                }
            }
        }
    }

    private void micro4(float[] a, int ai, int sa, int sq, int kb, int pb, float[] c, int ci, int ldc, boolean fresh) {
        float[] p = packed;
        FloatVector c00, c01, c10, c11, c20, c21, c30, c31;
        if (fresh) {
            c00 = c01 = c10 = c11 = c20 = c21 = c30 = c31 = FloatVector.zero(S);
        } else {
            c00 = FloatVector.fromArray(S, c, ci); c01 = FloatVector.fromArray(S, c, ci + 8);
            c10 = FloatVector.fromArray(S, c, ci + ldc); c11 = FloatVector.fromArray(S, c, ci + ldc + 8);
            c20 = FloatVector.fromArray(S, c, ci + 2 * ldc); c21 = FloatVector.fromArray(S, c, ci + 2 * ldc + 8);
            c30 = FloatVector.fromArray(S, c, ci + 3 * ldc); c31 = FloatVector.fromArray(S, c, ci + 3 * ldc + 8);
        }
        int a0 = ai, a1 = ai + sa, a2 = ai + 2 * sa, a3 = ai + 3 * sa;
        for (int t = 0; t < kb; t++, pb += NR, a0 += sq, a1 += sq, a2 += sq, a3 += sq) {
            FloatVector b0 = FloatVector.fromArray(S, p, pb), b1 = FloatVector.fromArray(S, p, pb + 8);
            FloatVector x = FloatVector.broadcast(S, a[a0]);
            c00 = x.fma(b0, c00); c01 = x.fma(b1, c01);
            x = FloatVector.broadcast(S, a[a1]);
            c10 = x.fma(b0, c10); c11 = x.fma(b1, c11);
            x = FloatVector.broadcast(S, a[a2]);
            c20 = x.fma(b0, c20); c21 = x.fma(b1, c21);
            x = FloatVector.broadcast(S, a[a3]);
            c30 = x.fma(b0, c30); c31 = x.fma(b1, c31);
        }
        c00.intoArray(c, ci); c01.intoArray(c, ci + 8);
        c10.intoArray(c, ci + ldc); c11.intoArray(c, ci + ldc + 8);
        c20.intoArray(c, ci + 2 * ldc); c21.intoArray(c, ci + 2 * ldc + 8);
        c30.intoArray(c, ci + 3 * ldc); c31.intoArray(c, ci + 3 * ldc + 8);
    }

    private void micro1(float[] a, int ai, int sq, int kb, int pb, float[] c, int ci, boolean fresh) {
        float[] p = packed;
        FloatVector c0 = fresh ? FloatVector.zero(S) : FloatVector.fromArray(S, c, ci);
        FloatVector c1 = fresh ? FloatVector.zero(S) : FloatVector.fromArray(S, c, ci + 8);
        for (int t = 0; t < kb; t++, pb += NR, ai += sq) {
            FloatVector x = FloatVector.broadcast(S, a[ai]);
            c0 = x.fma(FloatVector.fromArray(S, p, pb), c0);
            c1 = x.fma(FloatVector.fromArray(S, p, pb + 8), c1);
        }
        c0.intoArray(c, ci);
        c1.intoArray(c, ci + 8);
    }
}
