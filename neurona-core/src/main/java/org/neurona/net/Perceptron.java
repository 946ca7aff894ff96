package org.neurona.net;

import java.util.Arrays;
import java.util.Objects;
import org.neurona.activation.Activation;
import org.neurona.activation.Sign;
import org.neurona.activation.Step;
import org.neurona.data.Dataset;
import org.neurona.math.Rng;

/**
 * The single-layer perceptron: O units, each y_k = f(sum_{j=1..I} w_kj x_j - theta_k), trained
 * online, pattern by pattern in order, by one of two rules ({@link Rule}): Rosenblatt's
 * perceptron rule for step units, or the delta rule of Widrow and Hoff for a differentiable f.
 *
 * <p>Weights are held in the extended form of {@link ThresholdUnit}: row k of the (O, I+1)
 * matrix is (w_k0 = theta_k, w_k1, ..., w_kI), applied to the extended input
 * (x_0 = -1, x_1, ..., x_I), so the threshold is learned like any other weight. Initial weights
 * are uniform(-1, 1) from {@link Options#seed()}.
 *
 * <p>Configuration is the immutable {@link Options} record; a {@code Perceptron} is the runtime
 * object holding the weights. {@link #train} changes the weights and is not thread-safe;
 * {@link #output} is safe from several threads while no training runs.
 */
public final class Perceptron {

    /** How the weights change after each pattern, with x the extended input and y = f(net). */
    public enum Rule {
        /**
         * The perceptron learning rule (Rosenblatt 1958, "The perceptron: a probabilistic model for
         * information storage and organization in the brain"): w_kj += eta (b_k - y_k) x_j, for step
         * units. It changes weights only on mistakes and, by the convergence theorem (Novikoff 1962),
         * reaches zero errors in finitely many updates on a linearly separable set.
         */
        PERCEPTRON {
            @Override double delta(Activation f, double net, double y, double b) { return b - y; }
        },
        /**
         * The delta rule (Widrow and Hoff 1960, "Adaptive switching circuits"), generalised to a
         * differentiable f: w_kj += eta (b_k - y_k) f'(net_k) x_j, one gradient-descent step on
         * E = 1/2 sum_k (b_k - y_k)^2 for the current pattern. With f linear it is the LMS rule of
         * Adaline.
         */
        DELTA {
            @Override double delta(Activation f, double net, double y, double b) {
                return (b - y) * f.derivative(net);
            }
        };

        /** The factor that multiplies eta x_j in the update of w_kj. */
        abstract double delta(Activation f, double net, double y, double b);
    }

    /**
     * How to build and train a perceptron. Validated when built: the perceptron rule needs step
     * units (step, sign), the delta rule a differentiable elementwise function.
     *
     * @param activation  the output function f
     * @param rule        the learning rule
     * @param eta         learning rate, positive and finite
     * @param maxEpochs   training stops after this many epochs, positive
     * @param targetError training stops, converged, after an epoch with no errors and
     *                    SSE &lt;= targetError; &gt;= 0 (with 0, the delta rule runs all epochs
     *                    unless it fits exactly)
     * @param seed        for the initial weights
     */
    public record Options(Activation activation, Rule rule, double eta, int maxEpochs, double targetError, long seed) {

        public Options {
            Objects.requireNonNull(activation, "activation");
            Objects.requireNonNull(rule, "rule");
            if (!(eta > 0) || Double.isInfinite(eta)) {
                throw new IllegalArgumentException("eta is " + eta + "; expected a positive finite learning rate");
            }
            if (maxEpochs <= 0) {
                throw new IllegalArgumentException("maxEpochs is " + maxEpochs + "; expected a positive number");
            }
            if (!(targetError >= 0) || Double.isInfinite(targetError)) {
                throw new IllegalArgumentException("targetError is " + targetError + "; expected a finite number >= 0");
            }
            if (rule == Rule.PERCEPTRON && !(activation instanceof Step || activation instanceof Sign)) {
                throw new IllegalArgumentException("the perceptron rule trains step units ('step' or 'sign'), got '"
                        + activation.name() + "'; use Rule.DELTA for a differentiable output");
            }
            if (rule == Rule.DELTA && (!activation.differentiable() || !activation.elementwise())) {
                throw new IllegalArgumentException("the delta rule needs a differentiable elementwise activation, got '"
                        + activation.name() + "'" + (activation.differentiable() ? ""
                        : ": a step function has zero derivative and cannot be trained by gradient;"
                        + " use Rule.PERCEPTRON"));
            }
        }

        /** The perceptron rule on Heaviside units: eta 0.1, 100 epochs, seed 1. */
        public static Options perceptronRule() {
            return new Options(new Step(), Rule.PERCEPTRON, 0.1, 100, 0, 1);
        }

