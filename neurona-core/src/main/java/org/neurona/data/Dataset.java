package org.neurona.data;

import java.util.Arrays;
import java.util.List;

/**
 * Patterns for supervised learning: inputs x (N, I) and targets b (N, O), row-major float
 * arrays, with optional names. Immutable by convention: the arrays are owned by the dataset and
 * must not be changed after construction. Every value is checked to be finite when the dataset
 * is built, so NaN never reaches training silently.
 *
 * @param x          inputs (rows, inputs), row-major
 * @param b          targets (rows, outputs), row-major; length 0 when outputs == 0 (unsupervised data)
 * @param rows       number of patterns N
 * @param inputs     input width I
 * @param outputs    target width O
 * @param classes    class labels when the targets are one-hot over these classes, else empty
 * @param source     where the data came from, for messages ("lineal.csv")
 */
public record Dataset(float[] x, float[] b, int rows, int inputs, int outputs, List<String> classes, String source) {

    public Dataset {
        if (rows < 0 || inputs < 0 || outputs < 0) {
            throw new IllegalArgumentException("negative size: rows " + rows + ", inputs " + inputs + ", outputs " + outputs);
        }
        if (x.length != (long) rows * inputs) {
            throw new IllegalArgumentException(source + ": " + rows + " rows of " + inputs + " inputs need "
                    + (long) rows * inputs + " values, got " + x.length);
        }
        if (b.length != (long) rows * outputs) {
            throw new IllegalArgumentException(source + ": " + rows + " rows of " + outputs + " targets need "
                    + (long) rows * outputs + " values, got " + b.length);
        }
        checkFinite(x, inputs, source, "input");
        checkFinite(b, outputs, source, "target");
        classes = List.copyOf(classes);
        if (!classes.isEmpty() && classes.size() != outputs) {
            throw new IllegalArgumentException(source + ": " + classes.size() + " class labels for " + outputs + " outputs");
        }
        source = source == null ? "data" : source;
    }

    /** A dataset without class labels. */
    public Dataset(float[] x, float[] b, int rows, int inputs, int outputs) {
        this(x, b, rows, inputs, outputs, List.of(), "data");
    }

    /** Builds a dataset from rows of doubles, for small hand-made examples. */
    public static Dataset of(double[][] x, double[][] b) {
        if (x.length != b.length) {
            throw new IllegalArgumentException(x.length + " input rows but " + b.length + " target rows");
        }
        int n = x.length, in = n == 0 ? 0 : x[0].length, out = n == 0 ? 0 : b[0].length;
        float[] fx = new float[n * in], fb = new float[n * out];
        for (int r = 0; r < n; r++) {
            if (x[r].length != in) throw new IllegalArgumentException("input row " + r + " has " + x[r].length + " values, expected " + in);
            if (b[r].length != out) throw new IllegalArgumentException("target row " + r + " has " + b[r].length + " values, expected " + out);
            for (int j = 0; j < in; j++) fx[r * in + j] = (float) x[r][j];
            for (int j = 0; j < out; j++) fb[r * out + j] = (float) b[r][j];
        }
        return new Dataset(fx, fb, n, in, out);
    }

    private static void checkFinite(float[] v, int width, String source, String what) {
        for (int i = 0; i < v.length; i++) {
            if (!Float.isFinite(v[i])) {
                throw new IllegalArgumentException(source + ": " + what + " row " + (i / width + 1) + ", column "
                        + (i % width + 1) + " is " + v[i] + "; expected a finite number");
            }
        }
    }

    /** Whether the targets are one-hot class indicators. */
    public boolean isClassification() {
        return !classes.isEmpty();
    }

    /** Input row r (a copy). */
    public float[] inputRow(int r) {
        return Arrays.copyOfRange(x, r * inputs, (r + 1) * inputs);
    }

    /** Target row r (a copy). */
    public float[] targetRow(int r) {
        return Arrays.copyOfRange(b, r * outputs, (r + 1) * outputs);
    }

    /** The patterns at the given row indices, in that order. */
    public Dataset select(int[] idx) {
        float[] nx = new float[idx.length * inputs], nb = new float[idx.length * outputs];
        for (int i = 0; i < idx.length; i++) {
            System.arraycopy(x, idx[i] * inputs, nx, i * inputs, inputs);
            System.arraycopy(b, idx[i] * outputs, nb, i * outputs, outputs);
        }
        return new Dataset(nx, nb, idx.length, inputs, outputs, classes, source);
    }

    /** Rows [from, to). */
    public Dataset slice(int from, int to) {
        int[] idx = new int[to - from];
        for (int i = 0; i < idx.length; i++) idx[i] = from + i;
        return select(idx);
    }
}
