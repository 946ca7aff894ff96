package org.neurona.activation;

/**
 * Softmax over the units of a layer, for classification outputs:
 * a_i = e^(z_i) / sum_j e^(z_j), computed as e^(z_i - max z) so it never overflows.
 * Its Jacobian is da_i/dz_j = a_i (delta_ij - a_j); with cross-entropy loss the trainer fuses
 * the two into dE/dz = a - b and never calls {@link #backward}.
 * Not elementwise: {@link #value} and {@link #derivative} have no meaning for one unit alone.
 */
public final class Softmax implements Activation {
    @Override public String name() { return "softmax"; }
    @Override public boolean elementwise() { return false; }

    @Override
    public double value(double x) {
        throw new UnsupportedOperationException("softmax is defined over a whole layer, not one unit");
    }

    @Override
    public double derivative(double x) {
        throw new UnsupportedOperationException("softmax is defined over a whole layer, not one unit");
    }

    @Override
    public void forward(float[] z, float[] a, int rows, int width) {
        for (int r = 0; r < rows; r++) {
            int o = r * width;
            float max = Float.NEGATIVE_INFINITY;
            for (int i = 0; i < width; i++) max = Math.max(max, z[o + i]);
            float sum = 0f;
            for (int i = 0; i < width; i++) {
                float e = (float) Math.exp(z[o + i] - max);
                a[o + i] = e;
                sum += e;
            }
            float inv = 1f / sum;
            for (int i = 0; i < width; i++) a[o + i] *= inv;
        }
    }

    /** dz_i = a_i (da_i - sum_j da_j a_j), row by row. */
    @Override
    public void backward(float[] z, float[] a, float[] da, float[] dz, int rows, int width) {
        for (int r = 0; r < rows; r++) {
            int o = r * width;
            float dot = 0f;
            for (int i = 0; i < width; i++) dot += da[o + i] * a[o + i];
            for (int i = 0; i < width; i++) dz[o + i] = a[o + i] * (da[o + i] - dot);
        }
    }
}
