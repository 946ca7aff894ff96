package org.neurona.activation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.neurona.math.Rng;

class RReLUTest {

    private static final int ROWS = 50, WIDTH = 40, N = ROWS * WIDTH;

    private static float[] inputs() {
        Rng rng = new Rng(7);
        float[] z = new float[N];
        for (int i = 0; i < N; i++) z[i] = rng.uniformFloat(-3, 3);
        return z;
    }

    @Test
    void trainingDrawsLieInTheRangeAndSpreadOverIt() {
        RReLU f = new RReLU(0.1, 0.3);
        float[] z = inputs(), a = new float[N], noise = new float[N];
        f.forwardTraining(z, a, noise, ROWS, WIDTH, new Rng(1));
        float min = Float.MAX_VALUE, max = -Float.MAX_VALUE;
        double mean = 0;
        for (int i = 0; i < N; i++) {
            assertTrue(noise[i] >= 0.1f && noise[i] <= 0.3f, "draw " + noise[i]);
            assertEquals(z[i] > 0 ? z[i] : noise[i] * z[i], a[i], 0f);
            min = Math.min(min, noise[i]);
            max = Math.max(max, noise[i]);
            mean += noise[i] / N;
        }
        assertTrue(min < 0.11f && max > 0.29f, "draws cover [l, u]: " + min + ".." + max);
        assertEquals(0.2, mean, 0.01);
        assertTrue(Arrays.stream(toDouble(noise)).distinct().count() > N / 2, "a slope per unit and pattern");
    }

    @Test
    void trainingDrawsAreDeterministicForASeed() {
        RReLU f = new RReLU();
        float[] z = inputs();
        float[] a1 = new float[N], n1 = new float[N], a2 = new float[N], n2 = new float[N], n3 = new float[N];
        f.forwardTraining(z, a1, n1, ROWS, WIDTH, new Rng(99));
        f.forwardTraining(z, a2, n2, ROWS, WIDTH, new Rng(99));
        f.forwardTraining(z, new float[N], n3, ROWS, WIDTH, new Rng(100));
        assertArrayEquals(n1, n2);
        assertArrayEquals(a1, a2);
        assertFalse(Arrays.equals(n1, n3), "another seed draws other slopes");
    }

    @Test
    void backwardTrainingUsesTheRecordedDraws() {
        RReLU f = new RReLU(0.1, 0.3);
        float[] z = inputs(), a = new float[N], noise = new float[N], da = new float[N], dz = new float[N];
        f.forwardTraining(z, a, noise, ROWS, WIDTH, new Rng(3));
        Rng rng = new Rng(4);
        for (int i = 0; i < N; i++) da[i] = rng.uniformFloat(-1, 1);
        f.backwardTraining(z, noise, da, dz, ROWS, WIDTH);
        for (int i = 0; i < N; i++) {
            // the slope the forward pass used is a/z on the negative side
            float slope = z[i] > 0 ? 1f : a[i] / z[i];
            assertEquals(da[i] * slope, dz[i], 1e-6f, "at " + i);
        }
        float[] inPlace = da.clone();
        f.backwardTraining(z, noise, inPlace, inPlace, ROWS, WIDTH);
        assertArrayEquals(dz, inPlace);
    }

    @Test
    void inferenceUsesTheMeanSlope() {
        RReLU f = new RReLU(0.1, 0.3);
        assertEquals(0.2, f.inferenceSlope(), 1e-15);
        assertEquals(-0.4, f.value(-2), 1e-15);
        assertEquals(0.2, f.derivative(-2), 1e-15);
        assertEquals(2, f.value(2));
        float[] z = {-2f, 2f}, a = new float[2];
        f.forward(z, a, 1, 2);
        assertArrayEquals(new float[] {-0.4f, 2f}, a, 1e-7f);
        RReLU dflt = new RReLU();
        assertEquals((1.0 / 8 + 1.0 / 3) / 2, dflt.inferenceSlope(), 1e-15);
    }

    @Test
    void equalBoundsGiveAFixedSlope() {
        RReLU f = new RReLU(0.2, 0.2);
        float[] z = {-1f, -2f}, a = new float[2], noise = new float[2];
        f.forwardTraining(z, a, noise, 1, 2, new Rng(5));
        assertArrayEquals(new float[] {0.2f, 0.2f}, noise);
    }

    @Test
    void badBoundsAreRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new RReLU(0.3, 0.1));
        assertTrue(e.getMessage().contains("u must be finite and >= l = 0.3, got 0.1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new RReLU(-0.1, 0.1));
        assertTrue(e.getMessage().contains("l must be a finite number >= 0, got -0.1"), e.getMessage());
    }

    private static double[] toDouble(float[] f) {
        double[] d = new double[f.length];
        for (int i = 0; i < f.length; i++) d[i] = f[i];
        return d;
    }
}
