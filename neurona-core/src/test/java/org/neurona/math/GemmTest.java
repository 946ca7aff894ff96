package org.neurona.math;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.neurona.testing.Allocations;

/**
 * Every {@link Gemm} variant against {@link GemmReference} (double accumulation) over many odd
 * shapes, both kernels (plain and packed), 1 and 2 threads, with and without accumulation; one
 * case computed by hand; argument checks; determinism.
 *
 * <p>Tolerance: a float sum of k products has error at most about k * 2^-24 * sum |a_q b_q|
 * (Higham, Accuracy and Stability of Numerical Algorithms, 2nd ed., eq. 3.5), so each element
 * is compared with a bound built from the same product on |A| and |B|. An indexing mistake
 * gives errors of the size of the entries themselves, far above it.
 */
class GemmTest {
    /** Unit roundoff of float, 2^-24. */
    private static final double U = 0x1p-24;

    private static Parallel two;

    @BeforeAll
    static void pool() {
        two = new Parallel(2);
    }

    @AfterAll
    static void closePool() {
        two.close();
    }

    enum Op { NT, TN, NN }

    /** A (rows, cols) and B (rows, cols) as stored by each variant. */
    private static int[] storedA(Op op, int m, int n, int k) {
        return op == Op.TN ? new int[] {k, m} : new int[] {m, k};
    }

    private static int[] storedB(Op op, int m, int n, int k) {
        return op == Op.NT ? new int[] {n, k} : new int[] {k, n};
    }

    private static void fast(Op op, float[] a, float[] b, float[] c, int m, int n, int k, boolean acc, Parallel par) {
        switch (op) {
            case NT -> Gemm.mulNT(a, b, c, m, n, k, acc, par);
            case TN -> Gemm.mulTN(a, b, c, m, n, k, acc, par);
            default -> Gemm.mulNN(a, b, c, m, n, k, acc, par);
        }
    }

    private static void reference(Op op, float[] a, float[] b, float[] c, int m, int n, int k, boolean acc) {
        switch (op) {
            case NT -> GemmReference.mulNT(a, b, c, m, n, k, acc);
            case TN -> GemmReference.mulTN(a, b, c, m, n, k, acc);
            default -> GemmReference.mulNN(a, b, c, m, n, k, acc);
        }
    }

    private static float[] random(Rng rng, int len) {
        float[] x = new float[len];
        for (int i = 0; i < len; i++) x[i] = rng.uniformFloat(-1f, 1f);
        return x;
    }

    private static float[] abs(float[] x) {
        float[] y = new float[x.length];
        for (int i = 0; i < x.length; i++) y[i] = Math.abs(x[i]);
        return y;
    }

    /** Runs one shape through the facade and the reference and compares element by element. */
    private static void compare(Op op, int m, int n, int k, boolean acc, Parallel par, Rng rng) {
        int[] sa = storedA(op, m, n, k), sb = storedB(op, m, n, k);
        // A few spare elements at the end: arrays may be longer than needed and must not be touched there.
        float[] a = random(rng, sa[0] * sa[1] + 3);
        float[] b = random(rng, sb[0] * sb[1] + 3);
        float[] c0 = random(rng, m * n + 3);
        float[] got = c0.clone();
        float[] want = c0.clone();
        fast(op, a, b, got, m, n, k, acc, par);
        reference(op, a, b, want, m, n, k, acc);
        float[] scale = abs(acc ? c0 : new float[c0.length]);
        reference(op, abs(a), abs(b), scale, m, n, k, true);
        for (int e = 0; e < m * n; e++) {
            double bound = (k + 2) * U * scale[e] + 1e-30;
            if (Math.abs(got[e] - want[e]) > bound) {
                fail(op + " m=" + m + " n=" + n + " k=" + k + " acc=" + acc + " threads=" + par.threads()
                        + ": C[" + e / n + "," + e % n + "] = " + got[e] + ", reference " + want[e]
                        + ", allowed error " + bound);
            }
        }
        for (int e = m * n; e < got.length; e++) {
            assertEquals(c0[e], got[e], "element past the end of C was written");
        }
    }

