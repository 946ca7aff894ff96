package org.neurona.activation;

import org.neurona.math.Rng;

/**
 * The randomized leaky rectifier of Xu et al. (2015), "Empirical Evaluation of Rectified
 * Activations in Convolutional Network": f(x) = x for x &gt; 0 and s x otherwise, where while
 * training the slope s is drawn uniformly from [l, u] for every unit and pattern, and at
 * inference it is fixed to (l + u) / 2. Defaults l = 1/8, u = 1/3 (the paper's 1/a with
 * a in [3, 8]). Spec "rrelu" or "rrelu:l:u".
 *
 * <p>{@link #value}, {@link #derivative}, {@link #forward} and {@link #backward} are the
 * inference function (slope (l + u) / 2); {@link #forwardTraining} draws the slopes and records
 * them in the noise array, and {@link #backwardTraining} uses exactly those draws.
 *
 * @param lower l, finite and &gt;= 0
 * @param upper u, finite and &gt;= l
 */
public record RReLU(double lower, double upper) implements Stochastic {

    /** The default lower bound l = 1/8. */
    public static final double DEFAULT_LOWER = 1.0 / 8;
    /** The default upper bound u = 1/3. */
    public static final double DEFAULT_UPPER = 1.0 / 3;

    public RReLU {
        if (!(lower >= 0) || Double.isInfinite(lower)) {
            throw new IllegalArgumentException("rrelu lower slope l must be a finite number >= 0, got " + lower);
        }
        if (!(upper >= lower) || Double.isInfinite(upper)) {
            throw new IllegalArgumentException("rrelu upper slope u must be finite and >= l = " + lower
                    + ", got " + upper);
        }
        lower += 0.0; // -0.0 becomes 0.0
        upper += 0.0;
    }

    /** l = 1/8, u = 1/3. */
    public RReLU() { this(DEFAULT_LOWER, DEFAULT_UPPER); }

    /** The slope used at inference, (l + u) / 2. */
    public double inferenceSlope() { return (lower + upper) / 2; }

    @Override
    public String name() {
        if (lower == DEFAULT_LOWER && upper == DEFAULT_UPPER) return "rrelu";
        return "rrelu:" + Activations.format(lower) + ":" + Activations.format(upper);
    }

    @Override public String toString() { return name(); }
    @Override public double value(double x) { return x > 0 ? x : inferenceSlope() * x; }
    @Override public double derivative(double x) { return x > 0 ? 1 : inferenceSlope(); }

    @Override
    public float forward(float z) {
        return Leaky.forward(z, (float) inferenceSlope());
    }

    @Override
    public float backward(float z, float a, float da) {
        return Leaky.backward(z, da, (float) inferenceSlope());
    }

    @Override
    public void forward(float[] z, float[] a, int rows, int width) {
        Leaky.forward(z, a, rows * width, (float) inferenceSlope());
    }

    @Override
    public void backward(float[] z, float[] a, float[] da, float[] dz, int rows, int width) {
        Leaky.backward(z, da, dz, rows * width, (float) inferenceSlope());
    }

    /**
     * a = f(z) with a slope s ~ U[l, u] drawn for every one of the {@code rows * width} values and
     * stored in {@code noise[i]} (drawn for positive z too, so the sequence of draws, and thus
     * every later random choice, does not depend on the data). Modifies a and noise; a may be z.
     */
    @Override
    public void forwardTraining(float[] z, float[] a, float[] noise, int rows, int width, Rng rng) {
        int n = rows * width;
        float l = (float) lower, u = (float) upper;
        for (int i = 0; i < n; i++) {
            float s = l == u ? l : Math.min(rng.uniformFloat(l, u), u); // rounding to float may not exceed u
            noise[i] = s;
            float x = z[i];
            a[i] = x > 0f ? x : s * x;
        }
    }

    /** dz = da for z &gt; 0 and noise (.) da otherwise. Modifies dz only; dz may be da. */
    @Override
    public void backwardTraining(float[] z, float[] noise, float[] da, float[] dz, int rows, int width) {
        int n = rows * width;
        for (int i = 0; i < n; i++) dz[i] = z[i] > 0f ? da[i] : noise[i] * da[i];
    }
}
