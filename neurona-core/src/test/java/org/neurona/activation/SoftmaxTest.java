package org.neurona.activation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.neurona.math.Rng;

class SoftmaxTest {
    private final Softmax f = new Softmax();

    @Test
    void rowsSumToOneAndMatchTheDefinition() {
        int rows = 6, width = 5;
        Rng rng = new Rng(21);
        float[] z = new float[rows * width], a = new float[rows * width];
        for (int i = 0; i < z.length; i++) z[i] = rng.uniformFloat(-4, 4);
        f.forward(z, a, rows, width);
        for (int r = 0; r < rows; r++) {
            double sum = 0, norm = 0;
            for (int i = 0; i < width; i++) norm += Math.exp(z[r * width + i]);
            for (int i = 0; i < width; i++) {
                sum += a[r * width + i];
                assertEquals(Math.exp(z[r * width + i]) / norm, a[r * width + i], 1e-6);
            }
            assertEquals(1, sum, 1e-6, "row " + r);
        }
        float[] inPlace = z.clone();
        f.forward(inPlace, inPlace, rows, width);
        assertArrayEquals(a, inPlace);
    }

    @Test
    void stableForHugeInputs() {
        float[] z = {1000f, 999f, 1000f, -1000f, -1000f, -1001f}, a = new float[6];
        f.forward(z, a, 2, 3);
        double e = Math.exp(-1);
        assertArrayEquals(new float[] {(float) (1 / (2 + e)), (float) (e / (2 + e)), (float) (1 / (2 + e)),
                (float) (1 / (2 + e)), (float) (1 / (2 + e)), (float) (e / (2 + e))}, a, 1e-6f);
    }

    @Test
    void infiniteInputsGiveTheLimits() {
        float inf = Float.POSITIVE_INFINITY;
        float[] z = {inf, 3f, inf, -inf, -inf, -inf, -inf, 0f, 1f}, a = new float[9];
        f.forward(z, a, 3, 3);
        assertArrayEquals(new float[] {0.5f, 0f, 0.5f, 1f / 3, 1f / 3, 1f / 3, 0f,
                (float) (1 / (1 + Math.E)), (float) (Math.E / (1 + Math.E))}, a, 1e-6f);
    }

    @Test
    void backwardEqualsJacobianVectorProductByFiniteDifferences() {
        int width = 4;
        double[] z = {0.3, -1.2, 2.0, 0.7};
        double[] g = {0.5, -0.25, 1.0, -0.8}; // dE/da
        float[] zf = new float[width], a = new float[width], da = new float[width], dz = new float[width];
        for (int i = 0; i < width; i++) {
            zf[i] = (float) z[i];
            da[i] = (float) g[i];
        }
        f.forward(zf, a, 1, width);
        f.backward(zf, a, da, dz, 1, width);
        // dE/dz_j = sum_i g_i da_i/dz_j, with da_i/dz_j from central differences of softmax in double
        double h = 1e-6;
        for (int j = 0; j < width; j++) {
            double[] plus = z.clone(), minus = z.clone();
            plus[j] += h;
            minus[j] -= h;
            double[] sp = softmax(plus), sm = softmax(minus);
            double jvp = 0;
            for (int i = 0; i < width; i++) jvp += g[i] * (sp[i] - sm[i]) / (2 * h);
            assertEquals(jvp, dz[j], 1e-6, "dz[" + j + "]");
        }
        float[] inPlace = da.clone();
        f.backward(zf, a, inPlace, inPlace, 1, width);
        assertArrayEquals(dz, inPlace);
    }

    @Test
    void isNotElementwise() {
        assertFalse(f.elementwise());
        assertTrue(f.differentiable());
        assertThrows(UnsupportedOperationException.class, () -> f.value(1));
    }

    private static double[] softmax(double[] z) {
        double max = Double.NEGATIVE_INFINITY, sum = 0;
        for (double v : z) max = Math.max(max, v);
        double[] a = new double[z.length];
        for (int i = 0; i < z.length; i++) sum += a[i] = Math.exp(z[i] - max);
        for (int i = 0; i < z.length; i++) a[i] /= sum;
        return a;
    }
}
