package org.neurona.train;

import org.neurona.loss.Loss;
import org.neurona.train.rule.FullBatchRule;
import org.neurona.train.rule.GradientClipping;
import org.neurona.train.rule.LearningRule;
import org.neurona.train.rule.LearningRules;
import org.neurona.train.rule.Schedule;
import org.neurona.train.rule.Sgd;

/**
 * How to train a feedforward network: an immutable, validated record. Defaults (the lecture's):
 * SSE loss, gradient descent eta = 0.1 without momentum, full batch, no L2, 500 epochs, seed 1,
 * patterns in order, one thread. Build with {@link #builder()}.
 *
 * @param loss        what is minimised
 * @param rule        how gradients change weights (e.g. {@link Sgd} with eta and momentum alpha)
 * @param mode        online, batch or mini-batch
 * @param batchSize   patterns per update in {@link Mode#MINIBATCH} (ignored otherwise)
 * @param lambda      L2 regularisation: lambda sum w^2 is added to the error (weights only)
 * @param epochs      maximum passes over the training set
 * @param targetError stop as soon as the epoch's training error is at or below this (0: never)
 * @param seed        seeds shuffling and stochastic activations
 * @param shuffle     reshuffle the patterns every epoch
 * @param threads     kernel threads (results are bit-identical for a given thread count)
 * @param schedule    learning rate per epoch ({@link Schedule.Constant} keeps the rule's own)
 * @param clipping    gradient clipping before each update, or null for none
 * @param flatSpot    Fahlman's flat-spot elimination: c added to f'(net) in the backward pass (0: off)
 */
public record TrainOptions(Loss loss, LearningRule rule, Mode mode, int batchSize, double lambda, int epochs,
                           double targetError, long seed, boolean shuffle, int threads, Schedule schedule,
                           GradientClipping clipping, double flatSpot) {

    public TrainOptions {
        if (loss == null) throw new IllegalArgumentException("loss is required");
        if (rule == null) throw new IllegalArgumentException("learning rule is required");
        if (mode == null) throw new IllegalArgumentException("mode is required");
        if (mode == Mode.MINIBATCH && batchSize < 1) {
            throw new IllegalArgumentException("batch size must be >= 1 for mini-batch training, got " + batchSize);
        }
        if (!(lambda >= 0) || Double.isInfinite(lambda)) {
            throw new IllegalArgumentException("L2 lambda must be >= 0, got " + lambda);
        }
        if (epochs < 1) throw new IllegalArgumentException("epochs must be >= 1, got " + epochs);
        if (!(targetError >= 0)) throw new IllegalArgumentException("target error must be >= 0, got " + targetError);
        if (threads < 1) throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        if (schedule == null) schedule = new Schedule.Constant();
        if (!(schedule instanceof Schedule.Constant) && !Schedule.appliesTo(rule)) {
            throw new IllegalArgumentException("learning-rate schedule '" + schedule.name() + "' needs a rule with a"
                    + " learning rate; '" + rule.name() + "' adapts its own step sizes");
        }
        if (!(flatSpot >= 0) || Double.isInfinite(flatSpot)) {
            throw new IllegalArgumentException("flat-spot constant must be >= 0, got " + flatSpot);
        }
        if (rule instanceof FullBatchRule && mode != Mode.BATCH) {
            throw new IllegalArgumentException("learning rule '" + rule.name() + "' works on the whole training set;"
                    + " use batch mode, not " + mode.name().toLowerCase(java.util.Locale.ROOT));
        }
    }

    /** A builder starting from the lecture's defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from these options. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.loss = loss;
        b.rule = rule;
        b.mode = mode;
        b.batchSize = batchSize;
        b.lambda = lambda;
        b.epochs = epochs;
        b.targetError = targetError;
        b.seed = seed;
        b.shuffle = shuffle;
        b.threads = threads;
        b.schedule = schedule;
        b.clipping = clipping;
        b.flatSpot = flatSpot;
        return b;
    }

    /** Rows per weight update for a training set of {@code n} patterns. */
    public int rowsPerUpdate(int n) {
        return switch (mode) {
            case ONLINE -> 1;
            case BATCH -> Math.max(n, 1);
            case MINIBATCH -> Math.min(batchSize, Math.max(n, 1));
        };
    }

    /** Mutable helper that builds {@link TrainOptions}; defaults live here and only here. */
    public static final class Builder {
        private Loss loss = Loss.SSE;
        private LearningRule rule;
        private double eta = 0.1;
        private double momentum = 0;
        private Mode mode = Mode.BATCH;
        private int batchSize = 32;
        private double lambda = 0;
        private int epochs = 500;
        private double targetError = 0;
        private long seed = 1;
        private boolean shuffle = false;
        private int threads = 1;
        private Schedule schedule = new Schedule.Constant();
        private GradientClipping clipping;
        private double flatSpot = 0;

        private Builder() {}

        public Builder loss(Loss v) { loss = v; return this; }
        /** Gradient descent with this learning rate (keeps the momentum set). */
        public Builder eta(double v) { eta = v; rule = null; return this; }
        /** Gradient descent with this momentum alpha (keeps the learning rate set). */
        public Builder momentum(double v) { momentum = v; rule = null; return this; }
        /**
         * Everything an SNNS-style learning setup fixes ({@link LearningRules#parse}): the rule,
         * how patterns are presented (online, batch, chunks of k), the flat-spot constant, the
         * output tolerance dmax, and whether the batch gradient is averaged.
         */
        public Builder learn(LearningRules.Setup setup) {
            rule = setup.rule();
            switch (setup.presentation()) {
                case ONLINE -> mode = Mode.ONLINE;
                case BATCH -> mode = Mode.BATCH;
                case CHUNK -> {
                    mode = Mode.MINIBATCH;
                    batchSize = setup.chunkSize();
                }
            }
            flatSpot = setup.flatSpot();
            loss = loss.withTolerance(setup.dmax());
            if (setup.averaged()) loss = loss.withReduction(Loss.Reduction.MEAN);
            return this;
        }

        /** Any learning rule (overrides eta and momentum). */
        public Builder rule(LearningRule v) { rule = v; return this; }
        public Builder mode(Mode v) { mode = v; return this; }
        /** Mini-batch training with k patterns per update. */
        public Builder miniBatch(int k) { mode = Mode.MINIBATCH; batchSize = k; return this; }
        public Builder batchSize(int v) { batchSize = v; return this; }
        public Builder lambda(double v) { lambda = v; return this; }
        public Builder epochs(int v) { epochs = v; return this; }
        public Builder targetError(double v) { targetError = v; return this; }
        public Builder seed(long v) { seed = v; return this; }
        public Builder shuffle(boolean v) { shuffle = v; return this; }
        public Builder threads(int v) { threads = v; return this; }
        public Builder schedule(Schedule v) { schedule = v; return this; }
        public Builder clipping(GradientClipping v) { clipping = v; return this; }
        public Builder flatSpot(double v) { flatSpot = v; return this; }

        public TrainOptions build() {
            LearningRule r = rule != null ? rule : new Sgd(eta, momentum);
            return new TrainOptions(loss, r, mode, batchSize, lambda, epochs, targetError, seed, shuffle, threads,
                    schedule, clipping, flatSpot);
        }
    }
}
