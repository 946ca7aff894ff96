package org.neurona.train;

import java.util.Locale;

/** When weights change: after every pattern, after the whole training set, or after every k patterns. */
public enum Mode {
    /** Per pattern: the lecture's five steps (pick, propagate, output deltas, hidden deltas, update). */
    ONLINE,
    /** Once per epoch from the gradient summed over all patterns (the lecture's numpy code). */
    BATCH,
    /** Once per group of k patterns. */
    MINIBATCH;

    /** Parses "online", "batch", "minibatch" (also "mini-batch"). */
    public static Mode parse(String s) {
        return switch (s.trim().toLowerCase(Locale.ROOT)) {
            case "online", "stochastic" -> ONLINE;
            case "batch", "full", "fullbatch" -> BATCH;
            case "minibatch", "mini-batch", "chunk" -> MINIBATCH;
            default -> throw new IllegalArgumentException("unknown mode '" + s + "'; expected online, batch or minibatch");
        };
    }
}
