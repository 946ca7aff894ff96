package org.neurona.math;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;

/**
 * The Vector API kernel gives the same floats as the auto-vectorised one, bit for bit, on every
 * layout, on shapes that leave partial register tiles (rows not a multiple of 4, columns not a
 * multiple of a tile), several summed blocks and column blocks, with and without accumulation,
 * and on parts of C such as a thread gets. The core's tests run with the Vector API module
 * (its pom adds {@code --add-modules jdk.incubator.vector}), so {@link Gemm} uses it throughout
 * them, {@link GemmTest}'s one-versus-two-threads checks included; the pom runs the math tests a
 * second time with {@code -Dneurona.vector=false}, and the other modules' tests run without the
 * module, so the auto-vectorised kernel gets the same checks.
 */
class VectorKernelsTest {
    private static float[] random(Rng rng, int n) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) x[i] = rng.uniformFloat(-1f, 1f);
        return x;
    }

    @Test
    void theVectorKernelIsOnWhenTheModuleIsPresent() {
        boolean module = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
        boolean off = GemmKernels.switchedOff(System.getProperty("neurona.vector"));
        assertEquals(module && !off, Gemm.vectorized());
        assertTrue(module, "the core's tests should run with --add-modules jdk.incubator.vector (see its pom)");
    }

    /** The pom's narrower runs (-XX:MaxVectorSize) say which width they mean to test; check they got it. */
    @Test
    void runsAtTheVectorWidthAskedFor() {
        String lanes = System.getProperty("neurona.test.lanes");
        assumeTrue(lanes != null, "only in the pom's runs at a given vector width");
        assertEquals(Integer.parseInt(lanes), VectorKernels.LANES);
    }

    @Test
    void theSwitchAcceptsWhatTheLauncherAccepts() {
        for (String off : new String[] {"false", "0", "no", "off", "OFF", " False "}) {
            assertTrue(GemmKernels.switchedOff(off), off);
        }
        for (String on : new String[] {null, "", "true", "1", "yes"}) assertFalse(GemmKernels.switchedOff(on), on);
    }

    @Test
    void sameFloatsAsTheScalarKernelBitForBit() {
        Rng rng = new Rng(8128L);
        int kc = GemmKernels.KC, nc = GemmKernels.NC, nr = VectorKernels.NR;
        int[][] shapes = {
            {1, nr, 6}, {3, nr + 1, 7}, {4, nr - 1, 50}, {5, 2 * nr + 3, 33}, {7, 8, 100}, {9, 200, kc + 1},
            {128, 256, 112}, {10, 128, 128}, {17, nc + 5, 3 * kc - 1}, {64, 100, 784}, {33, 600, 50},
            // a half sliver of LANES columns after the whole ones, alone and with a tail after it
            // (784 = 24 x 32 + 16 with AVX-512), rows left over by the six-row tiles
            {11, nr + nr / 2, 40}, {13, 2 * nr + nr / 2 + 3, 70}, {40, 784, 128}, {5, nr / 2, 9},
            // ... over several blocks of the summed dimension, and in a later block of columns
            {13, 2 * nr + nr / 2 + 3, 300}, {7, nc + nr + nr / 2, 20},
        };
        for (GemmKernels.Variant v : GemmKernels.Variant.values()) {
            for (int[] s : shapes) {
                int m = s[0], n = s[1], k = s[2];
                float[] a = random(rng, m * k), b = random(rng, n * k), c0 = random(rng, m * n);
                for (boolean acc : new boolean[] {false, true}) {
                    String what = v + " " + m + "x" + n + "x" + k + " acc=" + acc;
                    float[] want = c0.clone(), got = c0.clone();
                    GemmKernels.fastBlock(false, v, a, b, want, 0, m, 0, n, m, n, k, acc);
                    GemmKernels.fastBlock(true, v, a, b, got, 0, m, 0, n, m, n, k, acc);
                    assertArrayEquals(want, got, what);
                    // a part of C, as a thread gets it: middle rows, columns from an inner offset
                    // (unaligned, and at a whole tile as the threads' split gives)
                    for (int jlo : new int[] {Math.min(n - 1, 8), Math.min(n - 1, nr / 2)}) {
                        int lo = m / 3, hi = m - m / 4, jhi = n;
                        float[] partWant = c0.clone(), partGot = c0.clone();
                        GemmKernels.fastBlock(false, v, a, b, partWant, lo, hi, jlo, jhi, m, n, k, acc);
                        GemmKernels.fastBlock(true, v, a, b, partGot, lo, hi, jlo, jhi, m, n, k, acc);
                        assertArrayEquals(partWant, partGot, what + " rows " + lo + ".." + hi + " columns " + jlo + "..");
                    }
                }
            }
        }
    }

    @Test
    void anEmptySumZeroesCOrLeavesIt() {
        for (boolean vector : new boolean[] {false, true}) {
            for (GemmKernels.Variant v : GemmKernels.Variant.values()) {
                float[] c = {1, 2, 3, 4, 5, 6};
                GemmKernels.fastBlock(vector, v, new float[0], new float[0], c, 0, 2, 0, 3, 2, 3, 0, true);
                assertArrayEquals(new float[] {1, 2, 3, 4, 5, 6}, c, v + " acc, vector " + vector);
                GemmKernels.fastBlock(vector, v, new float[0], new float[0], c, 1, 2, 1, 3, 2, 3, 0, false);
                assertArrayEquals(new float[] {1, 2, 3, 4, 0, 0}, c, v + " part, vector " + vector);
            }
        }
    }

    @Test
    void theVectorKernelIsTheSequentialFmaChain() {
        // 2 x 3 x 2 by hand: with fma, C = A B exactly when every product and sum is exact
        float[] a = {1, 2, 3, 4}, b = {1, 0, 2, 0, 1, 3}, c = new float[2 * 3];
        // tiny shapes are not the facade's, but the kernel takes any shape
        GemmKernels.fastBlock(true, GemmKernels.Variant.NN, a, b, c, 0, 2, 0, 3, 2, 3, 2, false);
        assertArrayEquals(new float[] {1, 2, 8, 3, 4, 18}, c);
    }
}
