package org.neurona.train;

import java.util.Locale;
import org.neurona.loss.Loss;
import org.neurona.train.rule.LearningRule;
import org.neurona.train.rule.Sgd;

/**
 * How {@link BpttTrainer} trains a recurrent net on a sequence: an immutable, validated record.
 * Defaults ({@link #defaults()}, {@link Builder}) are those of the time-series recipe:
 * momentum descent eta = 0.01, alpha = 0.9, 50 epochs, windows of 20 steps with the context
 * carried over, the lecture's SSE.
 *
 * @param rule          the learning rule (eta, momentum alpha), applied once per window
 * @param epochs        passes over the sequence, at least 1
 * @param window        k, the steps of one truncated-BPTT window (one weight update each);
 *                      0 = full BPTT, the whole sequence as one window
 * @param carryContext  whether each window starts from the context the previous window ended
 *                      with (true) or from zero (false); the gradient never crosses a window
 *                      boundary either way
 * @param lambda        L2 weight decay: E += lambda sum w^2 over weights (not biases), >= 0
 * @param clipNorm      if positive, the gradient of a window is scaled down to this global
 *                      Euclidean norm when longer (Pascanu, Mikolov and Bengio 2013); 0 = off
 * @param loss          SSE (the lecture's 1/2 sum (y - b)^2, summed over steps) or MSE (averaged);
 *                      each time step counts as one pattern of the loss's reduction, so with
 *                      SSE the gradient of a window is the sum of its steps' gradients
 */
public record BpttOptions(LearningRule rule, int epochs, int window, boolean carryContext, double lambda,
                          double clipNorm, Loss loss) {

    /**
     * The factor s in a window's error E = s sum_t sum_o (y_to - b_to)^2, for a window of
     * {@code steps} time steps (the "patterns" of {@link Loss}'s reduction) and {@code outputs}
     * outputs: SSE 1/2, MSE 1/O, each divided by the steps when the loss averages.
     */
    public static double squaredErrorScale(Loss loss, int steps, int outputs) {
        double perStep = loss.kind() == Loss.Kind.SSE ? 0.5 : 1.0 / outputs;
        return loss.reduction() == Loss.Reduction.SUM ? perStep : perStep / steps;
    }

    public BpttOptions {
        if (rule == null) throw new IllegalArgumentException("learning rule is missing");
        if (loss == null) throw new IllegalArgumentException("loss is missing; expected sse or mse");
        if (loss.kind() == Loss.Kind.CE) {
            throw new IllegalArgumentException("loss '" + loss.name() + "': recurrent nets are trained on squared error; "
                    + "expected sse or mse");
        }
        if (epochs < 1) throw new IllegalArgumentException("epochs must be at least 1, got " + epochs);
        if (window < 0) {
            throw new IllegalArgumentException("BPTT window must be at least 1 step (or 0 for full BPTT), got " + window);
        }
        if (!(lambda >= 0) || Double.isInfinite(lambda)) {
            throw new IllegalArgumentException("L2 lambda must be >= 0, got " + lambda);
        }
        if (!(clipNorm >= 0) || Double.isInfinite(clipNorm)) {
            throw new IllegalArgumentException("gradient clipping norm must be >= 0 (0 = off), got " + clipNorm);
        }
    }

    /** The builder's defaults: eta 0.01, momentum 0.9, 50 epochs, window 20, context carried, no L2, no clipping, SSE. */
    public static BpttOptions defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from these options. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.rule = rule;
        b.epochs = epochs;
        b.window = window;
        b.carryContext = carryContext;
        b.lambda = lambda;
        b.clipNorm = clipNorm;
        b.loss = loss;
        return b;
    }

    /** Mutable helper that builds {@link BpttOptions}; defaults live here and only here. */
    public static final class Builder {
        private LearningRule rule;
        private double eta = 0.01;
        private double momentum = 0.9;
        private int epochs = 50;
        private int window = 20;
        private boolean carryContext = true;
        private double lambda = 0;
        private double clipNorm = 0;
        private Loss loss = Loss.SSE;

        private Builder() {}

        /** Gradient descent with this learning rate (keeps the momentum set). */
        public Builder eta(double v) { eta = v; rule = null; return this; }
        /** Gradient descent with this momentum alpha (keeps the learning rate set). */
        public Builder momentum(double v) { momentum = v; rule = null; return this; }
        /** Any learning rule (overrides eta and momentum). */
        public Builder rule(LearningRule v) { rule = v; return this; }
        public Builder epochs(int v) { epochs = v; return this; }
        /** Truncated BPTT over k steps; 0 = full BPTT. */
        public Builder window(int k) { window = k; return this; }
        public Builder carryContext(boolean v) { carryContext = v; return this; }
        public Builder lambda(double v) { lambda = v; return this; }
        /** Clip the gradient to this global norm; 0 = off. */
        public Builder clipNorm(double v) { clipNorm = v; return this; }
        public Builder loss(Loss v) { loss = v; return this; }

        public BpttOptions build() {
            LearningRule r = rule != null ? rule : new Sgd(eta, momentum);
            return new BpttOptions(r, epochs, window, carryContext, lambda, clipNorm, loss);
        }
    }

    /** A one-line summary for logs and reports. */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s, %d epochs, %s, context %s, lambda %s, clip %s, %s", rule.name(), epochs,
                window == 0 ? "full BPTT" : "BPTT window " + window, carryContext ? "carried" : "reset", lambda,
                clipNorm == 0 ? "off" : clipNorm, loss.name());
    }
}