    private static List<int[]> oddShapes(Rng rng) {
        List<int[]> shapes = new ArrayList<>();
        for (int s = 0; s < 70; s++) {
            shapes.add(new int[] {1 + rng.nextInt(70), 1 + rng.nextInt(70), 1 + rng.nextInt(70)});
        }
        // Edges: vectors, single elements, empty sum, every block boundary of the packed kernel.
        int nc = GemmKernels.NC, kc = GemmKernels.KC, ku = GemmKernels.KU;
        int[][] edges = {
            {1, 1, 1}, {1, 3, 2}, {2, 1, 3}, {3, 2, 1}, {4, 5, 0}, {1, 70, 70}, {70, 1, 70}, {70, 70, 1},
            {7, 8, ku}, {7, 8, ku - 1}, {9, nc - 1, kc + 1}, {5, nc + 1, kc - 1}, {3, 2 * nc + 5, 2 * kc + ku + 1},
            {37, 9, 250}, {65, 300, 13}, {64, 12, 40}, {64, 12, 3 * kc + 2},
            // large enough for two threads: split by columns, by rows (packed), by rows (plain)
            {41, 600, 50}, {300, 20, 200}, {3000, 4, 90},
        };
        for (int[] e : edges) shapes.add(e);
        return shapes;
    }

    @Test
    void everyVariantMatchesReferenceOnOddShapes() {
        Rng rng = new Rng(20241127L);
        List<int[]> shapes = oddShapes(rng);
        for (Op op : Op.values()) {
            for (int[] s : shapes) {
                for (boolean acc : new boolean[] {false, true}) {
                    compare(op, s[0], s[1], s[2], acc, Parallel.SERIAL, rng);
                    compare(op, s[0], s[1], s[2], acc, two, rng);
                }
            }
        }
    }

    @Test
    void everyVariantMatchesReferenceOnTheNetworkShapes() {
        Rng rng = new Rng(784256128L);
        // 784:256:128:10 at batch 128 and 784:64:10 at batch 32: forward (NT), weight gradient
        // (TN, m = O, n = I, k = B) and input gradient (NN, m = B, n = I, k = O).
        int[][] layers = {{784, 256}, {256, 128}, {128, 10}, {784, 64}, {64, 10}};
        int[] batch = {128, 128, 128, 32, 32};
        for (int l = 0; l < layers.length; l++) {
            int in = layers[l][0], out = layers[l][1], bs = batch[l];
            for (Parallel par : new Parallel[] {Parallel.SERIAL, two}) {
                compare(Op.NT, bs, out, in, false, par, rng);
                compare(Op.TN, out, in, bs, true, par, rng);
                compare(Op.NN, bs, in, out, false, par, rng);
            }
        }
    }

    @Test
    void smallProductComputedByHand() {
        // A (2, 3) = [1 2 3; 4 5 6], B (3, 2) = [7 8; 9 10; 11 12]:
        // C = [1*7+2*9+3*11, 1*8+2*10+3*12; 4*7+5*9+6*11, 4*8+5*10+6*12] = [58 64; 139 154].
        float[] a = {1, 2, 3, 4, 5, 6};
        float[] b = {7, 8, 9, 10, 11, 12};
        float[] bt = {7, 9, 11, 8, 10, 12};   // B^T (2, 3) for NT
        float[] at = {1, 4, 2, 5, 3, 6};      // A^T (3, 2) for TN
        float[] want = {58, 64, 139, 154};
        float[] c = new float[4];
        Gemm.mulNN(a, b, c, 2, 2, 3, false, Parallel.SERIAL);
        assertArrayEquals(want, c);
        Gemm.mulNT(a, bt, c, 2, 2, 3, false, Parallel.SERIAL);
        assertArrayEquals(want, c);
        Gemm.mulTN(at, b, c, 2, 2, 3, false, Parallel.SERIAL);
        assertArrayEquals(want, c);
        Gemm.mulTN(at, b, c, 2, 2, 3, true, Parallel.SERIAL);
        assertArrayEquals(new float[] {116, 128, 278, 308}, c);
    }

