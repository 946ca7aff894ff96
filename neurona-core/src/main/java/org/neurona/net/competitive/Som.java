package org.neurona.net.competitive;

import java.util.OptionalDouble;
import org.neurona.data.Dataset;
import org.neurona.eval.Clustering;
import org.neurona.math.Rng;

/**
 * A trained Kohonen self-organising map: rows x cols units on a grid, each with a weight vector
 * in input space, trained so that units near each other on the grid have similar weights
 * (Kohonen 1982). {@link #train} implements the online rule in {@link SomSpec}.
 *
 * <p>Shapes: N = patterns, I = inputs, U = rows * cols units; weights are (U, I) row-major and
 * unit u sits at grid row u / cols, column u % cols.
 */
public final class Som {
    private final SomSpec spec;
    private final int inputs;
    private final float[] w; // (U, I)
    private final double[] history; // mean distance of patterns to their winner during each epoch

    private Som(SomSpec spec, int inputs, float[] w, double[] history) {
        this.spec = spec;
        this.inputs = inputs;
        this.w = w;
        this.history = history;
    }

    /** Trains a map on {@code data.x()} (N, I); targets are ignored. */
    public static Som train(SomSpec spec, Dataset data) {
        int n = data.rows(), in = data.inputs(), units = spec.units();
        if (in < 1) throw new IllegalArgumentException(data.source() + ": patterns have no inputs");
        if (n < 1) throw new IllegalArgumentException(data.source() + " has no patterns; a SOM needs at least one");
        float[] x = data.x();
        Rng rng = new Rng(spec.seed());
        float[] w = new float[units * in];
        int[] pick = rng.permutation(n);
        for (int u = 0; u < units; u++) {
            int r = units <= n ? pick[u] : rng.nextInt(n);
            System.arraycopy(x, r * in, w, u * in, in);
        }
        int cols = spec.cols();
        double[] h = new double[units];
        double[] history = new double[spec.epochs()];
        for (int t = 0; t < spec.epochs(); t++) {
            double eta = spec.etaAt(t), sigma = spec.radiusAt(t), twoSigma2 = 2 * sigma * sigma;
            double sum = 0;
            for (int r : rng.permutation(n)) {
                int xo = r * in;
                int c = Clustering.nearest(x, xo, w, units, in);
                sum += Math.sqrt(Clustering.squaredDistance(x, xo, w, c * in, in));
                int cr = c / cols, cc = c % cols;
                for (int u = 0; u < units; u++) {
                    int dr = u / cols - cr, dc = u % cols - cc;
                    h[u] = eta * Math.exp(-(dr * dr + dc * dc) / twoSigma2);
                }
                for (int u = 0; u < units; u++) {
                    float f = (float) h[u];
                    if (f == 0f) continue; // far outside the neighbourhood: exp underflowed
                    int wo = u * in;
                    for (int j = 0; j < in; j++) w[wo + j] += f * (x[xo + j] - w[wo + j]);
                }
            }
            history[t] = sum / n;
        }
        return new Som(spec, in, w, history);
    }

    /** A map with the given weights (rows*cols, I), e.g. read from a model file. The array is copied. */
    public static Som of(SomSpec spec, int inputs, float[] weights) {
        if (inputs < 1) throw new IllegalArgumentException("inputs must be at least 1, got " + inputs);
        if (weights.length != (long) spec.units() * inputs) {
            throw new IllegalArgumentException("SOM weights have " + weights.length + " values; a " + spec.rows() + "x" + spec.cols()
                    + " grid of " + inputs + " inputs needs " + (long) spec.units() * inputs);
        }
        return new Som(spec, inputs, weights.clone(), new double[0]);
    }

    public SomSpec spec() {
        return spec;
    }

    public int rows() {
        return spec.rows();
    }

    public int cols() {
        return spec.cols();
    }

    /** I. */
    public int inputs() {
        return inputs;
    }

    /** The weights (rows*cols, I) in grid order, a copy. */
    public float[] weights() {
        return w.clone();
    }

    /** Mean distance of the patterns to their winner during each training epoch; empty for {@link #of}. */
    public double[] trainingError() {
        return history.clone();
    }

