package org.neurona.train;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * What happened during training: the error of every epoch on the training data (in the loss's
 * reduction, accumulated over the epoch's batches before each update) and, when a validation
 * set was given, on it after the epoch (NaN otherwise), plus why training stopped.
 *
 * <p>The three series are immutable lists backed by primitive arrays: a run of a million epochs
 * holds at most 28 MB (8 MB of errors per series, 12 MB of epoch times when each epoch is timed
 * on its own), not the 70 MB of boxed values, and nothing is boxed until an element is read.
 * Values repeated in runs are kept once a run (the epoch times of a block, a validation error
 * that is NaN throughout), so a run of a small net keeps little more than its training errors.
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
     * A summary: epochs, first and last training error, the last validation error when there is
     * one, the training seconds and why it stopped; the lists themselves are the components.
     */
    @Override
    public String toString() {
        double seconds = 0;
        for (double t : epochSeconds) seconds += t;
        String valid = Double.isNaN(finalValidationError()) ? "" : ", validation error " + finalValidationError();
        return "History[" + epochs() + " epochs, training error " + (epochs() == 0 ? "none" : trainError.get(0) + " -> "
                + finalTrainError()) + valid + ", " + String.format(java.util.Locale.ROOT, "%.3g", seconds) + " s, stop "
                + stop + "]";
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
        return ((Series) trainError).toArray(new double[trainError.size()]);
    }

    /**
     * An immutable list view of double arrays that nobody else holds: one value per element, or
     * runs of equal values (the epoch times of blocks timed together, a validation error that is
     * NaN throughout), so that a short run of a small net keeps little more than its errors.
     */
    static final class Series extends AbstractList<Double> implements RandomAccess {
        /** The values, or with {@code ends} one per run: run k covers elements ends[k-1] to ends[k] - 1. */
        private final double[] values;
        private final int[] ends;
        private final int size;

        private Series(double[] values, int[] ends, int size) {
            this.values = values;
            this.ends = ends;
            this.size = size;
        }

        /** The first {@code n} values, the array itself when it has exactly n. */
        static Series of(double[] values, int n) {
            return new Series(values.length == n ? values : Arrays.copyOf(values, n), null, n);
        }

        /** {@code n} times the value {@code v}. */
        static Series constant(double v, int n) {
            return runs(new int[] {n}, new double[] {v}, n == 0 ? 0 : 1);
        }

        /**
         * The first {@code runs} runs: run k gives {@code values[k]} to the elements up to
         * {@code ends[k]} (exclusive), ends increasing.
         */
        static Series runs(int[] ends, double[] values, int runs) {
            return runs == 0 ? of(new double[0], 0)
                    : new Series(Arrays.copyOf(values, runs), Arrays.copyOf(ends, runs), ends[runs - 1]);
        }

        static Series copyOf(List<Double> list) {
            if (list instanceof Series s) return s;
            double[] v = new double[list.size()];
            int i = 0;
            for (Double d : list) v[i++] = d; // throws NullPointerException on a null, as List.copyOf does
            return new Series(v, null, v.length);
        }

        @Override
        public Double get(int index) {
            if (ends == null) return values[index];
            Objects.checkIndex(index, size);
            int k = Arrays.binarySearch(ends, index + 1);
            return values[k >= 0 ? k : -k - 1];
        }

        double[] toArray(double[] out) {
            if (ends == null) {
                System.arraycopy(values, 0, out, 0, size);
            } else {
                for (int k = 0, from = 0; k < ends.length; from = ends[k++]) Arrays.fill(out, from, ends[k], values[k]);
            }
            return out;
        }

        @Override
        public int size() {
            return size;
        }
    }
}