        /** The delta rule on units with f: eta 0.1, 1000 epochs, seed 1. */
        public static Options deltaRule(Activation f) {
            return new Options(f, Rule.DELTA, 0.1, 1000, 0, 1);
        }

        /** A copy with another output function (validated again). */
        public Options withActivation(Activation f) { return new Options(f, rule, eta, maxEpochs, targetError, seed); }
        /** A copy with another learning rate (validated again). */
        public Options withEta(double e) { return new Options(activation, rule, e, maxEpochs, targetError, seed); }
        /** A copy with another epoch limit (validated again). */
        public Options withMaxEpochs(int n) { return new Options(activation, rule, eta, n, targetError, seed); }
        /** A copy with another target error (validated again). */
        public Options withTargetError(double t) { return new Options(activation, rule, eta, maxEpochs, t, seed); }
        /** A copy with another seed (validated again). */
        public Options withSeed(long s) { return new Options(activation, rule, eta, maxEpochs, targetError, s); }
    }

    /**
     * What training did, epoch by epoch. Both measures are taken during the online pass, each
     * pattern before its own update (so a perceptron-rule epoch with 0 errors changed nothing).
     *
     * @param errors    errors[e] = patterns in epoch e+1 with some output at least 0.5 away from its
     *                  target (for step units: any wrong output)
     * @param sse       sse[e] = 1/2 sum over patterns and outputs of (b - y)^2 in epoch e+1
     * @param converged whether training stopped on the target (no errors, SSE &lt;= targetError)
     *                  rather than at maxEpochs
     */
    public record History(int[] errors, double[] sse, boolean converged) {
        /** Epochs run. */
        public int epochs() { return errors.length; }

        /** Errors in the last epoch. */
        public int lastErrors() { return errors[errors.length - 1]; }
    }

    private final int inputs, outputs;
    private final Options options;
    private final double[] w; // (O, I+1), row k = (theta_k, w_k1..w_kI)

    /** A perceptron with I inputs and O outputs, weights (and thresholds) uniform(-1, 1) from the seed. */
    public Perceptron(int inputs, int outputs, Options options) {
        if (inputs < 1 || outputs < 1) {
            throw new IllegalArgumentException("perceptron size " + inputs + " inputs, " + outputs
                    + " outputs; expected at least 1 of each");
        }
        this.inputs = inputs;
        this.outputs = outputs;
        this.options = Objects.requireNonNull(options, "options");
        this.w = new double[outputs * (inputs + 1)];
        Rng rng = new Rng(options.seed());
        for (int i = 0; i < w.length; i++) w[i] = rng.uniform(-1, 1);
    }

    /**
     * A perceptron with given weights: {@code weights[k]} is (theta_k, w_k1, ..., w_kI), as
     * {@link #weights()} returns them.
     */
    public Perceptron(double[][] weights, Options options) {
        this(weights.length == 0 ? 0 : weights[0].length - 1, weights.length, options);
        for (int k = 0; k < outputs; k++) {
            if (weights[k].length != inputs + 1) {
                throw new IllegalArgumentException("weight row " + k + " has " + weights[k].length
                        + " values; expected " + (inputs + 1) + " (theta and one per input)");
            }
            for (int j = 0; j <= inputs; j++) {
                if (!Double.isFinite(weights[k][j])) {
                    throw new IllegalArgumentException("weight [" + k + "][" + j + "] is " + weights[k][j]
                            + "; expected a finite number");
                }
            }
            System.arraycopy(weights[k], 0, w, k * (inputs + 1), inputs + 1);
        }
    }

    /** Number of inputs I. */
    public int inputs() { return inputs; }

    /** Number of output units O. */
    public int outputs() { return outputs; }

    /** The configuration. */
    public Options options() { return options; }

    /** The weights, row k = (w_k0 = theta_k, w_k1, ..., w_kI) (a copy). */
    public double[][] weights() {
        double[][] c = new double[outputs][];
        for (int k = 0; k < outputs; k++) c[k] = Arrays.copyOfRange(w, k * (inputs + 1), (k + 1) * (inputs + 1));
        return c;
    }

    /** Output unit k as a McCulloch-Pitts {@link ThresholdUnit} (only for step activations). */
    public ThresholdUnit unit(int k) {
        Objects.checkIndex(k, outputs);
        return ThresholdUnit.fromExtendedWeights(weights()[k], options.activation());
    }

    /** net_k = sum_{j=0..I} w_kj x_j with x_0 = -1, for one input row starting at {@code x[off]}. */
    private double net(int k, float[] x, int off) {
        int r = k * (inputs + 1);
        double s = -w[r];
        for (int j = 0; j < inputs; j++) s += w[r + 1 + j] * x[off + j];
        return s;
    }

