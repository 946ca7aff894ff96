package org.neurona.activation;

/**
 * Softmax over the units of a layer, for classification outputs:
 * a_i = e^(z_i) / sum_j e^(z_j), computed as e^(z_i - max z) so it never overflows. Spec
 * "softmax".
 *
 * <p>Its Jacobian is da_i/dz_j = a_i (delta_ij - a_j); with cross-entropy loss the trainer fuses
 * the two into dE/dz = a - b and never calls {@link #backward}. Infinite net inputs get their
 * limits: a row with +infinity in k places puts 1/k on each of them and 0 elsewhere; a row that is
 * -infinity everywhere is uniform (all its values are equal).
 * Not elementwise: {@link #value} and {@link #derivative} have no meaning for one unit alone and
 * throw {@link UnsupportedOperationException}.
 */
public record Softmax() implements Activation {
    @Override public String name() { return "softmax"; }
    @Override public String toString() { return name(); }
    @Override public boolean elementwise() { return false; }

    @Override
    public double value(double x) {
        throw new UnsupportedOperationException("softmax is defined over a whole layer, not one unit");
    }

    @Override
    public double derivative(double x) {
        throw new UnsupportedOperationException("softmax is defined over a whole layer, not one unit");
    }

    /** a = softmax(z) row by row. Modifies a only; a may be z. */
    @Override
    public void forward(float[] z, float[] a, int rows, int width) {
        for (int r = 0; r < rows; r++) {
            int o = r * width;
            float max = Float.NEGATIVE_INFINITY;
            for (int i = 0; i < width; i++) max = Math.max(max, z[o + i]);
            if (Float.isInfinite(max)) {
                infiniteRow(z, a, o, width, max);
                continue;
            }
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

    /** The limits when z - max z would be inf - inf. */
    private static void infiniteRow(float[] z, float[] a, int o, int width, float max) {
        if (max < 0) { // every value is -inf: all equal
            for (int i = 0; i < width; i++) a[o + i] = 1f / width;
            return;
        }
        int k = 0;
        for (int i = 0; i < width; i++) if (z[o + i] == max) k++;
        float share = 1f / k;
        for (int i = 0; i < width; i++) a[o + i] = z[o + i] == max ? share : 0f;
    }

    /**
     * dz = J^T da row by row, with J the softmax Jacobian: dz_i = a_i (da_i - sum_j da_j a_j).
     * Modifies dz only; dz may be da.
     */
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
