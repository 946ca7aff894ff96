package org.neurona.net;

import java.util.Arrays;
import org.neurona.activation.Activation;
import org.neurona.activation.Sign;
import org.neurona.activation.Step;

/**
 * The McCulloch-Pitts threshold unit (McCulloch and Pitts 1943, "A logical calculus of the ideas
 * immanent in nervous activity"): y = f(sum_{j=1..n} w_j x_j - theta), with f a step function,
 * {@link Step} (Heaviside, outputs 0/1) or {@link Sign} (outputs -1/+1). Both give f(0) = their
 * upper value, so the unit fires when its weighted input reaches the threshold theta.
 *
 * <p>The threshold is also a weight: with a constant extra input x_0 = -1 and w_0 = theta,
 * <pre>
 *   sum_{j=1..n} w_j x_j - theta  =  sum_{j=0..n} w_j x_j,
 * </pre>
 * which is how learning rules treat it ({@link Perceptron} learns theta as w_0).
 * {@link #output} computes the first form and {@link #outputExtended} the second; they agree.
 *
 * <p>Immutable and thread-safe.
 */
public final class ThresholdUnit {
    private final double[] w; // (n) w_1..w_n
    private final double theta;
    private final Activation f;

    /**
     * A unit with weights w_1..w_n, threshold theta and step function f.
     *
     * @param weights w_1..w_n, finite; copied
     * @param theta   the threshold, finite
     * @param f       {@link Step} or {@link Sign}
     */
    public ThresholdUnit(double[] weights, double theta, Activation f) {
        if (weights == null || weights.length == 0) {
            throw new IllegalArgumentException("threshold unit needs at least one weight, got "
                    + (weights == null ? "null" : "0"));
        }
        for (int j = 0; j < weights.length; j++) {
            if (!Double.isFinite(weights[j])) {
                throw new IllegalArgumentException("threshold unit weight w_" + (j + 1) + " is " + weights[j]
                        + "; expected a finite number");
            }
        }
        if (!Double.isFinite(theta)) {
            throw new IllegalArgumentException("threshold unit theta is " + theta + "; expected a finite number");
        }
        if (!(f instanceof Step || f instanceof Sign)) {
            throw new IllegalArgumentException("threshold unit activation is '" + (f == null ? "null" : f.name())
                    + "'; expected a step function: 'step' (Heaviside, 0/1) or 'sign' (-1/+1)");
        }
        this.w = weights.clone();
        this.theta = theta;
        this.f = f;
    }

    /**
     * The same unit given in the extended form: {@code extended[0]} is w_0 = theta, the weight of
     * the constant input x_0 = -1, and {@code extended[1..n]} are w_1..w_n.
     */
    public static ThresholdUnit fromExtendedWeights(double[] extended, Activation f) {
        if (extended == null || extended.length < 2) {
            throw new IllegalArgumentException("extended weights need w_0 = theta and at least one w_j, got "
                    + (extended == null ? "null" : extended.length + " values"));
        }
        return new ThresholdUnit(Arrays.copyOfRange(extended, 1, extended.length), extended[0], f);
    }

    /** AND of n binary (0/1) inputs: weights 1, theta = n; Heaviside output. */
    public static ThresholdUnit and(int n) {
        return new ThresholdUnit(ones(n), n, new Step());
    }

    /** OR of n binary (0/1) inputs: weights 1, theta = 1; Heaviside output. */
    public static ThresholdUnit or(int n) {
        return new ThresholdUnit(ones(n), 1, new Step());
    }

    /** NOT of one binary (0/1) input: weight -1, theta = 0; Heaviside output. */
    public static ThresholdUnit not() {
        return new ThresholdUnit(new double[] {-1}, 0, new Step());
    }

    private static double[] ones(int n) {
        if (n < 1) throw new IllegalArgumentException("number of inputs is " + n + "; expected at least 1");
        double[] w = new double[n];
        Arrays.fill(w, 1);
        return w;
    }

    /** Number of inputs n. */
    public int inputs() { return w.length; }

    /** The threshold theta (= w_0). */
    public double theta() { return theta; }

    /** w_1..w_n (a copy). */
    public double[] weights() { return w.clone(); }

    /** (w_0 = theta, w_1, ..., w_n) (a copy): the weights on the extended input (x_0 = -1, x_1..x_n). */
    public double[] extendedWeights() {
        double[] e = new double[w.length + 1];
        e[0] = theta;
        System.arraycopy(w, 0, e, 1, w.length);
        return e;
    }

    /** The step function f. */
    public Activation activation() { return f; }

    /** The net input sum_{j=1..n} w_j x_j - theta. */
    public double net(double... x) {
        check(x, w.length, "input");
        double s = 0;
        for (int j = 0; j < w.length; j++) s += w[j] * x[j];
        return s - theta;
    }

    /** y = f(sum_{j=1..n} w_j x_j - theta). */
    public double output(double... x) {
        return f.value(net(x));
    }

    /** (x_0 = -1, x_1..x_n): the input with the constant that carries the threshold. */
    public static double[] extend(double... x) {
        double[] e = new double[x.length + 1];
        e[0] = -1;
        System.arraycopy(x, 0, e, 1, x.length);
        return e;
    }

    /**
     * y = f(sum_{j=0..n} w_j x_j) with w_0 = theta, for an extended input whose x_0 must be -1
     * (see {@link #extend}).
     */
    public double outputExtended(double... extended) {
        check(extended, w.length + 1, "extended input");
        if (extended[0] != -1) {
            throw new IllegalArgumentException("extended input x_0 is " + extended[0] + "; expected the constant -1");
        }
        double[] ew = extendedWeights();
        double s = 0;
        for (int j = 0; j < ew.length; j++) s += ew[j] * extended[j];
        return f.value(s);
    }

    private static void check(double[] x, int n, String what) {
        if (x.length != n) {
            throw new IllegalArgumentException(what + " has " + x.length + " values; the unit expects " + n);
        }
    }

    @Override
    public String toString() {
        return "ThresholdUnit[w=" + Arrays.toString(w) + ", theta=" + theta + ", f=" + f.name() + "]";
    }
}
