package org.neurona.activation;

import java.util.Arrays;

/**
 * The Heaviside step of the McCulloch-Pitts neuron: f(x) = 1 for x &gt;= 0 and 0 for x &lt; 0.
 * Spec "step" (alias "heaviside").
 *
 * <p>f(0) = 1: a unit y = f(sum w_j x_j - theta) fires when its weighted input reaches the
 * threshold theta, as McCulloch and Pitts (1943) define it. The derivative is 0 everywhere
 * (undefined at 0), so {@link #differentiable()} is false: the perceptron rule trains it, gradient
 * descent cannot.
 */
public record Step() implements Activation {
    @Override public String name() { return "step"; }
    @Override public double value(double x) { return x >= 0 ? 1 : x < 0 ? 0 : x; }
    @Override public double derivative(double x) { return 0; }
    @Override public boolean differentiable() { return false; }
    @Override public String toString() { return name(); }

    @Override
    public void forward(float[] z, float[] a, int rows, int width) {
        threshold(z, a, rows * width, 0f);
    }

    @Override
    public float forward(float z) {
        return Step.threshold(z, 0f);
    }

    /** dz = 0: the derivative vanishes almost everywhere. */
    @Override
    public float backward(float z, float a, float da) {
        return 0f;
    }

    /** dz = 0: the derivative vanishes almost everywhere. */
    @Override
    public void backward(float[] z, float[] a, float[] da, float[] dz, int rows, int width) {
        Arrays.fill(dz, 0, rows * width, 0f);
    }

    /** a = 1 where z &gt;= 0, {@code low} where z &lt; 0, NaN where z is NaN (never a silent class). */
    static void threshold(float[] z, float[] a, int n, float low) {
        for (int i = 0; i < n; i++) a[i] = threshold(z[i], low);
    }

    /** The same for one value. */
    static float threshold(float z, float low) {
        return z >= 0f ? 1f : z < 0f ? low : z;
    }
}
