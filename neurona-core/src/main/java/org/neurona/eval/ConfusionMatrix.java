package org.neurona.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.neurona.data.OneHot;

/**
 * Counts of (true class, predicted class) pairs: RSNNS's {@code confusionMatrix(targets,
 * predictions)}. Rows are true classes, columns predicted ones, plus a column for patterns the
 * decision rule left unclassified ({@link OneHot#UNCLASSIFIED}); a perfect classifier gives a
 * diagonal matrix.
 *
 * <pre>
 *   accuracy     = sum_c n(c, c) / N                 (unclassified patterns count as wrong)
 *   precision(c) = n(c, c) / sum_t n(t, c)           NaN when nothing was predicted as c
 *   recall(c)    = n(c, c) / sum_p n(c, p)           NaN when no pattern is of class c
 * </pre>
 */
public final class ConfusionMatrix {
    private final List<String> classes;
    private final long[][] counts;  // (K, K + 1): [true][predicted], column K = unclassified

    private ConfusionMatrix(List<String> classes, long[][] counts) {
        this.classes = List.copyOf(classes);
        this.counts = counts;
    }

    /**
     * From true and predicted class indices (0..K-1; predictions may be {@link OneHot#UNCLASSIFIED}).
     *
     * @throws IllegalArgumentException for arrays of different length or an index out of range
     */
    public static ConfusionMatrix of(int[] truth, int[] predicted, List<String> classes) {
        if (truth.length != predicted.length) {
            throw new IllegalArgumentException(truth.length + " true classes but " + predicted.length + " predictions");
        }
        int k = classes.size();
        if (k < 1) throw new IllegalArgumentException("a confusion matrix needs at least one class");
        long[][] n = new long[k][k + 1];
        for (int r = 0; r < truth.length; r++) {
            if (truth[r] < 0 || truth[r] >= k) {
                throw new IllegalArgumentException("true class " + truth[r] + " of pattern " + (r + 1) + "; expected 0.." + (k - 1));
            }
            int p = predicted[r];
            if (p != OneHot.UNCLASSIFIED && (p < 0 || p >= k)) {
                throw new IllegalArgumentException("predicted class " + p + " of pattern " + (r + 1) + "; expected 0.."
                        + (k - 1) + " or " + OneHot.UNCLASSIFIED + " (unclassified)");
            }
            n[truth[r]][p == OneHot.UNCLASSIFIED ? k : p]++;
        }
        return new ConfusionMatrix(classes, n);
    }

    /** From class indices, with classes named "0".."K-1". */
    public static ConfusionMatrix of(int[] truth, int[] predicted, int k) {
        List<String> names = new ArrayList<>();
        for (int c = 0; c < k; c++) names.add(Integer.toString(c));
        return of(truth, predicted, names);
    }

    /**
     * From one-hot targets and network outputs (rows, K), both decoded with {@code rule} (targets
     * always classify under WTA; outputs may be left unclassified), as RSNNS's confusionMatrix
     * does with encodeClassLabels.
     */
    public static ConfusionMatrix of(float[] targets, float[] outputs, int rows, List<String> classes, OneHot.Rule rule) {
        int k = classes.size();
        int[] t = OneHot.decode(targets, rows, k, OneHot.Rule.ARGMAX);
        int[] p = OneHot.decode(outputs, rows, k, rule);
        return of(t, p, classes);
    }

    /** The class names. */
    public List<String> classes() {
        return classes;
    }

    /** Patterns of true class t predicted as p ({@link OneHot#UNCLASSIFIED} for the unclassified column). */
    public long count(int t, int p) {
        return counts[t][p == OneHot.UNCLASSIFIED ? classes.size() : p];
    }

    /** Number of patterns. */
    public long total() {
        long n = 0;
        for (long[] row : counts) for (long v : row) n += v;
        return n;
    }

    /** Patterns on the diagonal. */
    public long correct() {
        long n = 0;
        for (int c = 0; c < classes.size(); c++) n += counts[c][c];
        return n;
    }

    /** Patterns the rule left unclassified. */
    public long unclassified() {
        long n = 0;
        for (long[] row : counts) n += row[classes.size()];
        return n;
    }

    /** Correct / total; NaN for no patterns. */
    public double accuracy() {
        long n = total();
        return n == 0 ? Double.NaN : (double) correct() / n;
    }

    /** Of the patterns predicted as c, the fraction truly c. */
    public double precision(int c) {
        long col = 0;
        for (long[] row : counts) col += row[c];
        return col == 0 ? Double.NaN : (double) counts[c][c] / col;
    }

    /** Of the patterns of class c, the fraction predicted as c. */
    public double recall(int c) {
        long row = 0;
        for (long v : counts[c]) row += v;
        return row == 0 ? Double.NaN : (double) counts[c][c] / row;
    }

    /** The matrix as text: true classes down, predictions across, recall per row, precision per column. */
    public String toText() {
        int k = classes.size();
        boolean any = unclassified() > 0;
        int w = 9;
        for (String c : classes) w = Math.max(w, c.length());
        for (long[] row : counts) for (long v : row) w = Math.max(w, Long.toString(v).length());
        String cell = "%" + (w + 1) + "s";
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "%-" + (w + 1) + "s", "true\\pred"));
        for (String c : classes) s.append(String.format(Locale.ROOT, cell, c));
        if (any) s.append(String.format(Locale.ROOT, " %12s", "unclassified"));
        s.append(String.format(Locale.ROOT, " %9s%n", "recall"));
        for (int t = 0; t < k; t++) {
            s.append(String.format(Locale.ROOT, "%-" + (w + 1) + "s", classes.get(t)));
            for (int p = 0; p < k; p++) s.append(String.format(Locale.ROOT, cell, counts[t][p]));
            if (any) s.append(String.format(Locale.ROOT, " %12d", counts[t][k]));
            s.append(String.format(Locale.ROOT, " %9s%n", fraction(recall(t))));
        }
        s.append(String.format(Locale.ROOT, "%-" + (w + 1) + "s", "precision"));
        for (int p = 0; p < k; p++) s.append(String.format(Locale.ROOT, cell, fraction(precision(p))));
        s.append(System.lineSeparator());
        s.append(String.format(Locale.ROOT, "accuracy %s (%d of %d)", fraction(accuracy()), correct(), total()));
        if (any) s.append(String.format(Locale.ROOT, ", %d unclassified", unclassified()));
        return s.append(System.lineSeparator()).toString();
    }

    private static String fraction(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.3f", v);
    }

    @Override
    public String toString() {
        return toText();
    }
}
