package org.neurona.activation;

/**
 * The hyperbolic tangent with slope c: f(x) = tanh(cx) = 2 / (1 + e^(-2cx)) - 1,
 * f'(x) = c (1 - f(x)^2). Spec "tanh" (c = 1) or "tanh:c".
 *
 * <p>Note the sign of the exponent: the lecture's table writes e^(2x), which gives -tanh(x)
 * (see docs/ACTIVATIONS.md, "Corrections to the lecture's table").
 *
 * @param c the slope, positive and finite
 */
public record Tanh(double c) implements Activation {

    public Tanh {
        if (!(c > 0) || Double.isInfinite(c)) {
            throw new IllegalArgumentException("tanh slope c must be positive and finite, got " + c);
        }
    }

    /** The plain tanh, c = 1. */
    public Tanh() { this(1); }

    @Override public String name() { return c == 1 ? "tanh" : "tanh:" + Activations.format(c); }
    @Override public String toString() { return name(); }
    @Override public double value(double x) { return Math.tanh(c * x); }

    @Override
    public double derivative(double x) {
        double y = Math.tanh(c * x);
        return c * (1 - y * y);
    }

    @Override
    public float forward(float z) {
        return (float) Math.tanh(c * z);
    }

    /** dz = da c (1 - a^2), from the forward output. */
    @Override
    public float backward(float z, float a, float da) {
        return da * (float) c * (1f - a * a);
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
