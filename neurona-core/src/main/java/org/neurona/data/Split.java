package org.neurona.data;

import org.neurona.math.Rng;

/**
 * Splits a dataset into a training and a test part: RSNNS's {@code splitForTrainingAndTest(x, y,
 * ratio)}, which keeps the order and takes the test set from the end, and the same after a seeded
 * shuffle.
 *
 * <p>The training part has floor(n (1 - ratio)) patterns (R's {@code 1:(n * (1 - ratio))}, with
 * R's 1e-10 tolerance, so that 20 patterns at ratio 0.15 give 17 for training), the test part the
 * rest.
 *
 * @param train the training patterns
 * @param test  the test patterns
 */
public record Split(Dataset train, Dataset test) {

    /** RSNNS's default test ratio: 15 % of the data for testing. */
    public static final double RSNNS_RATIO = 0.15;

    /** The first floor(n (1 - testRatio)) patterns for training, the rest for testing, in order. */
    public static Split ordered(Dataset data, double testRatio) {
        int nTrain = trainCount(data.rows(), testRatio);
        return new Split(data.slice(0, nTrain), data.slice(nTrain, data.rows()));
    }

    /** The same split after shuffling the patterns with {@code rng}. */
    public static Split shuffled(Dataset data, double testRatio, Rng rng) {
        int nTrain = trainCount(data.rows(), testRatio);
        int[] p = rng.permutation(data.rows());
        return new Split(data.select(java.util.Arrays.copyOfRange(p, 0, nTrain)),
                data.select(java.util.Arrays.copyOfRange(p, nTrain, p.length)));
    }

    /** Number of training patterns out of n for a test ratio. */
    public static int trainCount(int n, double testRatio) {
        if (!(testRatio >= 0 && testRatio < 1)) {
            throw new IllegalArgumentException("test ratio " + testRatio + "; expected a fraction in [0, 1), e.g. 0.15");
        }
        int k = (int) Math.floor(n * (1 - testRatio) + 1e-10);
        if (k < 1) {
            throw new IllegalArgumentException("test ratio " + testRatio + " leaves no training pattern of " + n
                    + "; expected a smaller ratio or more data");
        }
        return Math.min(k, n);
    }
}
