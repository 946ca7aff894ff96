package org.neurona.net.hopfield;

import java.util.Arrays;
import org.neurona.data.Dataset;
import org.neurona.math.Rng;

/**
 * Patterns for a Hopfield memory: P rows of N units, held as bipolar values +1/-1, together with
 * the value convention they came in (bipolar -1/+1 or binary 0/1) so that recalled states can be
 * written back the same way. Binary data is mapped 0 -> -1, 1 -> +1.
 *
 * <p>Shapes: P = patterns, N = units; {@code s} is (P, N) row-major.
 *
 * @param s          bipolar values (P, N); owned by the record, not to be changed
 * @param rows       P
 * @param units      N
 * @param convention how the values were written in the input
 */
public record HopfieldPatterns(int[] s, int rows, int units, Convention convention) {

    /** How a pattern's values are written. */
    public enum Convention {
        /** -1 and +1. */
        BIPOLAR,
        /** 0 and 1. */
        BINARY;

        /** The written value of a bipolar state s (+1 or -1). */
        public float value(int s) {
            return this == BIPOLAR ? s : (s > 0 ? 1f : 0f);
        }

        private String describe() {
            return this == BIPOLAR ? "-1 or +1 (bipolar)" : "0 or 1 (binary)";
        }
    }

    public HopfieldPatterns {
        if (rows < 0 || units < 0) throw new IllegalArgumentException("negative size: " + rows + " patterns of " + units + " units");
        if (s.length != (long) rows * units) {
            throw new IllegalArgumentException(rows + " patterns of " + units + " units need " + (long) rows * units + " values, got " + s.length);
        }
        if (convention == null) throw new IllegalArgumentException("value convention must be given");
        for (int i = 0; i < s.length; i++) {
            if (s[i] != 1 && s[i] != -1) {
                throw new IllegalArgumentException("pattern " + (i / Math.max(units, 1) + 1) + ", unit " + (i % Math.max(units, 1) + 1)
                        + " is " + s[i] + "; expected a bipolar state -1 or +1");
            }
        }
    }

    /** Bipolar patterns from rows of +1/-1 (a copy). */
    public static HopfieldPatterns bipolar(int[]... rows) {
        int n = rows.length == 0 ? 0 : rows[0].length;
        int[] s = new int[rows.length * n];
        for (int p = 0; p < rows.length; p++) {
            if (rows[p].length != n) throw new IllegalArgumentException("pattern " + (p + 1) + " has " + rows[p].length + " units, expected " + n);
            System.arraycopy(rows[p], 0, s, p * n, n);
        }
        return new HopfieldPatterns(s, rows.length, n, Convention.BIPOLAR);
    }

    /** The inputs of a data set (targets are ignored), convention detected as in {@link #parse(float[], int, int, String)}. */
    public static HopfieldPatterns from(Dataset data) {
        return parse(data.x(), data.rows(), data.inputs(), data.source());
    }

    /**
     * Reads (rows, units) values and detects their convention: bipolar if any value is -1,
     * binary if any value is 0; all +1 counts as bipolar. Rows and columns in messages count
     * from 1.
     *
     * @throws IllegalArgumentException for any other value, or for a mix of -1 and 0, naming the
     *                                  row, the column and the value
     */
    public static HopfieldPatterns parse(float[] values, int rows, int units, String source) {
        checkSize(values, rows, units, source);
        int firstNeg = -1, firstZero = -1;
        for (int i = 0; i < values.length; i++) {
            float v = values[i];
            if (v == -1f) {
                if (firstNeg < 0) firstNeg = i;
            } else if (v == 0f) {
                if (firstZero < 0) firstZero = i;
            } else if (v != 1f) {
                throw new IllegalArgumentException(where(source, i, units) + " is " + fmt(v)
                        + "; Hopfield patterns must be bipolar (-1/+1) or binary (0/1)");
            }
        }
        if (firstNeg >= 0 && firstZero >= 0) {
            int later = Math.max(firstNeg, firstZero), earlier = Math.min(firstNeg, firstZero);
            throw new IllegalArgumentException(where(source, later, units) + " is " + fmt(values[later]) + " but "
                    + where("", earlier, units).trim() + " is " + fmt(values[earlier])
                    + "; Hopfield patterns must be all bipolar (-1/+1) or all binary (0/1)");
        }
        return parse(values, rows, units, source, firstZero >= 0 ? Convention.BINARY : Convention.BIPOLAR);
    }

    /**
     * Reads (rows, units) values written in the given convention (for probes, which must follow
     * the stored patterns' convention).
     *
     * @throws IllegalArgumentException for a value outside the convention, naming row, column and value
     */
    public static HopfieldPatterns parse(float[] values, int rows, int units, String source, Convention convention) {
        checkSize(values, rows, units, source);
        int[] s = new int[values.length];
        float low = convention == Convention.BIPOLAR ? -1f : 0f;
        for (int i = 0; i < values.length; i++) {
            float v = values[i];
            if (v == 1f) s[i] = 1;
            else if (v == low) s[i] = -1;
            else throw new IllegalArgumentException(where(source, i, units) + " is " + fmt(v) + "; expected " + convention.describe());
        }
        return new HopfieldPatterns(s, rows, units, convention);
    }

    private static void checkSize(float[] values, int rows, int units, String source) {
        if (units < 1) throw new IllegalArgumentException((source == null ? "patterns" : source) + " have no units (width 0)");
        if (values.length != (long) rows * units) {
            throw new IllegalArgumentException((source == null ? "patterns" : source) + ": " + rows + " rows of " + units
                    + " units need " + (long) rows * units + " values, got " + values.length);
        }
    }

    private static String where(String source, int i, int units) {
        return (source == null || source.isEmpty() ? "" : source + ": ") + "row " + (i / units + 1) + ", column " + (i % units + 1);
    }

    private static String fmt(float v) {
        return v == Math.rint(v) && Math.abs(v) < 1e9 ? Integer.toString((int) v) : Float.toString(v);
    }

    /** Pattern p (0-based) as bipolar values, a copy. */
    public int[] row(int p) {
        return Arrays.copyOfRange(s, p * units, (p + 1) * units);
    }

    /** A bipolar state written in this set's convention. */
    public float[] toValues(int[] state) {
        float[] v = new float[state.length];
        for (int i = 0; i < v.length; i++) v[i] = convention.value(state[i]);
        return v;
    }

    /** This set with other bipolar values (P', N) in the same convention, e.g. noisy probes. */
    public HopfieldPatterns with(int[] s, int rows) {
        return new HopfieldPatterns(s, rows, units, convention);
    }

    /**
     * A copy of {@code state} with exactly {@code count} distinct units, chosen by {@code rng},
     * flipped: the noisy probes of the capacity experiments.
     */
    public static int[] flip(int[] state, int count, Rng rng) {
        if (count < 0 || count > state.length) {
            throw new IllegalArgumentException("cannot flip " + count + " of " + state.length + " units");
        }
        int[] out = state.clone();
        int[] order = rng.permutation(state.length);
        for (int i = 0; i < count; i++) out[order[i]] = -out[order[i]];
        return out;
    }
}
