package org.neurona.activation;

/** The sinusoid: f(x) = sin(x), f'(x) = cos(x). Spec "sinusoid" (alias "sin"). */
public record Sinusoid() implements Activation {
    @Override public String name() { return "sinusoid"; }
    @Override public String toString() { return name(); }
    @Override public double value(double x) { return Math.sin(x); }
    @Override public double derivative(double x) { return Math.cos(x); }

    @Override
    public float forward(float z) {
        return (float) Math.sin(z);
    }

    @Override
    public float backward(float z, float a, float da) {
        return da * (float) Math.cos(z);
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
