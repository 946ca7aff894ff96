package org.neurona.eval;

/**
 * Measures of a clustering: which prototype is nearest, purity against known labels, and the
 * quantisation error. Shared by the competitive layer and the Kohonen map.
 *
 * <p>Shapes: N = patterns, I = inputs (pattern width), K = units (prototypes). Patterns
 * {@code x} are (N, I) row-major and prototypes {@code w} are (K, I) row-major, one unit's weight
 * vector a row, the library's usual layout. None of these methods modifies its arguments.
 */
public final class Clustering {
    private Clustering() {}

    /** Squared Euclidean distance between a[ao .. ao+n) and b[bo .. bo+n), summed in double. */
    public static double squaredDistance(float[] a, int ao, float[] b, int bo, int n) {
        double s = 0;
        for (int j = 0; j < n; j++) {
            double d = (double) a[ao + j] - b[bo + j];
            s += d * d;
        }
        return s;
    }

    /**
     * The unit whose prototype is nearest (Euclidean) to the pattern x[xo .. xo+I); ties go to the
     * lowest index so the answer is deterministic.
     *
     * @param w prototypes (K, I)
     */
    public static int nearest(float[] x, int xo, float[] w, int units, int inputs) {
        int best = 0;
        double bestD = Double.POSITIVE_INFINITY;
        for (int k = 0; k < units; k++) {
            double d = squaredDistance(x, xo, w, k * inputs, inputs);
            if (d < bestD) {
                bestD = d;
                best = k;
            }
        }
        return best;
    }

    /**
     * Quantisation error: the mean Euclidean distance (not squared) of each pattern to the
     * prototype of the unit it is assigned to, (1/N) sum_n ||x_n - w_c(n)||.
     *
     * @param x          patterns (N, I)
     * @param prototypes (K, I)
     * @param assignment unit index per pattern (N), each in [0, K)
     * @return 0 for N = 0
     */
    public static double quantizationError(float[] x, int rows, int inputs, float[] prototypes, int[] assignment) {
        if (assignment.length != rows) {
            throw new IllegalArgumentException("assignment has " + assignment.length + " entries for " + rows + " patterns");
        }
        if (x.length < (long) rows * inputs) {
            throw new IllegalArgumentException("patterns have " + x.length + " values, " + rows + " rows of " + inputs + " need " + (long) rows * inputs);
        }
        int units = inputs == 0 ? 0 : prototypes.length / inputs;
        double sum = 0;
        for (int n = 0; n < rows; n++) {
            int k = assignment[n];
            if (k < 0 || k >= units) {
                throw new IllegalArgumentException("assignment of pattern " + n + " is unit " + k + "; expected 0.." + (units - 1));
            }
            sum += Math.sqrt(squaredDistance(x, n * inputs, prototypes, k * inputs, inputs));
        }
        return rows == 0 ? 0 : sum / rows;
    }

    /**
     * Purity: each cluster is credited with its most frequent label, and purity is the fraction of
     * patterns that carry their cluster's label, (1/N) sum_k max_c |cluster k and class c|
     * (Manning, Raghavan and Schuetze 2008, sec. 16.3). 1 is perfect; putting every pattern in its
     * own cluster also gives 1, so read it together with the number of clusters.
     *
     * @param assignment cluster index per pattern, non-negative
     * @param labels     class index per pattern, non-negative, same length
     * @return 0 for no patterns
     */
    public static double purity(int[] assignment, int[] labels) {
        if (assignment.length != labels.length) {
            throw new IllegalArgumentException(assignment.length + " cluster indices but " + labels.length + " labels; expected one label per pattern");
        }
        int clusters = 1 + max(assignment, "cluster index"), classes = 1 + max(labels, "label");
        int[] table = new int[clusters * classes];
        for (int n = 0; n < assignment.length; n++) table[assignment[n] * classes + labels[n]]++;
        long hits = 0;
        for (int k = 0; k < clusters; k++) {
            int best = 0;
            for (int c = 0; c < classes; c++) best = Math.max(best, table[k * classes + c]);
            hits += best;
        }
        return assignment.length == 0 ? 0 : (double) hits / assignment.length;
    }

    /** How many patterns each of the K units won; a unit with count 0 is a dead unit. */
    public static int[] counts(int[] assignment, int units) {
        int[] c = new int[units];
        for (int n = 0; n < assignment.length; n++) {
            int k = assignment[n];
            if (k < 0 || k >= units) {
                throw new IllegalArgumentException("assignment of pattern " + n + " is unit " + k + "; expected 0.." + (units - 1));
            }
            c[k]++;
        }
        return c;
    }

    private static int max(int[] v, String what) {
        int m = -1;
        for (int i = 0; i < v.length; i++) {
            if (v[i] < 0) throw new IllegalArgumentException(what + " of pattern " + i + " is " + v[i] + "; expected >= 0");
            m = Math.max(m, v[i]);
        }
        return m;
    }
}
