package org.neurona.activation;

/**
 * The rectified linear unit: f(x) = max(0, x), f'(x) = 1 for x &gt; 0 and 0 otherwise
 * (f'(0) = 0 by convention). Spec "relu".
 */
public record ReLU() implements Activation {
    @Override public String name() { return "relu"; }
    @Override public double value(double x) { return x > 0 ? x : x <= 0 ? 0 : x; }
    @Override public double derivative(double x) { return x > 0 ? 1 : 0; }
    @Override public String toString() { return name(); }

    @Override
    public float forward(float z) {
        return Math.max(z, 0f);
    }

    @Override
    public float backward(float z, float a, float da) {
        return z > 0f ? da : 0f;
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
