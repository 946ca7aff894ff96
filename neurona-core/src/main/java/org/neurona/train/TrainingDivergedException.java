package org.neurona.train;

import org.neurona.train.rule.LearningRule;

/** Training produced a NaN or infinite error: the weights blew up, usually because eta is too large. */
public final class TrainingDivergedException extends RuntimeException {
    private final int epoch;

    public TrainingDivergedException(int epoch, double error, double eta) {
        super("training diverged at epoch " + epoch + ": the error is " + error + "; try a smaller learning rate than "
                + eta);
        this.epoch = epoch;
    }

    /** Divergence under {@code rule}: the advice names its learning rate, or its step sizes when it adapts them. */
    public TrainingDivergedException(int epoch, double error, LearningRule rule) {
        super(Double.isNaN(rule.learningRate())
                ? "training diverged at epoch " + epoch + ": the error is " + error + "; '" + rule.name()
                        + "' adapts its step sizes: try a smaller initial or maximum step, or scale the data"
                : "training diverged at epoch " + epoch + ": the error is " + error
                        + "; try a smaller learning rate than " + rule.learningRate());
        this.epoch = epoch;
    }

    /** The 1-based epoch at which the error stopped being finite. */
    public int epoch() {
        return epoch;
    }
}
