package org.neurona.train.rule;

import java.util.List;
import org.neurona.layer.Param;

/**
 * iRprop+: Rprop with weight-backtracking that undoes a step only when the error went up
 * (Igel and Huesken 2000, "improved Rprop with backtracking").
 *
 * <p>With g(t) = dE/dw(t), E(t) the error at the current weights (told through
 * {@link LossAware#loss}) and eta+ = 1.2, eta- = 0.5, for every weight:
 * <pre>
 *   if g(t-1) g(t) &gt; 0:  Delta(t) = min(eta+ Delta(t-1), deltamax)
 *                        Delta w(t) = -sign(g(t)) Delta(t);  w += Delta w(t)
 *   if g(t-1) g(t) &lt; 0:  Delta(t) = max(eta- Delta(t-1), deltamin)
 *                        if E(t) &gt; E(t-1): w -= Delta w(t-1)     (backtrack)
 *                        g(t) := 0                              (no adaptation next step)
 *   otherwise:          Delta w(t) = -sign(g(t)) Delta(t);  w += Delta w(t)
 * </pre>
 * Delta(0) = delta0. The backtracking decision is global (one error for all weights), the sign
 * test is per weight. The optimiser implements {@link LossAware}: the trainer must call
 * {@code loss(E)} with the full-batch error at the current weights before every {@code step()}
 * (it throws otherwise). Like {@link Rprop} it is a batch method without a learning rate.
 *
 * <p>C. Igel and M. Huesken, "Improving the Rprop learning algorithm", Proc. Second International
 * Symposium on Neural Computation (NC 2000), ICSC Academic Press, 2000, 115-121.
 *
 * @param delta0   initial step size, positive, at most deltaMax (default 0.1)
 * @param deltaMax largest step size (default 50)
 */
public record IRpropPlus(double delta0, double deltaMax) implements LearningRule {

    public IRpropPlus {
        if (!(delta0 > 0) || Double.isInfinite(delta0)) {
            throw new IllegalArgumentException("iRprop+ delta0 must be positive and finite, got " + delta0);
        }
        if (!(deltaMax >= delta0) || Double.isInfinite(deltaMax)) {
            throw new IllegalArgumentException("iRprop+ deltamax must be finite and at least delta0 = " + delta0
                    + ", got " + deltaMax);
        }
    }

    /** delta0 = 0.1, deltamax = 50. */
    public IRpropPlus() {
        this(0.1, 50);
    }

    @Override
    public String name() {
        return "irprop+:" + delta0 + ":" + deltaMax;
    }

    /** NaN: iRprop+ has no global learning rate. */
    @Override
    public double learningRate() {
        return Double.NaN;
    }

    @Override
    public Optimizer create(List<Param> params) {
        return new State(params, this);
    }

    private static final class State implements Optimizer, LossAware {
        private final Param[] params;
        private final float[][] delta;     // Delta(t-1)
        private final float[][] lastStep;  // Delta w(t-1)
        private final float[][] lastGrad;  // g(t-1), 0 after a sign change
        private final float deltaMax;
        private double error = Double.NaN;         // E(t), set by loss()
        private double lastError = Double.POSITIVE_INFINITY; // E(t-1)

        State(List<Param> params, IRpropPlus rule) {
            this.params = params.toArray(Param[]::new);
            int n = this.params.length;
            delta = new float[n][];
            lastStep = new float[n][];
            lastGrad = new float[n][];
            for (int i = 0; i < n; i++) {
                int size = this.params[i].size();
                delta[i] = new float[size];
                java.util.Arrays.fill(delta[i], (float) rule.delta0());
                lastStep[i] = new float[size];
                lastGrad[i] = new float[size];
            }
            deltaMax = (float) rule.deltaMax();
        }

        @Override
        public void loss(double E) {
            error = E;
        }

        @Override
        public void step() {
            if (Double.isNaN(error)) {
                throw new IllegalStateException(
                        "iRprop+ needs the error of the current weights: call loss(E) before every step()");
            }
            boolean errorRose = error > lastError;
            for (int i = 0; i < params.length; i++) {
                float[] w = params[i].value(), g = params[i].grad();
                float[] d = delta[i], last = lastStep[i], prevG = lastGrad[i];
                for (int j = 0; j < w.length; j++) {
                    float product = prevG[j] * g[j];
                    if (product > 0) {
                        d[j] = Math.min(d[j] * (float) Rprop.ETA_PLUS, deltaMax);
                        last[j] = g[j] < 0 ? d[j] : -d[j];
                        w[j] += last[j];
                        prevG[j] = g[j];
                    } else if (product < 0) {
                        d[j] = Math.max(d[j] * (float) Rprop.ETA_MINUS, (float) Rprop.DELTA_MIN);
                        if (errorRose) {
                            w[j] -= last[j];
                        }
                        last[j] = 0;
                        prevG[j] = 0;
                    } else {
                        last[j] = g[j] < 0 ? d[j] : g[j] > 0 ? -d[j] : 0;
                        w[j] += last[j];
                        prevG[j] = g[j];
                    }
                }
            }
            lastError = error;
            error = Double.NaN;
        }

        @Override
        public void learningRate(double eta) {
            throw new UnsupportedOperationException(
                    "iRprop+ adapts a step size per weight and has no learning rate: a learning-rate schedule does not apply");
        }
    }
}
