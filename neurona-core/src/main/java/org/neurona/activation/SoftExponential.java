package org.neurona.activation;

/**
 * The soft exponential family of Godfrey and Gashler (2015), "A continuum among logarithmic,
 * linear, and exponential functions", which moves from logarithmic through linear to
 * exponential as alpha goes from negative to positive. Spec "softexp:alpha"; plain "softexp"
 * is alpha = {@value #DEFAULT_ALPHA}. The name always carries alpha ("softexp:0.3"), since it
 * decides which of the three branches the function is.
 * <pre>
 *   alpha &lt; 0:  f(x) = -ln(1 - alpha (x + alpha)) / alpha      f'(x) = 1 / (1 - alpha (alpha + x))
 *   alpha = 0:  f(x) = x                                        f'(x) = 1
 *   alpha &gt; 0:  f(x) = (e^(alpha x) - 1) / alpha + alpha        f'(x) = e^(alpha x)
 * </pre>
 * Computed with log1p and expm1, so the branches join continuously as alpha approaches 0.
 *
 * <p>Domain: for alpha &lt; 0 the logarithm needs 1 - alpha (x + alpha) &gt; 0, that is
 * x &gt; 1/alpha - alpha; there f tends to -infinity. Below that point the argument of the
 * logarithm is held at {@link #MIN_LOG_ARGUMENT}, so f stays finite (a floor of
 * -ln(1e-12)/alpha) and f' is 0 there. For alpha &gt; 0, f grows like e^(alpha x) and is
 * +infinity in float once alpha x exceeds about 88: that is the function, not a rounding error,
 * and the trainer's divergence check reports it. The float kernels are the interface's
 * defaults, which evaluate the three branches in double per element.
 *
 * @param alpha the shape parameter, finite
 */
public record SoftExponential(double alpha) implements Activation {

    /**
     * The alpha of plain "softexp". The family has no canonical default (alpha = 0 is just the
     * identity); 0.3 gives a visibly exponential curve and is the example value.
     */
    public static final double DEFAULT_ALPHA = 0.3;

    /** The smallest argument the logarithm of the alpha &lt; 0 branch is given. */
    public static final double MIN_LOG_ARGUMENT = 1e-12;

    /** alpha = {@value #DEFAULT_ALPHA}. */
    public SoftExponential() { this(DEFAULT_ALPHA); }

    public SoftExponential {
        if (!Double.isFinite(alpha)) {
            throw new IllegalArgumentException("softexp alpha must be a finite number, got " + alpha);
        }
        alpha += 0.0; // -0.0 becomes 0.0, so equal specs give equal functions
    }

    @Override public String name() { return "softexp:" + Activations.format(alpha); }
    @Override public String toString() { return name(); }

    @Override
    public double value(double x) {
        if (alpha < 0) {
            double u = -alpha * (x + alpha); // the log's argument is 1 + u
            if (1 + u < MIN_LOG_ARGUMENT) return -Math.log(MIN_LOG_ARGUMENT) / alpha;
            return -Math.log1p(u) / alpha;
        }
        if (alpha == 0) return x;
        return Math.expm1(alpha * x) / alpha + alpha;
    }

    @Override
    public double derivative(double x) {
        if (alpha < 0) {
            double arg = 1 - alpha * (alpha + x);
            return arg < MIN_LOG_ARGUMENT ? 0 : 1 / arg;
        }
        if (alpha == 0) return 1;
        return Math.exp(alpha * x);
    }
}