    /** The best-matching unit u = row * cols + col for one pattern of I values. */
    public int winner(float[] pattern) {
        if (pattern.length != inputs) {
            throw new IllegalArgumentException("pattern has " + pattern.length + " values, the map has " + inputs + " inputs");
        }
        return Clustering.nearest(pattern, 0, w, spec.units(), inputs);
    }

    /** The best-matching unit of every pattern (N). */
    public int[] assign(Dataset data) {
        checkWidth(data);
        int[] a = new int[data.rows()];
        for (int r = 0; r < a.length; r++) a[r] = Clustering.nearest(data.x(), r * inputs, w, spec.units(), inputs);
        return a;
    }

    /** Mean Euclidean distance of the patterns to their best-matching unit's weights. */
    public double quantizationError(Dataset data) {
        return Clustering.quantizationError(data.x(), data.rows(), inputs, w, assign(data));
    }

    /** Euclidean distance in weight space between units u and v. */
    public double weightDistance(int u, int v) {
        return Math.sqrt(Clustering.squaredDistance(w, u * inputs, w, v * inputs, inputs));
    }

    /**
     * The U-matrix (Ultsch and Siemon 1990), (rows, cols): for each unit the mean weight-space
     * distance to its grid neighbours up, down, left and right (those that exist). A 1x1 map gives
     * a single 0.
     */
    public double[][] uMatrix() {
        int rows = spec.rows(), cols = spec.cols();
        double[][] um = new double[rows][cols];
        int[][] steps = {{-1, 0}, {1, 0}, {0, -1}, {0, 1}};
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                double s = 0;
                int k = 0;
                for (int[] st : steps) {
                    int rr = r + st[0], cc = c + st[1];
                    if (rr < 0 || rr >= rows || cc < 0 || cc >= cols) continue;
                    s += weightDistance(r * cols + c, rr * cols + cc);
                    k++;
                }
                um[r][c] = k == 0 ? 0 : s / k;
            }
        }
        return um;
    }

    /**
     * Topographic error (Kiviluoto 1996): the fraction of patterns whose best and second-best
     * matching units are not grid neighbours (up, down, left, right). 0 for a one-unit map.
     */
    public double topographicError(Dataset data) {
        checkWidth(data);
        int units = spec.units(), cols = spec.cols();
        if (units < 2 || data.rows() == 0) return 0;
        int bad = 0;
        for (int r = 0; r < data.rows(); r++) {
            int best = -1, second = -1;
            double bd = Double.POSITIVE_INFINITY, sd = Double.POSITIVE_INFINITY;
            for (int u = 0; u < units; u++) {
                double d = Clustering.squaredDistance(data.x(), r * inputs, w, u * inputs, inputs);
                if (d < bd) {
                    second = best;
                    sd = bd;
                    best = u;
                    bd = d;
                } else if (d < sd) {
                    second = u;
                    sd = d;
                }
            }
            int steps = Math.abs(best / cols - second / cols) + Math.abs(best % cols - second % cols);
            if (steps != 1) bad++;
        }
        return (double) bad / data.rows();
    }

    /** Winners, wins, quantisation error, U-matrix and topographic error on {@code data}. */
    public SomResult evaluate(Dataset data) {
        return evaluate(data, null);
    }

    /** As {@link #evaluate(Dataset)}, with the purity against {@code labels} (one class index per pattern). */
    public SomResult evaluate(Dataset data, int[] labels) {
        int[] a = assign(data);
        CompetitiveResult clusters = new CompetitiveResult(a, w.clone(), spec.units(), inputs, Clustering.counts(a, spec.units()),
                Clustering.quantizationError(data.x(), data.rows(), inputs, w, a),
                labels == null ? OptionalDouble.empty() : OptionalDouble.of(Clustering.purity(a, labels)));
        return new SomResult(spec.rows(), spec.cols(), clusters, uMatrix(), topographicError(data));
    }

    private void checkWidth(Dataset data) {
        if (data.inputs() != inputs) {
            throw new IllegalArgumentException(data.source() + " has " + data.inputs() + " inputs per pattern; the map was trained on "
                    + inputs);
        }
    }
}
