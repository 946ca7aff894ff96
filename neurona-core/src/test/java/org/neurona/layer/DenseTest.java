package org.neurona.layer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.neurona.activation.ReLU;
import org.neurona.math.Gemm;
import org.neurona.math.Parallel;
import org.neurona.math.Rng;

/**
 * The rectifier layer's fused passes (bias + ReLU forward, ReLU' + bias gradient backward, split
 * among threads when large) against the plain loops they replace: the bias loop and
 * {@link ReLU#forward}, then {@link ReLU#backward} and the row sum, bit for bit, on one and two
 * threads, with and without bias, accumulating and writing fresh gradients.
 */
class DenseTest {
    private static float[] random(Rng rng, int len) {
        float[] x = new float[len];
        for (int i = 0; i < len; i++) x[i] = rng.uniformFloat(-1f, 1f);
        return x;
    }

    @Test
    void reluLayerMatchesThePlainLoopsBitForBit() {
        Rng rng = new Rng(5150L);
        // (inputs, outputs, rows): split among threads (width 100: column parts 0..48, 48..100),
        // split with an odd row count, and below the threshold (one thread whatever the pool).
        int[][] shapes = {{60, 100, 128}, {33, 256, 37}, {20, 24, 16}};
        try (Parallel two = new Parallel(2)) {
            for (int[] s : shapes) check(rng, s, s == shapes[2], two);
        }
    }

    private static void check(Rng rng, int[] s, boolean small, Parallel two) {
        int in = s[0], out = s[1], rows = s[2];
        assertTrue(rows * out >= Elementwise.PARALLEL_MIN != small, "shape meant to be split: " + !small);
        for (boolean bias : new boolean[] {true, false}) {
            for (Parallel par : new Parallel[] {Parallel.SERIAL, two}) {
                for (boolean fresh : new boolean[] {false, true}) check(rng, in, out, rows, bias, par, fresh);
            }
        }
    }

    private static void check(Rng rng, int in, int out, int rows, boolean bias, Parallel par, boolean fresh) {
        String what = in + ":" + out + " rows " + rows + " bias " + bias + " threads " + par.threads() + " fresh " + fresh;
        Dense layer = new Dense(in, out, new ReLU(), bias, Init.parse("he"), rng, "test");
        // some biases and inputs exactly 0, so z = 0 and -0 occur
        if (bias) for (int j = 0; j < out; j += 7) layer.biases()[j] = 0f;
        float[] x = random(rng, rows * in);
        for (int i = 0; i < x.length; i += 5) x[i] = 0f;
        float[] z = new float[rows * out], a = new float[rows * out];
        layer.forward(x, z, a, null, rows, rng, par);

        float[] wantZ = new float[rows * out], wantA = new float[rows * out];
        Gemm.mulNT(x, layer.weights(), wantZ, rows, out, in, false, Parallel.SERIAL);
        if (bias) {
            for (int r = 0; r < rows; r++) for (int j = 0; j < out; j++) wantZ[r * out + j] += layer.biases()[j];
        }
        new ReLU().forward(wantZ, wantA, rows, out);
        assertArrayEquals(wantZ, z, "z, " + what);
        assertArrayEquals(wantA, a, "a, " + what);

        float[] d = random(rng, rows * out), wantD = d.clone();
        float[] dx = new float[rows * in], wantDx = new float[rows * in];
        Param w = layer.params().get(0);
        float[] before = random(rng, w.size()), beforeB = random(rng, out);
        System.arraycopy(before, 0, w.grad(), 0, before.length);
        if (bias) System.arraycopy(beforeB, 0, layer.params().get(1).grad(), 0, out);
        layer.backward(x, z, a, null, d, false, dx, rows, true, par, 0f, null, fresh);

        float[] wantW = fresh ? new float[w.size()] : before.clone(), wantB = fresh ? new float[out] : beforeB.clone();
        new ReLU().backward(wantZ, wantA, wantD, wantD, rows, out);
        Gemm.mulTN(wantD, x, wantW, out, in, rows, true, Parallel.SERIAL);
        for (int r = 0; r < rows; r++) for (int j = 0; j < out; j++) wantB[j] += wantD[r * out + j];
        Gemm.mulNN(wantD, layer.weights(), wantDx, rows, in, out, false, Parallel.SERIAL);
        assertArrayEquals(wantD, d, "dz, " + what);
        assertArrayEquals(wantW, w.grad(), "dW, " + what);
        assertArrayEquals(wantDx, dx, "dx, " + what);
        if (bias) assertArrayEquals(wantB, layer.params().get(1).grad(), "db, " + what);
    }
}
