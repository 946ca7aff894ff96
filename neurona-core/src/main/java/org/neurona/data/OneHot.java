package org.neurona.data;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * Class labels to one-hot target rows and network outputs back to classes: RSNNS's
 * {@code decodeClassLabels} ({@link #encode}), {@code encodeClassLabels} and
 * {@code analyzeClassification} ({@link #decode}, {@link Rule#classify}).
 *
 * <p>Classes are numbered 0..K-1 in the order of {@link #classes()}; {@link #UNCLASSIFIED} (-1)
 * marks a pattern that a decision rule leaves without a class (RSNNS returns 1..K and 0).
 */
public final class OneHot {

    /** The class index of a pattern no class was assigned to. */
    public static final int UNCLASSIFIED = -1;

    private final List<String> classes;
    private final Map<String, Integer> index = new HashMap<>();

    private OneHot(List<String> classes) {
        this.classes = List.copyOf(classes);
        for (int i = 0; i < this.classes.size(); i++) {
            if (index.put(this.classes.get(i), i) != null) {
                throw new IllegalArgumentException("class '" + this.classes.get(i) + "' is listed twice in " + classes);
            }
        }
        if (this.classes.isEmpty()) throw new IllegalArgumentException("one-hot coding needs at least one class");
    }

    /** One-hot coding over these classes, in this order. */
    public static OneHot of(List<String> classes) {
        return new OneHot(classes);
    }

    /**
     * One-hot coding over the distinct labels, sorted as R sorts factor levels: numerically when
     * every label is a number, else alphabetically. RSNNS's {@code decodeClassLabels} uses this order.
     */
    public static OneHot fit(String[] labels) {
        boolean numeric = true;
        for (String l : labels) {
            try {
                Double.parseDouble(l);
            } catch (NumberFormatException e) {
                numeric = false;
                break;
            }
        }
        Comparator<String> order = numeric ? Comparator.comparingDouble(Double::parseDouble) : Comparator.naturalOrder();
        TreeSet<String> levels = new TreeSet<>(order);
        levels.addAll(List.of(labels));
        return new OneHot(new ArrayList<>(levels));
    }

    /** The class names, index order. */
    public List<String> classes() {
        return classes;
    }

    /** Number of classes K. */
    public int size() {
        return classes.size();
    }

    /** The index of a class name. */
    public int indexOf(String label) {
        Integer i = index.get(label);
        if (i == null) throw new IllegalArgumentException("unknown class '" + label + "'; expected one of " + classes);
        return i;
    }

    /** The class name of an index; "unclassified" for {@link #UNCLASSIFIED}. */
    public String name(int classIndex) {
        if (classIndex == UNCLASSIFIED) return "unclassified";
        if (classIndex < 0 || classIndex >= classes.size()) {
            throw new IllegalArgumentException("class index " + classIndex + "; expected 0.." + (classes.size() - 1));
        }
        return classes.get(classIndex);
    }

    /** One-hot rows (N, K) of 1 and 0 for the labels. RSNNS's decodeClassLabels(x). */
    public float[] encode(String[] labels) {
        return encode(labels, 1f, 0f);
    }

    /** Rows (N, K) with valTrue in the label's column and valFalse elsewhere. decodeClassLabels(x, valTrue, valFalse). */
    public float[] encode(String[] labels, float valTrue, float valFalse) {
        int[] idx = new int[labels.length];
        for (int r = 0; r < labels.length; r++) idx[r] = indexOf(labels[r]);
        return encode(idx, classes.size(), valTrue, valFalse);
    }

    /** One-hot rows (N, K) for class indices in 0..K-1. */
    public static float[] encode(int[] classIndex, int k, float valTrue, float valFalse) {
        float[] out = new float[classIndex.length * k];
        java.util.Arrays.fill(out, valFalse);
        for (int r = 0; r < classIndex.length; r++) {
            if (classIndex[r] < 0 || classIndex[r] >= k) {
                throw new IllegalArgumentException("class index " + classIndex[r] + " of row " + r + "; expected 0.." + (k - 1));
            }
            out[r * k + classIndex[r]] = valTrue;
        }
        return out;
    }

    /** A dataset with these inputs and one-hot targets for the labels, carrying the class names. */
    public Dataset dataset(float[] x, int inputs, String[] labels, String source) {
        return new Dataset(x, encode(labels), labels.length, inputs, classes.size(), classes, source);
    }

    /**
     * The class of each row of y (rows, K) by the rule; {@link #UNCLASSIFIED} where the rule
     * assigns none. RSNNS's encodeClassLabels(y, method, l, h), 0-based.
     */
    public static int[] decode(float[] y, int rows, int k, Rule rule) {
        if (k < 1 || y.length != (long) rows * k) {
            throw new IllegalArgumentException(rows + " rows of " + k + " outputs need " + (long) rows * k + " values, got " + y.length);
        }
        int[] out = new int[rows];
        for (int r = 0; r < rows; r++) out[r] = rule.classify(y, r * k, k);
        return out;
    }

    /** The methods of SNNS's classification analysis (SNNS User Manual 4.2, p. 269). */
    public enum Method {
        /**
         * Winner takes all: the unique largest output a wins if a &gt; h and every other output
         * is &lt; a - l. Ties leave the pattern unclassified.
         */
        WTA,
        /**
         * 402040: exactly one output &gt;= h and all others &lt;= l (named after l = 0.4, h = 0.6).
         */
        RULE_402040,
        /** The largest output, first one on ties, always a class (RSNNS's commented-out "ForcedWTA"). */
        ARGMAX
    }

    /**
     * A decision rule: method with its lower bound l and upper bound h.
     *
     * @param method the method
     * @param low    l
     * @param high   h
     */
    public record Rule(Method method, double low, double high) {
        /** WTA with l = h = 0, RSNNS's default. Note that it needs the winning output above 0. */
        public static final Rule WTA = new Rule(Method.WTA, 0, 0);
        /** 402040 with l = 0.4, h = 0.6. */
        public static final Rule R402040 = new Rule(Method.RULE_402040, 0.4, 0.6);
        /** Plain argmax. */
        public static final Rule ARGMAX = new Rule(Method.ARGMAX, 0, 0);

        public Rule {
            if (method == null) throw new IllegalArgumentException("decision method is required");
            if (!Double.isFinite(low) || !Double.isFinite(high)) {
                throw new IllegalArgumentException("decision bounds l = " + low + ", h = " + high + "; expected finite numbers");
            }
        }

        /** Parses "wta", "wta:l:h", "402040", "402040:l:h", "argmax". */
        public static Rule parse(String spec) {
            String[] p = spec.trim().toLowerCase(Locale.ROOT).split(":", -1);
            Rule base = switch (p[0]) {
                case "wta" -> WTA;
                case "402040" -> R402040;
                case "argmax", "max" -> ARGMAX;
                default -> throw new IllegalArgumentException("unknown decision rule '" + spec
                        + "'; expected wta[:l:h], 402040[:l:h] or argmax");
            };
            if (p.length == 1) return base;
            if (p.length != 3 || base == ARGMAX) {
                throw new IllegalArgumentException("decision rule '" + spec + "'; expected the name alone or name:l:h");
            }
            try {
                return new Rule(base.method(), Double.parseDouble(p[1]), Double.parseDouble(p[2]));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("decision rule '" + spec + "': l and h must be numbers");
            }
        }

        /** The class of the k outputs y[from .. from+k), or UNCLASSIFIED. RSNNS's analyzeClassification, 0-based. */
        public int classify(float[] y, int from, int k) {
            int best = from;
            int ties = 0;
            for (int i = from + 1; i < from + k; i++) {
                if (y[i] > y[best]) { best = i; ties = 0; }
                else if (y[i] == y[best]) ties++;
            }
            switch (method) {
                case ARGMAX:
                    return best - from;
                case WTA: {
                    if (ties > 0 || !(y[best] > high)) return UNCLASSIFIED;
                    for (int i = from; i < from + k; i++) {
                        if (i != best && !(y[i] < y[best] - low)) return UNCLASSIFIED;
                    }
                    return best - from;
                }
                default: {
                    int cand = -1;
                    for (int i = from; i < from + k; i++) {
                        if (y[i] >= high) {
                            if (cand >= 0) return UNCLASSIFIED;
                            cand = i;
                        }
                    }
                    if (cand < 0) return UNCLASSIFIED;
                    for (int i = from; i < from + k; i++) if (i != cand && !(y[i] <= low)) return UNCLASSIFIED;
                    return cand - from;
                }
            }
        }
    }

    @Override
    public String toString() {
        return "OneHot" + new LinkedHashSet<>(classes);
    }
}
