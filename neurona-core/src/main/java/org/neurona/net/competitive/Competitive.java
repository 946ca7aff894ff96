package org.neurona.net.competitive;

import java.util.Arrays;
import java.util.OptionalDouble;
import org.neurona.data.Dataset;
import org.neurona.eval.Clustering;
import org.neurona.math.Rng;

/**
 * A trained competitive (winner-takes-all) layer: K prototypes, one per unit, each the centre of
 * the patterns that unit wins. {@link #train} implements the learning rule, the conscience and
 * the leak described in {@link CompetitiveSpec}.
 *
 * <p>Shapes: N = patterns, I = inputs, K = units; prototypes W are (K, I) row-major, unit k's
 * weights at {@code W[k*I .. k*I+I)}, the library's (O, I) weight layout with O = K.
 */
public final class Competitive {
    private final CompetitiveSpec spec;
    private final int inputs;
    private final float[] w;          // (K, I)
    private final double[] history;   // mean distance to the winner during each training epoch

    private Competitive(CompetitiveSpec spec, int inputs, float[] w, double[] history) {
        this.spec = spec;
        this.inputs = inputs;
        this.w = w;
        this.history = history;
    }

    /**
     * Trains a layer on the patterns {@code data.x()} (N, I); targets are ignored. The initial
     * prototypes are K distinct training patterns drawn with the spec's seed.
     *
     * @throws IllegalArgumentException if K is larger than the number of patterns
     */
    public static Competitive train(CompetitiveSpec spec, Dataset data) {
        checkData(spec, data);
        Rng rng = new Rng(spec.seed());
        int[] pick = rng.permutation(data.rows());
        float[] w = new float[spec.units() * data.inputs()];
        for (int k = 0; k < spec.units(); k++) {
            System.arraycopy(data.x(), pick[k] * data.inputs(), w, k * data.inputs(), data.inputs());
        }
        return run(spec, data, w, rng);
    }

    /**
     * Trains a layer from the given initial prototypes (K, I) instead of random patterns, to
     * reproduce a textbook case or to continue training. The array is copied.
     */
    public static Competitive train(CompetitiveSpec spec, Dataset data, float[] initialPrototypes) {
        checkData(spec, data);
        checkPrototypes(spec, data.inputs(), initialPrototypes);
        return run(spec, data, initialPrototypes.clone(), new Rng(spec.seed()));
    }

    /** A layer with the given prototypes (K, I), e.g. read from a model file. The array is copied. */
    public static Competitive of(CompetitiveSpec spec, int inputs, float[] prototypes) {
        if (inputs < 1) throw new IllegalArgumentException("inputs must be at least 1, got " + inputs);
        checkPrototypes(spec, inputs, prototypes);
        return new Competitive(spec, inputs, prototypes.clone(), new double[0]);
    }

    private static void checkData(CompetitiveSpec spec, Dataset data) {
        if (data.inputs() < 1) throw new IllegalArgumentException(data.source() + ": patterns have no inputs");
        if (spec.units() > data.rows()) {
            throw new IllegalArgumentException("K = " + spec.units() + " units but " + data.source() + " has only "
                    + data.rows() + " patterns; expected K <= number of patterns (each unit starts at a distinct pattern)");
        }
    }

    private static void checkPrototypes(CompetitiveSpec spec, int inputs, float[] p) {
        if (p.length != (long) spec.units() * inputs) {
            throw new IllegalArgumentException("prototypes have " + p.length + " values; K = " + spec.units()
                    + " units of " + inputs + " inputs need " + (long) spec.units() * inputs);
        }
    }

    private static Competitive run(CompetitiveSpec spec, Dataset data, float[] w, Rng rng) {
        int n = data.rows(), in = data.inputs(), units = spec.units();
        float[] x = data.x();
        boolean dot = spec.winner() == CompetitiveSpec.Winner.DOT_PRODUCT;
        if (dot) for (int k = 0; k < units; k++) normalise(w, k * in, in);
        boolean conscience = spec.conscience() > 0;
        double biasScale = conscience ? spec.conscience() * spread(x, n, in) : 0;
        double[] p = new double[units];
        Arrays.fill(p, 1.0 / units);
        double[] d = new double[units];
        double[] history = new double[spec.epochs()];
        for (int t = 0; t < spec.epochs(); t++) {
            float eta = (float) spec.etaAt(t), etaLoser = (float) (spec.leak() * eta);
            double sum = 0;
            for (int r : rng.permutation(n)) {
                int xo = r * in;
                for (int k = 0; k < units; k++) d[k] = score(x, xo, w, k * in, in, dot);
                int c = argmin(d);
                sum += Math.sqrt(Clustering.squaredDistance(x, xo, w, c * in, in));
                int learner = c;
                if (conscience) {
                    double b = spec.conscienceRate();
                    for (int k = 0; k < units; k++) {
                        p[k] += b * ((k == c ? 1 : 0) - p[k]);
                        d[k] -= biasScale * (1.0 / units - p[k]);
                    }
                    learner = argmin(d);
                }
                move(w, learner * in, x, xo, in, eta);
                if (dot) normalise(w, learner * in, in);
                if (etaLoser > 0) {
                    for (int k = 0; k < units; k++) {
                        if (k == learner) continue;
                        move(w, k * in, x, xo, in, etaLoser);
                        if (dot) normalise(w, k * in, in);
                    }
                }
            }
            history[t] = sum / n;
        }
        return new Competitive(spec, in, w, history);
    }

