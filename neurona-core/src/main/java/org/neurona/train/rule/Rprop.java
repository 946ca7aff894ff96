package org.neurona.train.rule;

import java.util.List;
import org.neurona.layer.Param;

/**
 * Resilient backpropagation (Rprop) as SNNS implements it: each weight has its own step size
 * Delta, adapted from the sign of its gradient only, never from its size.
 *
 * <p>With g(t) = dE/dw(t) + 10^(-a) w(t) (the weight-decay term only when the exponent a is not 0)
 * and Delta w(t-1) the weight's previous change:
 * <pre>
 *   if Delta w(t-1) g(t) &lt; 0 (same direction as before):
 *       Delta(t) = min(eta+ Delta(t-1), deltamax)      Delta w(t) = -sign(g(t)) Delta(t)
 *   if Delta w(t-1) g(t) &gt; 0 (the gradient changed sign: the last step jumped over a minimum):
 *       Delta(t) = max(eta- Delta(t-1), 1e-6)          Delta w(t) = 0
 *   otherwise (first step, or the step after a sign change):
 *       Delta(t) = Delta(t-1)                          Delta w(t) = -sign(g(t)) Delta(t)
 *   w(t+1) = w(t) + Delta w(t)
 * </pre>
 * with eta+ = 1.2, eta- = 0.5 and Delta(0) = delta0 (Riedmiller and Braun 1993). This is the
 * variant in SNNS's {@code MODI_rprop} (learn_f.c): <b>no weight-backtracking</b>: after a sign
 * change the step is skipped (not undone, as in the paper's original version) and the next step
 * restarts adaptation. In the taxonomy of Igel and Huesken (2000) it is iRprop-. For the variant
 * that undoes steps when the error rises see {@link IRpropPlus}. One deliberate difference from
 * the SNNS code: a weight whose gradient is exactly 0 at a restart does not move (SNNS repeats
 * its previous change).
 *
 * <p>The weight decay follows SNNS: the third SNNS parameter is an exponent a, the decay term
 * is 10^(-a) w added to the gradient of every parameter (biases too), and a = 0 switches it off.
 * Rprop is a batch method: the trainer should present the whole training set per step. It has
 * no learning rate: {@link #learningRate()} is NaN and the optimiser rejects
 * {@link Optimizer#learningRate(double)} (a schedule does not apply).
 *
 * <p>M. Riedmiller and H. Braun, "A direct adaptive method for faster backpropagation learning:
 * the RPROP algorithm", Proc. IEEE International Conference on Neural Networks, 1993, 586-591.
 *
 * @param delta0        initial step size Delta(0), positive, at most deltaMax (SNNS default 0.1)
 * @param deltaMax      largest step size (SNNS default 50)
 * @param decayExponent a in the decay factor 10^(-a); 0 means no decay (SNNS default 0)
 */
public record Rprop(double delta0, double deltaMax, double decayExponent) implements LearningRule {

    /** Growth of the step size while the gradient keeps its sign. */
    public static final double ETA_PLUS = 1.2;
    /** Shrinking of the step size after a sign change. */
    public static final double ETA_MINUS = 0.5;
    /** Smallest step size (SNNS's RPROP_MINEPS). */
    public static final double DELTA_MIN = 1e-6;

    public Rprop {
        if (!(delta0 > 0) || Double.isInfinite(delta0)) {
            throw new IllegalArgumentException("Rprop delta0 must be positive and finite, got " + delta0);
        }
        if (!(deltaMax >= delta0) || Double.isInfinite(deltaMax)) {
            throw new IllegalArgumentException("Rprop deltamax must be finite and at least delta0 = " + delta0
                    + ", got " + deltaMax);
        }
        if (!(decayExponent >= 0) || Double.isInfinite(decayExponent)) {
            throw new IllegalArgumentException("Rprop weight-decay exponent must be finite and >= 0 (0 = no decay), got "
                    + decayExponent);
        }
    }

    /** SNNS's defaults: delta0 = 0.1, deltamax = 50, no weight decay. */
    public Rprop() {
        this(0.1, 50, 0);
    }

    /** The decay factor 10^(-a), or 0 when the exponent is 0. */
    public double decay() {
        return decayExponent == 0 ? 0 : Math.pow(10, -decayExponent);
    }

    @Override
    public String name() {
        return "rprop:" + delta0 + ":" + deltaMax + ":" + decayExponent;
    }

    /** NaN: Rprop has no global learning rate. */
    @Override
    public double learningRate() {
        return Double.NaN;
    }

    @Override
    public Optimizer create(List<Param> params) {
        return new State(params, this);
    }

    private static final class State implements Optimizer {
        private final Param[] params;
        private final float[][] delta;    // Delta(t-1), per weight
        private final float[][] lastStep; // Delta w(t-1), per weight
        private final float deltaMax;
        private final float decay;

        State(List<Param> params, Rprop rule) {
            this.params = params.toArray(Param[]::new);
            this.delta = new float[this.params.length][];
            this.lastStep = new float[this.params.length][];
            for (int i = 0; i < this.params.length; i++) {
                delta[i] = new float[this.params[i].size()];
                java.util.Arrays.fill(delta[i], (float) rule.delta0());
                lastStep[i] = new float[this.params[i].size()];
            }
            this.deltaMax = (float) rule.deltaMax();
            this.decay = (float) rule.decay();
        }

        @Override
        public void step() {
            for (int i = 0; i < params.length; i++) {
                float[] w = params[i].value(), dEdw = params[i].grad(), d = delta[i], last = lastStep[i];
                for (int j = 0; j < w.length; j++) {
                    float g = dEdw[j] + decay * w[j];
                    float direction = last[j] * g;
                    float change;
                    if (direction < 0) {
                        d[j] = Math.min(d[j] * (float) ETA_PLUS, deltaMax);
                        change = g < 0 ? d[j] : -d[j];
                    } else if (direction > 0) {
                        d[j] = Math.max(d[j] * (float) ETA_MINUS, (float) DELTA_MIN);
                        change = 0;
                    } else {
                        change = g < 0 ? d[j] : g > 0 ? -d[j] : 0;
                    }
                    w[j] += change;
                    last[j] = change;
                }
            }
        }

        @Override
        public void learningRate(double eta) {
            throw new UnsupportedOperationException(
                    "Rprop adapts a step size per weight and has no learning rate: a learning-rate schedule does not apply");
        }
    }
}
