package org.neurona.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A sequence of T observations of D variables in time order, x_0 .. x_(T-1): the data of
 * recurrent nets. Values are row-major (T, D) floats, one row per time step; every value is
 * checked to be finite when the series is built. Immutable by convention: the array is owned by
 * the series and must not be changed.
 *
 * <p>Series come from arrays ({@link #of}), from columns of a CSV file ({@link #readCsv}) or from
 * the shipped Santa Fe laser series ({@link #laser()}); they are split in time order
 * ({@link #split}, never shuffled), scaled with a {@link TimeSeriesScaler} fitted on the training
 * part, and turned into one-step-ahead pairs ({@link #inputs()}/{@link #targets()}) or sliding
 * windows for feedforward nets ({@link #windows}).
 *
 * @param values row-major (length, width)
 * @param length T, at least 1
 * @param width  D, the number of variables, at least 1
 * @param names  one name per variable
 * @param source where the series came from, for messages ("laser.csv")
 */
public record TimeSeries(float[] values, int length, int width, List<String> names, String source) {

    /** The resource holding the Santa Fe laser series, see {@link #laser()}. */
    public static final String LASER_RESOURCE = "/org/neurona/data/laser.csv";

    public TimeSeries {
        source = source == null ? "series" : source;
        if (length < 1) throw new IllegalArgumentException(source + ": a series needs at least 1 step, got " + length);
        if (width < 1) throw new IllegalArgumentException(source + ": a series needs at least 1 variable, got " + width);
        if (values.length != (long) length * width) {
            throw new IllegalArgumentException(source + ": " + length + " steps of " + width + " variables need "
                    + (long) length * width + " values, got " + values.length);
        }
        names = List.copyOf(names);
        if (names.size() != width) {
            throw new IllegalArgumentException(source + ": " + names.size() + " names for " + width + " variables");
        }
        for (int i = 0; i < values.length; i++) {
            if (!Float.isFinite(values[i])) {
                throw new IllegalArgumentException(source + ": value of '" + names.get(i % width) + "' at step "
                        + i / width + " is " + values[i] + "; expected a finite number");
            }
        }
    }

    /** A univariate series named "x". */
    public static TimeSeries of(double... x) {
        float[] v = new float[x.length];
        for (int i = 0; i < x.length; i++) v[i] = (float) x[i];
        return new TimeSeries(v, x.length, 1, List.of("x"), "series");
    }

    /** A series of {@code rows.length} steps, one row of D values per step. */
    public static TimeSeries of(double[][] rows, List<String> names, String source) {
        int d = names.size();
        float[] v = new float[rows.length * d];
        for (int t = 0; t < rows.length; t++) {
            if (rows[t].length != d) {
                throw new IllegalArgumentException(source + ": step " + t + " has " + rows[t].length + " values, expected " + d);
            }
            for (int j = 0; j < d; j++) v[t * d + j] = (float) rows[t][j];
        }
        return new TimeSeries(v, rows.length, d, names, source);
    }

    /**
     * The Santa Fe laser series shipped with neurona: 1001 intensities (integers 2 to 255) of a
     * far-infrared laser in a chaotic state, data set A of the Santa Fe time series competition
     * (Weigend and Gershenfeld 1993), as distributed with the SNNS examples. See the README beside
     * the resource for origin and licence.
     */
    public static TimeSeries laser() {
        try (InputStream in = TimeSeries.class.getResourceAsStream(LASER_RESOURCE)) {
            if (in == null) throw new IllegalStateException("resource " + LASER_RESOURCE + " is missing from the jar");
            return readCsv(new InputStreamReader(in, StandardCharsets.UTF_8), "laser.csv", List.of("intensity"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- CSV ----

    /** One column of a CSV file with a header line, by name. */
    public static TimeSeries readCsv(Path file, String column) throws IOException {
        return readCsv(file, List.of(column));
    }

    /** Several columns of a CSV file with a header line, by name: a multivariate series. */
    public static TimeSeries readCsv(Path file, List<String> columns) throws IOException {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return readCsv(r, file.getFileName().toString(), columns);
        }
    }

    /**
     * Columns of CSV text, by name. A deliberately small reader for numeric tables: the first
     * non-blank line that does not start with '#' is the header; fields are separated by commas
     * (or semicolons or tabs, if the header has no comma); surrounding double quotes and blanks
     * are trimmed; blank lines and '#' lines are skipped. The command line reads through Commons
     * CSV instead.
     *
     * @throws IllegalArgumentException if a column is missing, a line is too short, or a value is
     *         not a finite number; the message names the source, line and column
     */
    public static TimeSeries readCsv(Reader reader, String source, List<String> columns) throws IOException {
        if (columns.isEmpty()) throw new IllegalArgumentException(source + ": no column named; expected at least one");
        BufferedReader in = reader instanceof BufferedReader b ? b : new BufferedReader(reader);
        String line;
        int lineNo = 0;
        String[] header = null;
        char sep = ',';
        while ((line = in.readLine()) != null) {
            lineNo++;
            if (skip(line)) continue;
            sep = separator(line);
            header = fields(line, sep);
            break;
        }
        if (header == null) throw new IllegalArgumentException(source + ": no header line; the file is empty");
        int[] idx = new int[columns.size()];
        for (int c = 0; c < idx.length; c++) {
            idx[c] = Arrays.asList(header).indexOf(columns.get(c).trim());
            if (idx[c] < 0) {
                throw new IllegalArgumentException(source + ": no column '" + columns.get(c) + "'; the columns are "
                        + Arrays.toString(header));
            }
        }
        return readRows(in, lineNo, sep, idx, columns, source);
    }

    /** Column {@code column} (0-based) of a CSV file without a header line. */
    public static TimeSeries readCsv(Path file, int column) throws IOException {
        if (column < 0) throw new IllegalArgumentException(file + ": column index must be >= 0, got " + column);
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String name = "column " + column;
            char sep = ',';
            r.mark(1 << 16);
            String first = r.readLine();
            if (first != null) sep = separator(first);
            r.reset();
            return readRows(r, 0, sep, new int[] {column}, List.of(name), file.getFileName().toString());
        }
    }

    private static TimeSeries readRows(BufferedReader in, int lineNo, char sep, int[] idx, List<String> names,
                                       String source) throws IOException {
        int d = idx.length;
        float[] v = new float[1024];
        int n = 0;
        String line;
        while ((line = in.readLine()) != null) {
            lineNo++;
            if (skip(line)) continue;
            String[] f = fields(line, sep);
            if (n + d > v.length) v = Arrays.copyOf(v, v.length * 2);
            for (int c = 0; c < d; c++) {
                if (idx[c] >= f.length) {
                    throw new IllegalArgumentException(source + ", line " + lineNo + ": " + f.length
                            + " fields, no value for column '" + names.get(c) + "'");
                }
                v[n++] = number(f[idx[c]], source, lineNo, names.get(c));
            }
        }
        if (n == 0) throw new IllegalArgumentException(source + ": no data lines; expected at least one value");
        return new TimeSeries(Arrays.copyOf(v, n), n / d, d, names, source);
    }

    private static float number(String s, String source, int lineNo, String column) {
        double x;
        try {
            x = Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(source + ", line " + lineNo + ", column '" + column + "': '" + s
                    + "' is not a number");
        }
        if (!Double.isFinite(x) || !Float.isFinite((float) x)) {
            throw new IllegalArgumentException(source + ", line " + lineNo + ", column '" + column + "': " + s
                    + "; expected a finite number (missing values must be filled in before training)");
        }
        return (float) x;
    }

    private static boolean skip(String line) {
        String t = line.strip();
        return t.isEmpty() || t.startsWith("#");
    }

    private static char separator(String header) {
        if (header.indexOf(',') >= 0) return ',';
        if (header.indexOf(';') >= 0) return ';';
        if (header.indexOf('\t') >= 0) return '\t';
        return ',';
    }

    private static String[] fields(String line, char sep) {
        List<String> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= line.length(); i++) {
            if (i == line.length() || line.charAt(i) == sep) {
                String f = line.substring(start, i).strip();
                if (f.length() >= 2 && f.startsWith("\"") && f.endsWith("\"")) f = f.substring(1, f.length() - 1).strip();
                out.add(f);
                start = i + 1;
            }
        }
        return out.toArray(String[]::new);
    }

    // ---- access and splitting ----

    /** x_t of variable j. */
    public float value(int t, int j) {
        return values[t * width + j];
    }

    /** Steps [from, to) as a new series. */
    public TimeSeries slice(int from, int to) {
        if (from < 0 || to > length || from >= to) {
            throw new IllegalArgumentException(source + ": steps [" + from + ", " + to + ") are not a non-empty part of "
                    + length + " steps");
        }
        return new TimeSeries(Arrays.copyOfRange(values, from * width, to * width), to - from, width, names, source);
    }

    /**
     * The step at which the test part of a time-ordered split begins: T - round(T testFraction).
     *
     * @param testFraction in [0, 1)
     */
    public int splitPoint(double testFraction) {
        if (!(testFraction >= 0 && testFraction < 1)) {
            throw new IllegalArgumentException("test fraction must be in [0, 1), got " + testFraction);
        }
        return length - (int) Math.round(length * testFraction);
    }

    /**
     * The first {@code at} steps and the rest, in time order (no shuffling across time).
     *
     * @return {training part, test part}
     */
    public TimeSeries[] split(int at) {
        if (at < 1 || at >= length) {
            throw new IllegalArgumentException(source + ": split point " + at + " must leave both parts non-empty (1.."
                    + (length - 1) + ")");
        }
        return new TimeSeries[] {slice(0, at), slice(at, length)};
    }

    /** x_0 .. x_(T-2), the inputs of one-step-ahead prediction ((T-1, D)). */
    public float[] inputs() {
        requireLength(2, "one-step-ahead pairs");
        return Arrays.copyOfRange(values, 0, (length - 1) * width);
    }

    /** x_1 .. x_(T-1), the targets of one-step-ahead prediction ((T-1, D)). */
    public float[] targets() {
        requireLength(2, "one-step-ahead pairs");
        return Arrays.copyOfRange(values, width, length * width);
    }

    /**
     * Sliding windows for a feedforward net: input row t holds x_t .. x_(t+w-1) (w D values, oldest
     * first), target row t holds x_(t+w) (D values); T - w rows.
     *
     * @throws IllegalArgumentException if the series is not longer than the window
     */
    public Dataset windows(int w) {
        if (w < 1) throw new IllegalArgumentException("window must be at least 1 step, got " + w);
        requireLength(w + 1, "a window of " + w + " steps and its next value");
        int rows = length - w, d = width;
        float[] x = new float[rows * w * d], b = new float[rows * d];
        for (int t = 0; t < rows; t++) {
            System.arraycopy(values, t * d, x, t * w * d, w * d);
            System.arraycopy(values, (t + w) * d, b, t * d, d);
        }
        return new Dataset(x, b, rows, w * d, d, List.of(), source);
    }

    /** Throws unless the series has at least {@code n} steps. */
    public void requireLength(int n, String forWhat) {
        if (length < n) {
            throw new IllegalArgumentException(source + ": the series has " + length + " steps, shorter than the " + n
                    + " needed for " + forWhat);
        }
    }

    /** The mean squared error sum (p - x)^2 / n of predictions and observations of equal length. */
    public static double mse(double[] predicted, double[] observed) {
        if (predicted.length != observed.length) {
            throw new IllegalArgumentException(predicted.length + " predictions for " + observed.length + " observations");
        }
        if (predicted.length == 0) throw new IllegalArgumentException("no values to compute a mean squared error of");
        double s = 0;
        for (int i = 0; i < predicted.length; i++) {
            double r = predicted[i] - observed[i];
            s += r * r;
        }
        return s / predicted.length;
    }
}
