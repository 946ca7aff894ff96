package org.neurona.activation;

/**
 * The hyperbolic tangent with slope c: f(x) = tanh(cx) = 2 / (1 + e^(-2cx)) - 1,
 * f'(x) = c (1 - f(x)^2).
 */
public final class Tanh implements Activation {
    private final double c;

    /** Slope c (1 for the plain tanh); must be positive and finite. */
    public Tanh(double c) {
        if (!(c > 0) || Double.isInfinite(c)) {
            throw new IllegalArgumentException("tanh slope c must be positive, got " + c);
        }
        this.c = c;
    }

    @Override public String name() { return c == 1 ? "tanh" : "tanh:" + Activations.format(c); }
    @Override public double value(double x) { return Math.tanh(c * x); }

    @Override
    public double derivative(double x) {
        double y = Math.tanh(c * x);
        return c * (1 - y * y);
    }

    @Override
    public void forward(float[] z, float[] a, int rows, int width) {
        int n = rows * width;
        for (int i = 0; i < n; i++) a[i] = (float) Math.tanh(c * z[i]);
    }

    @Override
    public void backward(float[] z, float[] a, float[] da, float[] dz, int rows, int width) {
        int n = rows * width;
        float cf = (float) c;
        for (int i = 0; i < n; i++) dz[i] = da[i] * cf * (1f - a[i] * a[i]);
    }
}
