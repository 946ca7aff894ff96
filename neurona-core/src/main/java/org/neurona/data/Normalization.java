package org.neurona.data;

import java.util.Arrays;
import java.util.Locale;

/**
 * Column-wise normalisation of inputs or targets, fitted on training data only and then applied,
 * unchanged, to validation, test and new data; inverted to bring a net's normalised outputs back
 * to the units of the targets. RSNNS's {@code normalizeData} (fit and apply),
 * {@code normalizeData(x, getNormParameters(...))} (apply) and {@code denormalizeData} (invert).
 *
 * <p>Every kind is an affine map per column j: x' = (x - shift_j) / scale_j, inverted by
 * x = x' scale_j + shift_j, computed in double. The fitted statistics:
 * <pre>
 *   MIN_MAX  ("0_1")     shift = min_j,  scale = max_j - min_j      maps the training range to [0, 1]
 *   CENTER   ("center")  shift = mean_j, scale = 1                  subtracts the mean
 *   Z_SCORE  ("norm")    shift = mean_j, scale = sd_j (n - 1, as R's sd)   mean 0, variance 1
 * </pre>
 * A constant column (range or sd 0) gets scale 1, so that applying and inverting stay exact
 * inverses; for Z_SCORE this is what RSNNS does, for MIN_MAX RSNNS leaves such a column unchanged
 * (and its denormalisation maps everything back to the minimum).
 *
 * <p>Immutable. {@link #shift()} and {@link #scale()} expose the statistics so that a model file
 * can store them and {@link #of} can rebuild the same normalisation years later.
 */
public final class Normalization {

    /** The kinds of normalisation, with RSNNS's names. */
    public enum Kind {
        /** To [0, 1] over the training range: RSNNS "0_1". */
        MIN_MAX("minmax", "0_1"),
        /** Subtract the mean: RSNNS "center". */
        CENTER("center", "center"),
        /** Mean 0, standard deviation 1: RSNNS "norm" (its default). */
        Z_SCORE("zscore", "norm");

        private final String id;
        private final String rsnnsName;

        Kind(String id, String rsnnsName) {
            this.id = id;
            this.rsnnsName = rsnnsName;
        }

        /** neurona's name, as model files and the command line write it: "minmax", "center", "zscore". */
        public String id() {
            return id;
        }

        /** The type string RSNNS's normalizeData uses for this kind. */
        public String rsnnsName() {
            return rsnnsName;
        }

        /** Parses "minmax" (or "0_1", "min-max"), "center" (or "centre"), "zscore" (or "norm", "z-score"). */
        public static Kind parse(String s) {
            return switch (s.trim().toLowerCase(Locale.ROOT)) {
                case "minmax", "min-max", "min_max", "0_1", "01" -> MIN_MAX;
                case "center", "centre", "centering", "centring" -> CENTER;
                case "zscore", "z-score", "z_score", "norm", "standard", "standardize" -> Z_SCORE;
                default -> throw new IllegalArgumentException("unknown normalisation '" + s
                        + "'; expected minmax (RSNNS 0_1), center or zscore (RSNNS norm)");
            };
        }
    }

    private final Kind kind;
    private final double[] shift;
    private final double[] scale;

    private Normalization(Kind kind, double[] shift, double[] scale) {
        this.kind = kind;
        this.shift = shift;
        this.scale = scale;
    }

    /**
     * Rebuilds a fitted normalisation from its statistics (as stored in a model file).
     *
     * @throws IllegalArgumentException if the arrays differ in length, a value is not finite or a
     *                                  scale is not positive
     */
    public static Normalization of(Kind kind, double[] shift, double[] scale) {
        if (kind == null) throw new IllegalArgumentException("normalisation kind is required");
        if (shift.length != scale.length) {
            throw new IllegalArgumentException("normalisation has " + shift.length + " shifts but " + scale.length
                    + " scales; expected one of each per column");
        }
        for (int j = 0; j < shift.length; j++) {
            if (!Double.isFinite(shift[j])) throw new IllegalArgumentException("normalisation shift of column " + (j + 1) + " is " + shift[j] + "; expected a finite number");
            if (!(scale[j] > 0) || Double.isInfinite(scale[j])) {
                throw new IllegalArgumentException("normalisation scale of column " + (j + 1) + " is " + scale[j] + "; expected a positive number");
            }
        }
        return new Normalization(kind, shift.clone(), scale.clone());
    }

