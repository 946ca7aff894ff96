package org.neurona.activation;

/**
 * The cardinal sine: f(x) = sin(x) / x with f(0) = 1, f'(x) = cos(x)/x - sin(x)/x^2 with
 * f'(0) = 0. Spec "sinc".
 *
 * <p>For |x| &lt; {@link #TAYLOR_LIMIT} both are evaluated from their Taylor series
 * f(x) = 1 - x^2/3! + x^4/5! - ..., f'(x) = -x/3 + x^3/30 - x^5/840 + ..., which avoids the
 * 0/0 at the origin and the cancellation in x cos x - sin x (about -x^3/3) near it. Truncation
 * after the terms used leaves an error below 1e-16 relative at the limit. f(+-inf) = 0.
 * The float kernels are the interface's defaults, which evaluate these in double per element.
 */
public record Sinc() implements Activation {

    /** Below this |x| the Taylor series are used. */
    public static final double TAYLOR_LIMIT = 0.1;

    @Override public String name() { return "sinc"; }
    @Override public String toString() { return name(); }

    @Override
    public double value(double x) {
        if (Math.abs(x) < TAYLOR_LIMIT) {
            double x2 = x * x;
            // 1 - x^2/3! + x^4/5! - x^6/7! + x^8/9!, Horner form
            return 1 - x2 / 6 * (1 - x2 / 20 * (1 - x2 / 42 * (1 - x2 / 72)));
        }
        if (Double.isInfinite(x)) return 0;
        return Math.sin(x) / x;
    }

    @Override
    public double derivative(double x) {
        if (Math.abs(x) < TAYLOR_LIMIT) {
            double x2 = x * x;
            // sum_{n>=1} (-1)^n 2n x^(2n-1) / (2n+1)!  =  -x/3 + x^3/30 - x^5/840 + x^7/45360 - x^9/3991680
            return x * (-1.0 / 3 + x2 * (1.0 / 30 + x2 * (-1.0 / 840 + x2 * (1.0 / 45360 - x2 / 3991680))));
        }
        if (Double.isInfinite(x)) return 0;
        return (x * Math.cos(x) - Math.sin(x)) / (x * x);
    }
}
