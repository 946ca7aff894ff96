package org.neurona.train.rule;

import java.util.List;
import org.neurona.layer.Param;

/**
 * Quickprop (Fahlman 1988): each weight jumps towards the minimum of a parabola fitted through
 * its current and previous slope, limited to mu times its previous step.
 *
 * <p>With the slope S(t) = dE/dw(t) + nu w(t) (nu the weight decay), Delta w(t-1) the previous
 * change, S(t-1) the previous slope and the shrink factor s = mu / (1 + mu):
 * <pre>
 *   Delta w(t-1) = 0:  Delta w(t) = -eta S(t)                          (a plain gradient step)
 *   Delta w(t-1) &gt; 0:  Delta w(t) = [-eta S(t) if S(t) &lt; 0]
 *                                  + (mu Delta w(t-1)                    if S(t) &lt;= s S(t-1)
 *                                     S(t) / (S(t-1) - S(t)) Delta w(t-1) otherwise)
 *   Delta w(t-1) &lt; 0:  the mirror image (S(t) &gt; 0 adds the gradient term; S(t) &gt;= s S(t-1)
 *                     takes the maximal step mu Delta w(t-1))
 *   w(t+1) = w(t) + Delta w(t)
 * </pre>
 * The gradient term is added only while the slope still points the way the last step went;
 * the quadratic term S/(S(t-1) - S) Delta w(t-1) is the secant step to the parabola's minimum.
 * This is the rule of SNNS's {@code MODI_quickprop} (learn_f.c), which follows Fahlman's code.
 * One guard SNNS lacks: where the quadratic term would divide by S(t-1) - S(t) = 0, the weight
 * restarts with the gradient step -eta S(t) instead of taking an infinite step. The decay applies
 * to every parameter (biases too), as in SNNS. SNNS's Quickprop also adds Fahlman's 0.1 to the
 * activation derivative f'(net) (its SIGMOID_PRIME_OFFSET): that belongs to the backward pass,
 * so {@link LearningRules#parse} reports it as the flat-spot constant of the setup. Quickprop is a
 * batch method: the trainer should present the whole training set per step.
 *
 * <p>S. E. Fahlman, "An empirical study of learning speed in back-propagation networks",
 * Technical Report CMU-CS-88-162, Carnegie Mellon University, 1988.
 *
 * @param eta   learning rate of the gradient term, positive (SNNS suggests 0.1 to 0.3)
 * @param mu    maximal growth factor of a step, positive (SNNS suggests 1.75 to 2.25)
 * @param decay weight decay nu, &gt;= 0 (SNNS suggests 0.0001)
 */
public record Quickprop(double eta, double mu, double decay) implements LearningRule {

    public Quickprop {
        if (!(eta > 0) || Double.isInfinite(eta)) {
            throw new IllegalArgumentException("Quickprop learning rate eta must be positive, got " + eta);
        }
        if (!(mu > 0) || Double.isInfinite(mu)) {
            throw new IllegalArgumentException("Quickprop maximal growth factor mu must be positive (typically 1.75), got " + mu);
        }
        if (!(decay >= 0) || Double.isInfinite(decay)) {
            throw new IllegalArgumentException("Quickprop weight decay nu must be finite and >= 0, got " + decay);
        }
    }

    @Override
    public String name() {
        return "quickprop:" + eta + ":" + mu + ":" + decay;
    }

    @Override
    public double learningRate() {
        return eta;
    }

    @Override
    public Optimizer create(List<Param> params) {
        return new State(params, this);
    }

    private static final class State implements Optimizer {
        private final Param[] params;
        private final float[][] lastStep;  // Delta w(t-1)
        private final float[][] lastSlope; // S(t-1)
        private final double mu, shrink, decay;
        private double eta;

        State(List<Param> params, Quickprop rule) {
            this.params = params.toArray(Param[]::new);
            lastStep = new float[this.params.length][];
            lastSlope = new float[this.params.length][];
            for (int i = 0; i < this.params.length; i++) {
                lastStep[i] = new float[this.params[i].size()];
                lastSlope[i] = new float[this.params[i].size()];
            }
            eta = rule.eta();
            mu = rule.mu();
            shrink = rule.mu() / (1 + rule.mu());
            decay = rule.decay();
        }

        @Override
        public void step() {
            for (int i = 0; i < params.length; i++) {
                float[] w = params[i].value(), g = params[i].grad(), last = lastStep[i], prevS = lastSlope[i];
                for (int j = 0; j < w.length; j++) {
                    double s = g[j] + decay * w[j];
                    double a = last[j], b = prevS[j];
                    double change;
                    if (a > 0) {
                        change = s < 0 ? -eta * s : 0;
                        change += s <= shrink * b ? mu * a : secant(s, b, a);
                    } else if (a < 0) {
                        change = s > 0 ? -eta * s : 0;
                        change += s >= shrink * b ? mu * a : secant(s, b, a);
                    } else {
                        change = -eta * s;
                    }
                    if (Double.isNaN(change)) {
                        change = -eta * s;
                    }
                    w[j] += (float) change;
                    last[j] = (float) change;
                    prevS[j] = (float) s;
                }
            }
        }

        /** The step to the minimum of the parabola through the two slopes; NaN when they are equal. */
        private static double secant(double s, double prevS, double lastStep) {
            double denominator = prevS - s;
            return denominator == 0 ? Double.NaN : s / denominator * lastStep;
        }

        @Override
        public void learningRate(double eta) {
            this.eta = eta;
        }
    }
}