    /**
     * y = f(W x~) for one pattern.
     *
     * @param x the input (I), not modified
     * @param y the outputs (O), written
     */
    public void output(float[] x, float[] y) {
        if (x.length != inputs) throw new IllegalArgumentException("input has " + x.length + " values; expected " + inputs);
        if (y.length != outputs) throw new IllegalArgumentException("output has " + y.length + " values; expected " + outputs);
        for (int k = 0; k < outputs; k++) y[k] = (float) options.activation().value(net(k, x, 0));
    }

    /** y = f(W x~) for one pattern, in double. */
    public double[] output(double... x) {
        if (x.length != inputs) throw new IllegalArgumentException("input has " + x.length + " values; expected " + inputs);
        float[] xf = new float[inputs];
        for (int j = 0; j < inputs; j++) xf[j] = (float) x[j];
        double[] y = new double[outputs];
        for (int k = 0; k < outputs; k++) y[k] = options.activation().value(net(k, xf, 0));
        return y;
    }

    /** Patterns of {@code data} with some output at least 0.5 away from its target, under the current weights. */
    public int errors(Dataset data) {
        checkShape(data);
        int errors = 0;
        for (int p = 0; p < data.rows(); p++) {
            for (int k = 0; k < outputs; k++) {
                double y = options.activation().value(net(k, data.x(), p * inputs));
                if (Math.abs(data.b()[p * outputs + k] - y) >= 0.5) {
                    errors++;
                    break;
                }
            }
        }
        return errors;
    }

    /**
     * Trains online, patterns in their order, epoch after epoch, until an epoch has no errors and
     * SSE &lt;= targetError, or maxEpochs. Per pattern and output unit k:
     * net_k = sum_j w_kj x_j (x_0 = -1), y_k = f(net_k), w_kj += eta * delta_k * x_j with delta_k
     * from {@link Rule}.
     *
     * @throws IllegalArgumentException if the data's widths differ from the perceptron's, or (for
     *         the perceptron rule) a target is not one of the step function's two values
     */
    public History train(Dataset data) {
        checkShape(data);
        Activation f = options.activation();
        if (options.rule() == Rule.PERCEPTRON) checkStepTargets(data, f);
        double eta = options.eta();
        int max = options.maxEpochs();
        int[] errors = new int[max];
        double[] sse = new double[max];
        float[] x = data.x(), b = data.b();
        int epoch = 0;
        boolean converged = false;
        while (epoch < max && !converged) {
            int wrong = 0;
            double e = 0;
            for (int p = 0; p < data.rows(); p++) {
                int off = p * inputs;
                boolean patternWrong = false;
                for (int k = 0; k < outputs; k++) {
                    double net = net(k, x, off);
                    double y = f.value(net);
                    double target = b[p * outputs + k];
                    double err = target - y;
                    e += 0.5 * err * err;
                    if (Math.abs(err) >= 0.5) patternWrong = true;
                    double step = eta * options.rule().delta(f, net, y, target);
                    if (step != 0) {
                        int r = k * (inputs + 1);
                        w[r] -= step; // x_0 = -1
                        for (int j = 0; j < inputs; j++) w[r + 1 + j] += step * x[off + j];
                    }
                }
                if (patternWrong) wrong++;
            }
            if (!Double.isFinite(e)) {
                throw new IllegalStateException("perceptron training diverged in epoch " + (epoch + 1)
                        + " (SSE " + e + "); try a smaller eta than " + eta);
            }
            errors[epoch] = wrong;
            sse[epoch] = e;
            epoch++;
            converged = wrong == 0 && e <= options.targetError();
        }
        return new History(Arrays.copyOf(errors, epoch), Arrays.copyOf(sse, epoch), converged);
    }

    private void checkShape(Dataset data) {
        if (data.inputs() != inputs || data.outputs() != outputs) {
            throw new IllegalArgumentException(data.source() + ": " + data.inputs() + " inputs and " + data.outputs()
                    + " targets per pattern; the perceptron has " + inputs + " inputs and " + outputs + " outputs");
        }
    }

    private static void checkStepTargets(Dataset data, Activation f) {
        float lo = (float) f.value(-1), hi = (float) f.value(1);
        float[] b = data.b();
        for (int i = 0; i < b.length; i++) {
            if (b[i] != lo && b[i] != hi) {
                throw new IllegalArgumentException(data.source() + ": target row " + (i / data.outputs() + 1)
                        + ", column " + (i % data.outputs() + 1) + " is " + b[i] + "; the perceptron rule with '"
                        + f.name() + "' units needs targets " + label(lo) + " or " + label(hi));
            }
        }
    }

    private static String label(float v) {
        return v == Math.rint(v) ? Integer.toString((int) v) : Float.toString(v);
    }
}
