package org.neurona.activation;

/**
 * The parametric rectifier of He et al. (2015), "Delving Deep into Rectifiers":
 * f(x; p) = x for x &gt; 0 and p x otherwise, where the slope p is a parameter of the layer
 * (one per layer, shared by its units), trained by gradient descent like a weight with
 * dE/dp = sum over units and patterns of dE/da * (x &lt;= 0 ? x : 0). Initial p defaults to
 * {@value #DEFAULT_SLOPE}. Spec "prelu" or "prelu:p0".
 *
 * <p>The layer owns the current p and passes it to {@link #forward(float[], float[], int, int, float)}
 * and {@link #backward(float[], float[], float[], int, int, float)}; the other methods use the
 * initial value.
 *
 * @param initialSlope p at initialisation, finite
 */
public record PReLU(double initialSlope) implements Parametric {

    /** The default initial slope, as in He et al. */
    public static final double DEFAULT_SLOPE = 0.25;

    public PReLU {
        if (!Double.isFinite(initialSlope)) {
            throw new IllegalArgumentException("prelu initial slope must be a finite number, got " + initialSlope);
        }
        initialSlope += 0.0; // -0.0 becomes 0.0
    }

    /** Initial slope {@value #DEFAULT_SLOPE}. */
    public PReLU() { this(DEFAULT_SLOPE); }

    @Override
    public String name() {
        return initialSlope == DEFAULT_SLOPE ? "prelu" : "prelu:" + Activations.format(initialSlope);
    }

    @Override public String toString() { return name(); }
    @Override public float initialParameter() { return (float) initialSlope; }
    @Override public double value(double x) { return x > 0 ? x : initialSlope * x; }
    @Override public double derivative(double x) { return x > 0 ? 1 : initialSlope; }

    @Override
    public float forward(float z) {
        return Leaky.forward(z, (float) initialSlope);
    }

    @Override
    public float backward(float z, float a, float da) {
        return Leaky.backward(z, da, (float) initialSlope);
    }

    @Override
    public void forward(float[] z, float[] a, int rows, int width) {
        forward(z, a, rows, width, (float) initialSlope);
    }

    @Override
    public void backward(float[] z, float[] a, float[] da, float[] dz, int rows, int width) {
        backward(z, da, dz, rows, width, (float) initialSlope);
    }

    /** a = f(z; p). Modifies a only; a may be z. */
    @Override
    public void forward(float[] z, float[] a, int rows, int width, float p) {
        Leaky.forward(z, a, rows * width, p);
    }

    /**
     * dz = da (.) f'(z; p), returning dE/dp = sum da * min(z, 0) (accumulated in double).
     * Modifies dz only; dz may be da.
     */
    @Override
    public double backward(float[] z, float[] da, float[] dz, int rows, int width, float p) {
        int n = rows * width;
        double dp = 0;
        for (int i = 0; i < n; i++) {
            float x = z[i], g = da[i];
            if (x > 0f) {
                dz[i] = g;
            } else {
                dp += (double) g * x;
                dz[i] = p * g;
            }
        }
        return dp;
    }
}
