package org.neurona.activation;

import java.util.Arrays;

/**
 * The sign function of bipolar McCulloch-Pitts units: f(x) = +1 for x &gt;= 0 and -1 for x &lt; 0.
 * Spec "sign" (alias "sgn").
 *
 * <p>f(0) = +1, so the output is always one of the two values -1, +1 (never the 0 of
 * {@link Math#signum}), and a unit fires exactly when its net input reaches its threshold, the
 * same convention as {@link Step}. The derivative is 0 everywhere (undefined at 0): a step
 * function is trained by the perceptron rule, not by gradient descent, so
 * {@link #differentiable()} is false.
 */
public record Sign() implements Activation {
    @Override public String name() { return "sign"; }
    @Override public double value(double x) { return x >= 0 ? 1 : x < 0 ? -1 : x; }
    @Override public double derivative(double x) { return 0; }
    @Override public boolean differentiable() { return false; }
    @Override public String toString() { return name(); }

    @Override
    public void forward(float[] z, float[] a, int rows, int width) {
        Step.threshold(z, a, rows * width, -1f);
    }

    @Override
    public float forward(float z) {
        return Step.threshold(z, -1f);
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
}
