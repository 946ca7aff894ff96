package org.neurona.activation;

/**
 * The scaled exponential linear unit of Klambauer et al. (2017), "Self-Normalizing Neural
 * Networks": f(x) = lambda x for x &gt; 0 and lambda alpha (e^x - 1) for x &lt;= 0, with the
 * lecture's constants lambda = {@value #LAMBDA}, alpha = {@value #ALPHA} (the paper's are
 * 1.0507009873554805 and 1.6732632423543772). Spec "selu".
 *
 * <p>f'(x) = lambda for x &gt; 0 and lambda alpha e^x = f(x) + lambda alpha for x &lt; 0
 * (the lecture's table has this entry wrong; see docs/ACTIVATIONS.md). f'(0) is taken from the
 * left branch, lambda alpha.
 */
public record Selu() implements Activation {

    /** The scale lambda. */
    public static final double LAMBDA = 1.0507;
    /** The negative-side saturation alpha. */
    public static final double ALPHA = 1.67326;

    private static final double LAMBDA_ALPHA = LAMBDA * ALPHA;

    @Override public String name() { return "selu"; }
    @Override public String toString() { return name(); }

    @Override
    public double value(double x) {
        return x > 0 ? LAMBDA * x : LAMBDA_ALPHA * Math.expm1(x);
    }

    @Override
    public double derivative(double x) {
        return x > 0 ? LAMBDA : LAMBDA_ALPHA * Math.exp(x);
    }

    @Override
    public float forward(float z) {
        return z > 0f ? (float) LAMBDA * z : (float) (LAMBDA_ALPHA * Math.expm1(z));
    }

    /**
     * dz = da f'(z). On the negative side lambda alpha e^z is computed from z rather than as
     * a + lambda alpha, which would cancel to a few correct digits for very negative z.
     */
    @Override
    public float backward(float z, float a, float da) {
        return da * (z > 0f ? (float) LAMBDA : (float) (LAMBDA_ALPHA * Math.exp(z)));
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
