package org.neurona.activation;

/**
 * The leaky rectifier of Maas et al. (2013): f(x) = x for x &gt; 0 and s x otherwise,
 * f'(x) = 1 for x &gt; 0 and s otherwise, with a small fixed slope s (default
 * {@value #DEFAULT_SLOPE}). Spec "leakyrelu" or "leakyrelu:s".
 *
 * @param slope the negative-side slope s, finite and &gt;= 0
 */
public record LeakyReLU(double slope) implements Activation {

    /** The default negative-side slope. */
    public static final double DEFAULT_SLOPE = 0.01;

    public LeakyReLU {
        if (!(slope >= 0) || Double.isInfinite(slope)) {
            throw new IllegalArgumentException("leakyrelu slope must be a finite number >= 0, got " + slope);
        }
        slope += 0.0; // -0.0 becomes 0.0
    }

    /** Slope {@value #DEFAULT_SLOPE}. */
    public LeakyReLU() { this(DEFAULT_SLOPE); }

    @Override
    public String name() {
        return slope == DEFAULT_SLOPE ? "leakyrelu" : "leakyrelu:" + Activations.format(slope);
    }

    @Override public String toString() { return name(); }
    @Override public double value(double x) { return x > 0 ? x : slope * x; }
    @Override public double derivative(double x) { return x > 0 ? 1 : slope; }

    @Override
    public float forward(float z) {
        return Leaky.forward(z, (float) slope);
    }

    @Override
    public float backward(float z, float a, float da) {
        return Leaky.backward(z, da, (float) slope);
    }

    @Override
    public void forward(float[] z, float[] a, int rows, int width) {
        Leaky.forward(z, a, rows * width, (float) slope);
    }

    @Override
    public void backward(float[] z, float[] a, float[] da, float[] dz, int rows, int width) {
        Leaky.backward(z, da, dz, rows * width, (float) slope);
    }
}
