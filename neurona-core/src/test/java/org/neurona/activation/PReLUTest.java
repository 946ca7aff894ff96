package org.neurona.activation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.neurona.math.Rng;

class PReLUTest {

    /** E(p) = sum_i g_i f(z_i; p): a loss whose dE/da is g, evaluated in double. */
    private static double loss(double[] z, double[] g, double p) {
        double e = 0;
        for (int i = 0; i < z.length; i++) e += g[i] * (z[i] > 0 ? z[i] : p * z[i]);
        return e;
    }

    @Test
    void slopeGradientEqualsFiniteDifferenceInP() {
        PReLU f = new PReLU();
        int rows = 8, width = 5, n = rows * width;
        Rng rng = new Rng(11);
        float[] z = new float[n], da = new float[n], dz = new float[n];
        double[] zd = new double[n], gd = new double[n];
        for (int i = 0; i < n; i++) {
            z[i] = rng.uniformFloat(-2, 2);
            da[i] = rng.uniformFloat(-1, 1);
            zd[i] = z[i];
            gd[i] = da[i];
        }
        float p = 0.3f;
        double dp = f.backward(z, da, dz, rows, width, p);
        double h = 1e-6;
        double fd = (loss(zd, gd, p + h) - loss(zd, gd, p - h)) / (2 * h);
        assertEquals(fd, dp, 1e-7 * Math.max(1, Math.abs(fd)));
        for (int i = 0; i < n; i++) assertEquals(z[i] > 0 ? da[i] : p * da[i], dz[i], 0f);
        // dz aliased to da gives the same gradient and dE/dp
        float[] inPlace = da.clone();
        assertEquals(dp, f.backward(z, inPlace, inPlace, rows, width, p), 0);
        assertArrayEquals(dz, inPlace);
    }

    @Test
    void forwardUsesTheGivenSlopeAndDefaultsToTheInitialOne() {
        PReLU f = new PReLU(0.1);
        assertEquals(0.1f, f.initialParameter());
        assertEquals(0.25f, new PReLU().initialParameter());
        float[] z = {-2f, 3f}, a = new float[2];
        f.forward(z, a, 1, 2, 0.5f);
        assertArrayEquals(new float[] {-1f, 3f}, a);
        f.forward(z, a, 1, 2);
        assertArrayEquals(new float[] {-0.2f, 3f}, a, 1e-7f);
        assertEquals(-0.2, f.value(-2), 1e-15);
        assertEquals(0.1, f.derivative(-2), 0);
    }
}
