package org.neurona.train.rule;

import java.util.Locale;

/**
 * A learning-rate schedule: the learning rate eta for epoch e (counted from 1) as a function of
 * the rule's starting rate eta0. It is rule-agnostic: at the start of every epoch the trainer
 * calls {@code optimizer.learningRate(schedule.eta(e, rule.learningRate()))}. Rules without a
 * learning rate (Rprop, iRprop+, SCG: {@link LearningRule#learningRate()} is NaN) reject it;
 * {@link #appliesTo} lets a trainer say so before training starts.
 *
 * <p>Found by name with {@link #parse}: "constant", "step:10:0.5", "exp:0.95", "cosine:100" or
 * "cosine:100:0.0001".
 */
public sealed interface Schedule {

    /** The learning rate for epoch {@code epoch} (1, 2, ...) given the starting rate {@code eta0}. */
    double eta(int epoch, double eta0);

    /** The spec as {@link #parse} accepts it. */
    String name();

    /** Whether a schedule can drive {@code rule}, i.e. the rule has a learning rate. */
    static boolean appliesTo(LearningRule rule) {
        return !Double.isNaN(rule.learningRate());
    }

    /** eta(e) = eta0. */
    record Constant() implements Schedule {
        @Override
        public double eta(int epoch, double eta0) {
            checkEpoch(epoch);
            return eta0;
        }

        @Override
        public String name() {
            return "constant";
        }
    }

    /**
     * Step decay: eta(e) = eta0 gamma^floor((e - 1) / every), the rate multiplied by gamma after
     * every {@code every} epochs (PyTorch's {@code StepLR}).
     *
     * @param every epochs between drops, at least 1
     * @param gamma factor per drop, in (0, 1]
     */
    record Step(int every, double gamma) implements Schedule {
        public Step {
            if (every < 1) {
                throw new IllegalArgumentException("step schedule: epochs between drops must be >= 1, got " + every);
            }
            checkFactor("step schedule", gamma);
        }

        @Override
        public double eta(int epoch, double eta0) {
            checkEpoch(epoch);
            return eta0 * Math.pow(gamma, (epoch - 1) / every);
        }

        @Override
        public String name() {
            return "step:" + every + ":" + gamma;
        }
    }

    /**
     * Exponential decay: eta(e) = eta0 gamma^(e - 1) (PyTorch's {@code ExponentialLR}).
     *
     * @param gamma factor per epoch, in (0, 1]
     */
    record Exponential(double gamma) implements Schedule {
        public Exponential {
            checkFactor("exponential schedule", gamma);
        }

        @Override
        public double eta(int epoch, double eta0) {
            checkEpoch(epoch);
            return eta0 * Math.pow(gamma, epoch - 1);
        }

        @Override
        public String name() {
            return "exp:" + gamma;
        }
    }

    /**
     * Cosine annealing without restarts (Loshchilov and Hutter, "SGDR: stochastic gradient descent
     * with warm restarts", ICLR 2017): eta(e) = etaMin + (eta0 - etaMin) (1 + cos(pi (e - 1) / T)) / 2
     * for e - 1 &lt;= T, and etaMin after that.
     *
     * @param epochs T, the number of epochs from eta0 down to etaMin, at least 1
     * @param etaMin the final rate, &gt;= 0
     */
    record Cosine(int epochs, double etaMin) implements Schedule {
        public Cosine {
            if (epochs < 1) {
                throw new IllegalArgumentException("cosine schedule: epochs T must be >= 1, got " + epochs);
            }
            if (!(etaMin >= 0) || Double.isInfinite(etaMin)) {
                throw new IllegalArgumentException("cosine schedule: etaMin must be finite and >= 0, got " + etaMin);
            }
        }

        @Override
        public double eta(int epoch, double eta0) {
            checkEpoch(epoch);
            int e = Math.min(epoch - 1, epochs);
            return etaMin + (eta0 - etaMin) * (1 + Math.cos(Math.PI * e / epochs)) / 2;
        }

        @Override
        public String name() {
            return "cosine:" + epochs + ":" + etaMin;
        }
    }

    /**
     * Parses "constant", "step:EVERY:GAMMA", "exp:GAMMA" (or "exponential:GAMMA"),
     * "cosine:T[:ETAMIN]", case-insensitively.
     *
     * @throws IllegalArgumentException naming the spec and what was expected
     */
    static Schedule parse(String spec) {
        if (spec == null || spec.isBlank()) {
            throw new IllegalArgumentException("learning-rate schedule: empty spec, expected constant, step:EVERY:GAMMA, exp:GAMMA or cosine:T[:ETAMIN]");
        }
        String[] parts = spec.trim().split(":", -1);
        String kind = parts[0].toLowerCase(Locale.ROOT);
        try {
            switch (kind) {
                case "constant":
                    expectParts(spec, parts, 1, 1);
                    return new Constant();
                case "step":
                    expectParts(spec, parts, 3, 3);
                    return new Step(Integer.parseInt(parts[1].trim()), Double.parseDouble(parts[2].trim()));
                case "exp":
                case "exponential":
                    expectParts(spec, parts, 2, 2);
                    return new Exponential(Double.parseDouble(parts[1].trim()));
                case "cosine":
                    expectParts(spec, parts, 2, 3);
                    return new Cosine(Integer.parseInt(parts[1].trim()),
                            parts.length > 2 ? Double.parseDouble(parts[2].trim()) : 0);
                default:
                    throw new IllegalArgumentException("unknown learning-rate schedule '" + spec
                            + "', expected constant, step:EVERY:GAMMA, exp:GAMMA or cosine:T[:ETAMIN]");
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("learning-rate schedule '" + spec + "': a parameter is not a number ("
                    + e.getMessage() + ")");
        }
    }

    private static void expectParts(String spec, String[] parts, int min, int max) {
        if (parts.length < min || parts.length > max) {
            throw new IllegalArgumentException("learning-rate schedule '" + spec + "' has " + (parts.length - 1)
                    + " parameters, expected " + (min == max ? String.valueOf(min - 1) : (min - 1) + " to " + (max - 1)));
        }
    }

    private static void checkFactor(String what, double gamma) {
        if (!(gamma > 0 && gamma <= 1)) {
            throw new IllegalArgumentException(what + ": factor gamma must be in (0, 1], got " + gamma);
        }
    }

    private static void checkEpoch(int epoch) {
        if (epoch < 1) {
            throw new IllegalArgumentException("schedule: epochs count from 1, got " + epoch);
        }
    }
}