    /** The competition's score, smaller wins: ||x - w||^2, or -2 w.x for the dot-product rule. */
    private static double score(float[] x, int xo, float[] w, int wo, int in, boolean dot) {
        if (!dot) return Clustering.squaredDistance(x, xo, w, wo, in);
        double s = 0;
        for (int j = 0; j < in; j++) s += (double) w[wo + j] * x[xo + j];
        return -2 * s;
    }

    private static int argmin(double[] d) {
        int best = 0;
        for (int k = 1; k < d.length; k++) if (d[k] < d[best]) best = k;
        return best;
    }

    /** w[wo..) += eta (x[xo..) - w[wo..)). */
    private static void move(float[] w, int wo, float[] x, int xo, int in, float eta) {
        for (int j = 0; j < in; j++) w[wo + j] += eta * (x[xo + j] - w[wo + j]);
    }

    private static void normalise(float[] w, int wo, int in) {
        double s = 0;
        for (int j = 0; j < in; j++) s += (double) w[wo + j] * w[wo + j];
        if (s == 0) return; // a zero vector has no direction; it stays until a pattern moves it
        float inv = (float) (1 / Math.sqrt(s));
        for (int j = 0; j < in; j++) w[wo + j] *= inv;
    }

    /** Mean squared distance of the patterns to their centroid; 1 when that is 0, so the bias never vanishes. */
    private static double spread(float[] x, int n, int in) {
        double[] mean = new double[in];
        for (int r = 0; r < n; r++) for (int j = 0; j < in; j++) mean[j] += x[r * in + j];
        for (int j = 0; j < in; j++) mean[j] /= n;
        double s = 0;
        for (int r = 0; r < n; r++) {
            for (int j = 0; j < in; j++) {
                double e = x[r * in + j] - mean[j];
                s += e * e;
            }
        }
        s /= n;
        return s > 0 ? s : 1;
    }

    public CompetitiveSpec spec() {
        return spec;
    }

    /** K. */
    public int units() {
        return spec.units();
    }

    /** I. */
    public int inputs() {
        return inputs;
    }

    /** The prototypes (K, I), a copy. */
    public float[] prototypes() {
        return w.clone();
    }

    /**
     * Mean distance of each pattern to its winner's prototype during each training epoch (before
     * that pattern's update), one value per epoch; empty for a layer built by {@link #of}.
     */
    public double[] trainingError() {
        return history.clone();
    }

    /** The winning unit for one pattern of I values, by the spec's winner rule (no conscience bias). */
    public int winner(float[] pattern) {
        if (pattern.length != inputs) {
            throw new IllegalArgumentException("pattern has " + pattern.length + " values, the layer has " + inputs + " inputs");
        }
        return winnerAt(pattern, 0);
    }

    private int winnerAt(float[] x, int xo) {
        boolean dot = spec.winner() == CompetitiveSpec.Winner.DOT_PRODUCT;
        int best = 0;
        double bestS = Double.POSITIVE_INFINITY;
        for (int k = 0; k < spec.units(); k++) {
            double s = score(x, xo, w, k * inputs, inputs, dot);
            if (s < bestS) {
                bestS = s;
                best = k;
            }
        }
        return best;
    }

    /** The winning unit of every pattern (N). */
    public int[] assign(Dataset data) {
        checkWidth(data);
        int[] a = new int[data.rows()];
        for (int r = 0; r < a.length; r++) a[r] = winnerAt(data.x(), r * inputs);
        return a;
    }

    /** Mean Euclidean distance of the patterns to their winners' prototypes. */
    public double quantizationError(Dataset data) {
        return Clustering.quantizationError(data.x(), data.rows(), inputs, w, assign(data));
    }

    /** Assignment, prototypes, wins and quantisation error on {@code data}, without purity. */
    public CompetitiveResult evaluate(Dataset data) {
        int[] a = assign(data);
        return new CompetitiveResult(a, w.clone(), spec.units(), inputs, Clustering.counts(a, spec.units()),
                Clustering.quantizationError(data.x(), data.rows(), inputs, w, a), OptionalDouble.empty());
    }

    /** As {@link #evaluate(Dataset)}, with the purity against {@code labels} (one class index per pattern). */
    public CompetitiveResult evaluate(Dataset data, int[] labels) {
        CompetitiveResult r = evaluate(data);
        return new CompetitiveResult(r.assignment(), r.prototypes(), r.units(), r.inputs(), r.wins(),
                r.quantizationError(), OptionalDouble.of(Clustering.purity(r.assignment(), labels)));
    }

    private void checkWidth(Dataset data) {
        if (data.inputs() != inputs) {
            throw new IllegalArgumentException(data.source() + " has " + data.inputs() + " inputs per pattern; the layer was trained on "
                    + inputs);
        }
    }
}
