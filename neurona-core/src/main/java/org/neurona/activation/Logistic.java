package org.neurona.activation;

/**
 * The logistic (sigmoid) function with slope c: f(x) = 1 / (1 + e^(-cx)),
 * f'(x) = c f(x) (1 - f(x)). Spec "logistic" (c = 1, alias "sigmoid") or "logistic:c".
 * Computed without overflow for any x, including +-infinity (f = 1, 0).
 *
 * @param c the slope, positive and finite (1 for the standard sigmoid)
 */
public record Logistic(double c) implements Activation {

    public Logistic {
        if (!(c > 0) || Double.isInfinite(c)) {
            throw new IllegalArgumentException("logistic slope c must be positive and finite, got " + c);
        }
    }

    /** The standard sigmoid, c = 1. */
    public Logistic() { this(1); }

    /** The slope c. */
    public double slope() { return c; }

    @Override public String name() { return c == 1 ? "logistic" : "logistic:" + Activations.format(c); }
    @Override public String toString() { return name(); }

    @Override
    public double value(double x) {
        // exp of a non-positive argument never overflows: 1/(1+e^(-t)) for t >= 0, e^t/(1+e^t) below
        double t = c * x;
        if (t >= 0) return 1 / (1 + Math.exp(-t));
        double e = Math.exp(t);
        return e / (1 + e);
    }

    @Override
    public double derivative(double x) {
        double y = value(x);
        return c * y * (1 - y);
    }

    @Override
    public float forward(float z) {
        double t = c * z;
        float e = (float) Math.exp(-Math.abs(t));
        return t >= 0 ? 1f / (1f + e) : e / (1f + e);
    }

    /** dz = da c a (1 - a), from the forward output. */
    @Override
    public float backward(float z, float a, float da) {
        return da * (float) c * a * (1f - a);
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