    /**
     * Fits the statistics of each column of x (rows, cols).
     *
     * @throws IllegalArgumentException for no rows or a wrong array length
     */
    public static Normalization fit(Kind kind, float[] x, int rows, int cols) {
        if (rows < 1) throw new IllegalArgumentException("cannot fit a normalisation on 0 rows; expected training data");
        if (cols < 0 || x.length != (long) rows * cols) {
            throw new IllegalArgumentException(rows + " rows of " + cols + " columns need " + (long) rows * cols
                    + " values, got " + x.length);
        }
        double[] shift = new double[cols], scale = new double[cols];
        for (int j = 0; j < cols; j++) {
            double min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY, sum = 0;
            for (int r = 0; r < rows; r++) {
                double v = x[r * cols + j];
                min = Math.min(min, v);
                max = Math.max(max, v);
                sum += v;
            }
            double mean = sum / rows;
            switch (kind) {
                case MIN_MAX -> { shift[j] = min; scale[j] = max - min; }
                case CENTER -> { shift[j] = mean; scale[j] = 1; }
                case Z_SCORE -> {
                    double ss = 0;
                    for (int r = 0; r < rows; r++) {
                        double d = x[r * cols + j] - mean;
                        ss += d * d;
                    }
                    shift[j] = mean;
                    scale[j] = rows > 1 ? Math.sqrt(ss / (rows - 1)) : 0;
                }
            }
            if (!(scale[j] > 0)) scale[j] = 1;  // constant column: keep apply and invert exact inverses
        }
        return new Normalization(kind, shift, scale);
    }

    /** Fits on the inputs of a training set. */
    public static Normalization fitInputs(Kind kind, Dataset train) {
        return fit(kind, train.x(), train.rows(), train.inputs());
    }

    /** Fits on the targets of a training set (regression). */
    public static Normalization fitTargets(Kind kind, Dataset train) {
        return fit(kind, train.b(), train.rows(), train.outputs());
    }

    /** The kind. */
    public Kind kind() {
        return kind;
    }

    /** Number of columns. */
    public int columns() {
        return shift.length;
    }

    /** Per-column shift (min or mean, see the class comment); a copy. */
    public double[] shift() {
        return shift.clone();
    }

    /** Per-column scale (range, 1 or sd; 1 for constant columns); a copy. */
    public double[] scale() {
        return scale.clone();
    }

    /** x' = (x - shift) / scale for x (rows, cols); a new array. */
    public float[] apply(float[] x, int rows) {
        check(x, rows);
        int c = shift.length;
        float[] out = new float[x.length];
        for (int i = 0; i < x.length; i++) out[i] = (float) ((x[i] - shift[i % c]) / scale[i % c]);
        return out;
    }

    /** x = x' scale + shift for x' (rows, cols); a new array. RSNNS's denormalizeData. */
    public float[] invert(float[] y, int rows) {
        check(y, rows);
        int c = shift.length;
        float[] out = new float[y.length];
        for (int i = 0; i < y.length; i++) out[i] = (float) (y[i] * scale[i % c] + shift[i % c]);
        return out;
    }

    /** The dataset with normalised inputs (targets unchanged). */
    public Dataset applyInputs(Dataset d) {
        if (d.inputs() != shift.length) throw mismatch(d.inputs(), "inputs");
        return new Dataset(apply(d.x(), d.rows()), d.b(), d.rows(), d.inputs(), d.outputs(), d.classes(), d.source());
    }

    /** The dataset with normalised targets (inputs unchanged). */
    public Dataset applyTargets(Dataset d) {
        if (d.outputs() != shift.length) throw mismatch(d.outputs(), "targets");
        return new Dataset(d.x(), apply(d.b(), d.rows()), d.rows(), d.inputs(), d.outputs(), d.classes(), d.source());
    }

    private void check(float[] x, int rows) {
        if (rows < 0 || x.length != (long) rows * shift.length) {
            throw new IllegalArgumentException("normalisation fitted on " + shift.length + " columns got " + x.length
                    + " values for " + rows + " rows; expected " + (long) rows * shift.length);
        }
    }

    private IllegalArgumentException mismatch(int n, String what) {
        return new IllegalArgumentException("normalisation fitted on " + shift.length + " columns, but the data has "
                + n + " " + what);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Normalization n && kind == n.kind && Arrays.equals(shift, n.shift) && Arrays.equals(scale, n.scale);
    }

    @Override
    public int hashCode() {
        return kind.hashCode() * 31 * 31 + Arrays.hashCode(shift) * 31 + Arrays.hashCode(scale);
    }

    @Override
    public String toString() {
        return "Normalization[" + kind + ", shift=" + Arrays.toString(shift) + ", scale=" + Arrays.toString(scale) + "]";
    }
}
