package org.neurona.activation;

/**
 * SoftPlus: f(x) = ln(1 + e^x), f'(x) = 1 / (1 + e^(-x)) (the logistic function).
 * Spec "softplus".
 *
 * <p>Computed as max(x, 0) + ln(1 + e^(-|x|)) with log1p, which equals ln(1 + e^x) but never
 * overflows (e^(-|x|) &lt;= 1) and keeps full precision for very negative x, where f(x) ~ e^x.
 * f(+inf) = +inf, f(-inf) = 0.
 */
public record SoftPlus() implements Activation {
    @Override public String name() { return "softplus"; }
    @Override public String toString() { return name(); }

    @Override
    public double value(double x) {
        return Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x)));
    }

    @Override
    public double derivative(double x) {
        double e = Math.exp(-Math.abs(x));
        return x >= 0 ? 1 / (1 + e) : e / (1 + e);
    }

    @Override
    public float forward(float z) {
        return Math.max(z, 0f) + (float) Math.log1p(Math.exp(-Math.abs(z)));
    }

    /** dz = da logistic(z). */
    @Override
    public float backward(float z, float a, float da) {
        float e = (float) Math.exp(-Math.abs(z));
        return da * (z >= 0f ? 1f / (1f + e) : e / (1f + e));
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
