package org.neurona.activation;

/**
 * SoftSign: f(x) = x / (1 + |x|), f'(x) = 1 / (1 + |x|)^2. Spec "softsign".
 *
 * <p>In terms of the output, f'(x) = (1 - |f(x)|)^2, not the 1 - f(x)^2 of the lecture's
 * table (that is tanh's derivative); see docs/ACTIVATIONS.md.
 */
public record SoftSign() implements Activation {
    @Override public String name() { return "softsign"; }
    @Override public String toString() { return name(); }

    @Override
    public double value(double x) {
        if (Double.isInfinite(x)) return Math.signum(x);
        return x / (1 + Math.abs(x));
    }

    @Override
    public double derivative(double x) {
        double d = 1 / (1 + Math.abs(x));
        return d * d;
    }

    @Override
    public float forward(float z) {
        return Float.isInfinite(z) ? Math.signum(z) : z / (1f + Math.abs(z));
    }

    /** dz = da 1/(1+|z|)^2, from z: 1 - |a| would lose digits where |a| is near 1. */
    @Override
    public float backward(float z, float a, float da) {
        float d = 1f / (1f + Math.abs(z));
        return da * d * d;
    }

    @Override
    public void forward(float[] z, float[] a, int rows, int width) {
        int n = rows * width;
        for (int i = 0; i < n; i++) a[i] = forward(z[i]);
    }

    @Override
    public void backward(float[] z, float[] a, float[] da, float[] dz, int rows, int width) {
        int n = rows * width;
        for (int i = 0; i < n; i++) dz[i] = backward(z[i], a[i], da[i]);
    }
}
