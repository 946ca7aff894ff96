package org.neurona.activation;

/**
 * The logistic (sigmoid) function with slope c: f(x) = 1 / (1 + e^(-cx)),
 * f'(x) = c f(x) (1 - f(x)). Computed without overflow for large |x|.
 */
public final class Logistic implements Activation {
    private final double c;

    /** Slope c (1 for the standard sigmoid); must be positive and finite. */
    public Logistic(double c) {
        if (!(c > 0) || Double.isInfinite(c)) {
            throw new IllegalArgumentException("logistic slope c must be positive, got " + c);
        }
        this.c = c;
    }

    /** The slope c. */
    public double slope() { return c; }

    @Override public String name() { return c == 1 ? "logistic" : "logistic:" + Activations.format(c); }

    @Override
    public double value(double x) {
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
    public void forward(float[] z, float[] a, int rows, int width) {
        int n = rows * width;
        float cf = (float) c;
        // exp of a non-positive argument never overflows; 1/(1+e^(-t)) for t >= 0 and e^t/(1+e^t) below
        for (int i = 0; i < n; i++) {
            float t = cf * z[i];
            float e = (float) Math.exp(-Math.abs(t));
            a[i] = t >= 0 ? 1f / (1f + e) : e / (1f + e);
        }
    }

    @Override
    public void backward(float[] z, float[] a, float[] da, float[] dz, int rows, int width) {
        int n = rows * width;
        float cf = (float) c;
        for (int i = 0; i < n; i++) dz[i] = da[i] * cf * a[i] * (1f - a[i]);
    }
}
