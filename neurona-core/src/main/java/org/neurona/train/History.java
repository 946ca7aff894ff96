package org.neurona.train;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.RandomAccess;

/**
 * What happened during training: the error of every epoch on the training data (in the loss's
 * reduction, accumulated over the epoch's batches before each update) and, when a validation
 * set was given, on it after the epoch (NaN otherwise), plus why training stopped.
 *
 * <p>The three series are immutable lists backed by {@code double} arrays: a run of a million
 * epochs holds 24 MB, not the 70 MB of boxed values, and nothing is boxed until an element is
 * read.
 *
 * @param trainError      per epoch
 * @param validationError per epoch (NaN entries without validation data)
 * @param epochSeconds    wall time of each epoch's training; online epochs of a small net on one
 *                        fixed training set, when shorter than 5 us, are timed in blocks of up to
 *                        64 epochs, each given the block's mean (reading the clock would cost a
 *                        twentieth of such an epoch)
 * @param stop            why training ended
 */
public record History(List<Double> trainError, List<Double> validationError, List<Double> epochSeconds,
                      StopReason stop) {

    /** Why training ended. */
    public enum StopReason { MAX_EPOCHS, TARGET_ERROR, LISTENER }

    public History {
        trainError = Series.copyOf(trainError);
        validationError = Series.copyOf(validationError);
        epochSeconds = Series.copyOf(epochSeconds);
    }

    /**
     * The first {@code epochs} entries of each array as a history; arrays of exactly that length
     * are taken over, not copied, so the caller must not change them afterwards.
     */
    static History of(double[] trainError, double[] validationError, double[] epochSeconds, int epochs,
                      StopReason stop) {
        return new History(Series.of(trainError, epochs), Series.of(validationError, epochs),
                Series.of(epochSeconds, epochs), stop);
    }

    /** Number of epochs run. */
    public int epochs() {
        return trainError.size();
    }

    /** The last epoch's training error. */
    public double finalTrainError() {
        return trainError.isEmpty() ? Double.NaN : trainError.get(trainError.size() - 1);
    }

    /** The last epoch's validation error (NaN without validation data). */
    public double finalValidationError() {
        return validationError.isEmpty() ? Double.NaN : validationError.get(validationError.size() - 1);
    }

    /** The training errors as an array. */
    public double[] trainErrorArray() {
        return ((Series) trainError).values.clone();
    }

    /** An immutable list view of a double array that nobody else holds. */
    private static final class Series extends AbstractList<Double> implements RandomAccess {
        private final double[] values;

        private Series(double[] values) {
            this.values = values;
        }

        static Series of(double[] values, int n) {
            return new Series(values.length == n ? values : Arrays.copyOf(values, n));
        }

        static Series copyOf(List<Double> list) {
            if (list instanceof Series s) return s;
            double[] v = new double[list.size()];
            int i = 0;
            for (Double d : list) v[i++] = d; // throws NullPointerException on a null, as List.copyOf does
            return new Series(v);
        }

        @Override
        public Double get(int index) {
            return values[index];
        }

        @Override
        public int size() {
            return values.length;
        }
    }
}