    @Test
    void packedKernelOnAProductWithAKnownSum() {
        // A (m, k) all ones, B (k, n) with B[q][j] = q + j: C[i][j] = sum_q (q + j) = k(k-1)/2 + k j,
        // exact in float for these sizes. The shape is large enough to take the packed kernel.
        int m = 9, n = 300, k = 200;
        assertTrue(GemmKernels.fast(m, n, k), "shape should take the packed kernel");
        float[] a = new float[m * k];
        java.util.Arrays.fill(a, 1f);
        float[] b = new float[k * n];
        float[] bt = new float[n * k];
        for (int q = 0; q < k; q++) {
            for (int j = 0; j < n; j++) {
                b[q * n + j] = q + j;
                bt[j * k + q] = q + j;
            }
        }
        float[] nn = new float[m * n], nt = new float[m * n], tn = new float[m * n];
        Gemm.mulNN(a, b, nn, m, n, k, false, two);
        Gemm.mulNT(a, bt, nt, m, n, k, false, Parallel.SERIAL);
        Gemm.mulTN(a, b, tn, m, n, k, false, two); // A^T of a (k, m) block of ones is ones too
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                float want = k * (k - 1) / 2f + (float) k * j;
                assertEquals(want, nn[i * n + j], "NN C[" + i + "," + j + "]");
                assertEquals(want, nt[i * n + j], "NT C[" + i + "," + j + "]");
                assertEquals(want, tn[i * n + j], "TN C[" + i + "," + j + "]");
            }
        }
    }

    @Test
    void tooShortArraysAreRejectedNamingBothSizes() {
        float[] ok = new float[12];
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Gemm.mulNT(new float[5], ok, ok.clone(), 2, 2, 3, false, Parallel.SERIAL));
        assertEquals("A (2, 3) needs 6 elements but its array has 5", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Gemm.mulTN(ok, new float[7], ok.clone(), 2, 4, 2, false, Parallel.SERIAL));
        assertEquals("B (2, 4) needs 8 elements but its array has 7", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Gemm.mulNN(ok, ok.clone(), new float[3], 2, 2, 3, false, Parallel.SERIAL));
        assertEquals("C (2, 2) needs 4 elements but its array has 3", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Gemm.mulNN(ok, ok.clone(), ok.clone(), -1, 2, 3, false, Parallel.SERIAL));
        assertTrue(e.getMessage().contains("m=-1"), e.getMessage());
    }

    @Test
    void aliasedOutputIsRejectedNamingBothSizes() {
        float[] x = new float[16];
        float[] y = new float[16];
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Gemm.mulNN(x, y, x, 2, 2, 3, true, Parallel.SERIAL));
        assertEquals("C (2, 2, 4 elements) must not be the same array as A (2, 3, 6 elements)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Gemm.mulNT(x, y, y, 2, 2, 3, true, Parallel.SERIAL));
        assertEquals("C (2, 2, 4 elements) must not be the same array as B (2, 3, 6 elements)", e.getMessage());
    }

    @Test
    void twoThreadsAreDeterministicAndAgreeBitForBitWithOne() {
        Rng rng = new Rng(7L);
        // Split by columns (wide C), by rows (narrow C, packed kernel), by rows (plain loops, n < 8).
        int[][] shapes = {{128, 256, 784}, {101, 77, 301}, {10, 784, 128}, {300, 20, 200}, {5000, 4, 60}};
        for (Op op : Op.values()) {
            for (int[] s : shapes) {
                int m = s[0], n = s[1], k = s[2];
                int[] sa = storedA(op, m, n, k), sb = storedB(op, m, n, k);
                float[] a = random(rng, sa[0] * sa[1]), b = random(rng, sb[0] * sb[1]);
                float[] first = new float[m * n], second = new float[m * n], serial = new float[m * n];
                fast(op, a, b, first, m, n, k, false, two);
                fast(op, a, b, second, m, n, k, false, two);
                fast(op, a, b, serial, m, n, k, false, Parallel.SERIAL);
                assertArrayEquals(first, second, op + " with 2 threads, run twice");
                assertArrayEquals(serial, first, op + " with 1 and 2 threads");
            }
        }
    }

    /**
     * What the packed kernel computes, written plainly: C(i, j) (or 0) followed by
     * fma(A(i, q), B(q, j), .) for q = 0 .. k-1 in order. Any blocking, tiling, transposition or
     * thread split of the kernel must give exactly this, which is what keeps results the same
     * bit for bit across thread counts and across changes of the kernel's blocking.
     */
    private static void fmaChain(Op op, float[] a, float[] b, float[] c, int m, int n, int k, boolean acc) {
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                float s = acc ? c[i * n + j] : 0f;
                for (int q = 0; q < k; q++) {
                    float x = op == Op.TN ? a[q * m + i] : a[i * k + q];
                    float y = op == Op.NT ? b[j * k + q] : b[q * n + j];
                    s = Math.fma(x, y, s);
                }
                c[i * n + j] = s;
            }
        }
    }

    @Test
    void packedKernelIsTheSequentialFmaChainBitForBit() {
        Rng rng = new Rng(3031L);
        int kc = GemmKernels.KC, nc = GemmKernels.NC, nar = GemmKernels.NARROW;
        // Rows in groups of three and their remainders, narrow outputs (computed as C^T), summed
        // dimensions cut into several blocks, column blocks, the network's shapes.
        int[][] shapes = {
            {30, 40, 50}, {31, 40, 50}, {32, 41, 7}, {128, 10, 128}, {64, nar - 1, 33}, {33, 8, 100},
            {10, 128, 128}, {128, 12, 128}, {7, 2 * nc + 9, kc + 1}, {20, nc + 3, 3 * kc - 1}, {128, 128, 10},
            {128, 64, 784}, {100, 9, 2 * kc + 5}, {41, 600, 50}, {300, 20, 200}, {256, 96, 128},
        };
        for (Op op : Op.values()) {
            for (int[] s : shapes) {
                int m = s[0], n = s[1], k = s[2];
                assertTrue(GemmKernels.fast(m, n, k), "shape " + m + "x" + n + "x" + k + " should take the packed kernel");
                int[] sa = storedA(op, m, n, k), sb = storedB(op, m, n, k);
                float[] a = random(rng, sa[0] * sa[1]), b = random(rng, sb[0] * sb[1]), c0 = random(rng, m * n);
                for (boolean acc : new boolean[] {false, true}) {
                    float[] want = c0.clone();
                    fmaChain(op, a, b, want, m, n, k, acc);
                    for (Parallel par : new Parallel[] {Parallel.SERIAL, two}) {
                        float[] got = c0.clone();
                        fast(op, a, b, got, m, n, k, acc, par);
                        assertArrayEquals(want, got, op + " " + m + "x" + n + "x" + k + " acc=" + acc + " threads="
                                + par.threads());
                    }
                }
            }
        }
    }

    @Test
    void serialCallsDoNotAllocate() {
        Rng rng = new Rng(3L);
        // the online shape (plain loops) and a batch shape (packed kernel)
        float[] a1 = random(rng, 2), b1 = random(rng, 6), c1 = new float[3];
        float[] a2 = random(rng, 16 * 40), b2 = random(rng, 40 * 24), c2 = new float[16 * 24];
        Runnable calls = () -> {
            Gemm.mulNT(a1, b1, c1, 1, 3, 2, false, Parallel.SERIAL);
            Gemm.mulTN(a1, b1, c1, 1, 3, 2, true, Parallel.SERIAL);
            Gemm.mulNN(a2, b2, c2, 16, 24, 40, true, Parallel.SERIAL);
        };
        long bytes = Allocations.steadyBytes(calls, 200_000);
        assertTrue(bytes < Allocations.NOTHING, "1,000 rounds of three serial GEMM calls allocated " + bytes + " bytes");
    }
}
