package org.neurona.io;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads numeric CSV files into patterns, the way a user's spreadsheet export looks: with or
 * without a header row (detected, or forced), separated by comma, semicolon or tab (detected,
 * or forced), quoted fields, blank lines ignored, a UTF-8 byte-order mark tolerated. With a
 * semicolon separator a decimal comma ("0,5") is read as 0.5, as European spreadsheets write it.
 *
 * <p>The target columns are chosen by name or by 1-based index (negative counts from the end;
 * the default is the last column). A target column holding class labels (any non-numeric
 * value in its first data row, or integers when {@link Options#classify()} is set) is one-hot
 * encoded: one output per class, the classes sorted (numerically when they are numbers).
 *
 * <p>Every problem is a {@link DataFileException} naming the file, line, column, value and
 * what was expected; a number that is NaN or infinite is rejected, never passed on.
 */
public final class CsvReader {

    /** Whether the first row holds column names. */
    public enum Header { AUTO, YES, NO }

    /**
     * How to read a file. Immutable; start from {@link #defaults()}.
     *
     * @param separator field separator, or null to detect it (tab, ';' or ',')
     * @param header    whether the first row is a header, or AUTO to detect it
     * @param targets   target columns by name or 1-based index (negative: from the end); empty means the last column
     * @param noTargets read every column as an input (unlabelled data)
     * @param classify  treat a numeric target column as integer class labels
     * @param classes   when not empty, the class labels to encode with, in this order (a saved model's); other labels are an error
     * @param inputs    input columns by name or 1-based index (negative: from the end), in this order (a saved
     *                  model's names); empty means every column that is not a target. Columns that are neither
     *                  are skipped.
     */
    public record Options(Character separator, Header header, List<String> targets, boolean noTargets,
                          boolean classify, List<String> classes, List<String> inputs) {
        public Options {
            if (separator != null && separator != ',' && separator != ';' && separator != '\t') {
                throw new IllegalArgumentException("separator '" + separator + "' is not supported; expected ',', ';' or tab");
            }
            header = header == null ? Header.AUTO : header;
            targets = List.copyOf(targets);
            classes = List.copyOf(classes);
            inputs = List.copyOf(inputs);
            if (noTargets && !targets.isEmpty()) {
                throw new IllegalArgumentException("target columns " + targets + " given for data read without targets");
            }
        }

        /** Detect separator and header; the last column is the target; numeric targets stay numeric. */
        public static Options defaults() {
            return new Options(null, Header.AUTO, List.of(), false, false, List.of(), List.of());
        }

        public Options withSeparator(Character s) {
            return new Options(s, header, targets, noTargets, classify, classes, inputs);
        }

        public Options withHeader(Header h) {
            return new Options(separator, h, targets, noTargets, classify, classes, inputs);
        }

        public Options withTargets(List<String> t) {
            return new Options(separator, header, t, false, classify, classes, inputs);
        }

        public Options withNoTargets() {
            return new Options(separator, header, List.of(), true, false, List.of(), inputs);
        }

        public Options withClassify(boolean c) {
            return new Options(separator, header, targets, noTargets, c, classes, inputs);
        }

        public Options withClasses(List<String> c) {
            return new Options(separator, header, targets, noTargets, classify, c, inputs);
        }

        /** Reads only the columns {@code names} (or numbers) as inputs, in that order. */
        public Options withInputs(List<String> names) {
            return new Options(separator, header, targets, noTargets, classify, classes, names);
        }
    }

    /**
     * What the top of a file looks like.
     *
     * @param separator the detected or forced separator
     * @param header    whether the first row is a header
     * @param columns   the column names (generated "column 1", ... without a header)
     */
    public record Layout(char separator, boolean header, List<String> columns) {}

    private static final int SNIFF_LINES = 20;

    private final Options options;

    public CsvReader(Options options) {
        this.options = options;
    }

    /** A reader with {@link Options#defaults()}. */
    public CsvReader() {
        this(Options.defaults());
    }

    /** Detects the separator, the header and the column names from the top of the file. */
    public Layout sniff(Path file) {
        String src = file.toString();
        List<String> lines = firstLines(file, src);
        char sep = options.separator() != null ? options.separator() : detectSeparator(lines);
        List<List<String>> recs = new ArrayList<>();
        try (CSVParser p = CSVParser.parse(String.join("\n", lines), format(sep))) {
            for (CSVRecord r : p) {
                if (!isBlank(r)) recs.add(r.toList());
                if (recs.size() == 2) break;
            }
        } catch (IOException | UncheckedIOException e) {
            // a malformed later line is reported with its line number by read()
            if (recs.isEmpty()) throw new DataFileException(src, 1, 0, "malformed CSV: " + message(e));
        }
        if (recs.isEmpty()) throw new DataFileException(src, 0, 0, "the file is empty; expected rows of comma-, semicolon- or tab-separated values");
        List<String> first = recs.get(0);
        boolean header = switch (options.header()) {
            case YES -> true;
            case NO -> false;
            case AUTO -> looksLikeHeader(first, recs.size() > 1 ? recs.get(1) : null, sep);
        };
        List<String> cols = new ArrayList<>();
        for (int j = 0; j < first.size(); j++) {
            cols.add(header ? first.get(j).trim() : "column " + (j + 1));
        }
        return new Layout(sep, header, cols);
    }

    /** Reads the whole file. */
    public CsvData read(Path file) {
        String src = file.toString();
        Layout layout = sniff(file);
        int ncols = layout.columns().size();
        int[] targetIdx = options.noTargets() ? new int[0] : resolveTargets(layout, src);
        int[] inputIdx = inputColumns(layout, targetIdx, src);

        FloatList x = new FloatList(), b = new FloatList();
        List<String> labels = new ArrayList<>();
        List<Long> labelLines = new ArrayList<>();
        Boolean categorical = null;
        long firstLine = 0;
        int rows = 0;
        char sep = layout.separator();
        try (BufferedReader in = open(file);
             CSVParser p = CSVParser.parse(in, format(sep))) {
            long prevLine = 0;
            boolean headerSeen = !layout.header();
            Iterator<CSVRecord> it = p.iterator();
            while (true) {
                CSVRecord r;
                try {
                    if (!it.hasNext()) break;
                    r = it.next();
                } catch (UncheckedIOException e) {
                    throw new DataFileException(src, prevLine + 1, 0, "malformed CSV: " + message(e));
                }
                long line = prevLine + 1;
                prevLine = p.getCurrentLineNumber();
                if (isBlank(r)) continue;
                if (!headerSeen) {
                    headerSeen = true;
                    firstLine = line;
                    continue;
                }
                if (firstLine == 0) firstLine = line;
                if (r.size() != ncols) {
                    throw new DataFileException(src, line, 0, r.size() + (r.size() == 1 ? " field" : " fields")
                            + ", expected " + ncols + " (as in line " + firstLine + ")"
                            + (r.size() == 1 && ncols > 1 ? "; is the separator '" + printable(sep) + "' right?" : ""));
                }
                for (int j : inputIdx) x.add((float) number(r.get(j), src, line, j, layout, sep));
                if (targetIdx.length > 0) {
                    if (categorical == null) {
                        categorical = !options.classes().isEmpty() || options.classify()
                                || !numberLike(r.get(targetIdx[0]), sep);
                        if (categorical && targetIdx.length > 1) {
                            throw new DataFileException(src, line, targetIdx[0] + 1, "class labels need exactly one target column; got "
                                    + targetIdx.length + " (" + names(layout, targetIdx) + ")");
                        }
                    }
                    if (categorical) {
                        labels.add(label(r.get(targetIdx[0]), src, line, targetIdx[0], layout, sep));
                        labelLines.add(line);
                    } else {
                        for (int j : targetIdx) b.add((float) number(r.get(j), src, line, j, layout, sep));
                    }
                }
                rows++;
            }
        } catch (NoSuchFileException e) {
            throw new DataFileException(src, 0, 0, "file not found");
        } catch (CharacterCodingException e) {
            throw new DataFileException(src, 0, 0, "not a UTF-8 text file; expected CSV text");
        } catch (IOException | UncheckedIOException e) {
            throw new DataFileException(src, "cannot be read as CSV (" + message(e) + ")", e);
        }
        if (rows == 0) {
            throw new DataFileException(src, 0, 0, layout.header() ? "has a header but no data rows" : "the file is empty");
        }
        List<String> classes = List.of();
        float[] bArr;
        if (Boolean.TRUE.equals(categorical)) {
            classes = options.classes().isEmpty() ? sortedClasses(labels) : options.classes();
            bArr = oneHot(labels, labelLines, classes, src, targetIdx[0] + 1);
        } else {
            bArr = b.toArray();
        }
        List<String> inputNames = new ArrayList<>(), targetNames = new ArrayList<>();
        for (int j : inputIdx) inputNames.add(layout.columns().get(j));
        for (int j : targetIdx) targetNames.add(layout.columns().get(j));
        return new CsvData(src, sep, layout.header(), layout.columns(), inputNames, targetNames,
                x.toArray(), bArr, rows, classes);
    }

    // ---- input and target columns ----

    /** The input columns: those named by the options, in their order, or every column that is not a target. */
    private int[] inputColumns(Layout layout, int[] targetIdx, String src) {
        int ncols = layout.columns().size();
        boolean[] isTarget = new boolean[ncols];
        for (int t : targetIdx) isTarget[t] = true;
        if (options.inputs().isEmpty()) {
            int[] idx = new int[ncols - targetIdx.length];
            for (int j = 0, k = 0; j < ncols; j++) if (!isTarget[j]) idx[k++] = j;
            return idx;
        }
        int[] idx = new int[options.inputs().size()];
        Set<Integer> seen = new LinkedHashSet<>();
        for (int k = 0; k < idx.length; k++) {
            String name = options.inputs().get(k).trim();
            int j = resolveColumn(name, layout, src, "input");
            if (isTarget[j]) throw new DataFileException(src, 0, 0, "column '" + name + "' is both an input and a target");
            if (!seen.add(j)) throw new DataFileException(src, 0, 0, "input column '" + name + "' is given twice");
            idx[k] = j;
        }
        return idx;
    }

    private int[] resolveTargets(Layout layout, String src) {
        int n = layout.columns().size();
        if (options.targets().isEmpty()) {
            if (n < 2) throw new DataFileException(src, 0, 0, "has only one column; expected input columns and a target column");
            return new int[] {n - 1};
        }
        Set<Integer> idx = new LinkedHashSet<>();
        for (String t : options.targets()) {
            int j = resolveColumn(t.trim(), layout, src, "target");
            if (!idx.add(j)) throw new DataFileException(src, 0, 0, "target column '" + t + "' is given twice");
        }
        if (idx.size() >= n) {
            throw new DataFileException(src, 0, 0, "every column is a target (" + options.targets() + "); expected at least one input column");
        }
        return idx.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Column {@code t} of the file: a header name (exact, else ignoring case), or a 1-based number, negative from the end. */
    private static int resolveColumn(String t, Layout layout, String src, String role) {
        int n = layout.columns().size();
        int byName = layout.header() ? layout.columns().indexOf(t) : -1;
        if (byName >= 0) return byName;
        if (layout.header()) {
            for (int j = 0; j < n; j++) if (layout.columns().get(j).equalsIgnoreCase(t)) return j;
        }
        try {
            int k = Integer.parseInt(t);
            int j = k > 0 ? k - 1 : n + k;
            if (k == 0 || j < 0 || j >= n) {
                throw new DataFileException(src, 0, 0, role + " column " + t + " is out of range; the file has "
                        + n + " columns (1.." + n + ", or -1 for the last)");
            }
            return j;
        } catch (NumberFormatException e) {
            throw new DataFileException(src, 0, 0, "no " + role + " column named '" + t + "'; "
                    + (layout.header() ? "the columns are " + layout.columns() : "the file has no header, so give a column number 1.." + n));
        }
    }

    private static String names(Layout layout, int[] idx) {
        List<String> s = new ArrayList<>();
        for (int j : idx) s.add(layout.columns().get(j));
        return String.join(", ", s);
    }

    // ---- values ----

    private static double number(String raw, String src, long line, int col, Layout layout, char sep) {
        String s = raw.trim();
        if (isNonFiniteWord(s)) {
            throw new DataFileException(src, line, col + 1, colName(layout, col) + "value '" + s + "' is not finite; expected a finite number");
        }
        double v;
        try {
            v = parse(s, sep);
        } catch (NumberFormatException e) {
            String shown = s.isEmpty() ? "an empty field" : "value '" + s + "' is not a number";
            throw new DataFileException(src, line, col + 1, colName(layout, col) + shown + "; expected a number");
        }
        if (!Double.isFinite(v)) {
            throw new DataFileException(src, line, col + 1, colName(layout, col) + "value '" + s + "' is too large (overflows to infinity); expected a finite number");
        }
        return v;
    }

    private String label(String raw, String src, long line, int col, Layout layout, char sep) {
        String s = raw.trim();
        if (s.isEmpty()) {
            throw new DataFileException(src, line, col + 1, colName(layout, col) + "empty class label; expected a label");
        }
        if (numberLike(s, sep)) {
            double v;
            try {
                v = parse(s, sep);
            } catch (NumberFormatException e) {
                v = Double.NaN;
            }
            if (!Double.isFinite(v) || v != Math.rint(v)) {
                throw new DataFileException(src, line, col + 1, colName(layout, col) + "value '" + s
                        + "' is not a class label; expected an integer or a name");
            }
            return Long.toString((long) v);  // "1.0" and "1" are the same class
        }
        return s;
    }

    private static String colName(Layout layout, int col) {
        return layout.header() ? "(" + layout.columns().get(col) + ") " : "";
    }

    /** A strict decimal number: digits, sign, point, exponent; no hex, no 'd'/'f' suffixes. */
    static double parse(String s, char sep) {
        if (sep == ';' && s.indexOf(',') >= 0 && s.indexOf('.') < 0) s = s.replace(',', '.');
        if (s.isEmpty()) throw new NumberFormatException("empty");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!((c >= '0' && c <= '9') || c == '.' || c == '-' || c == '+' || c == 'e' || c == 'E')) {
                throw new NumberFormatException(s);
            }
        }
        return Double.parseDouble(s);
    }

    private static boolean numberLike(String raw, char sep) {
        String s = raw.trim();
        if (isNonFiniteWord(s)) return true;
        try {
            parse(s, sep);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static boolean isNonFiniteWord(String s) {
        String t = s.toLowerCase(Locale.ROOT);
        if (t.startsWith("+") || t.startsWith("-")) t = t.substring(1);
        return t.equals("nan") || t.equals("inf") || t.equals("infinity");
    }

    // ---- classes ----

    private static List<String> sortedClasses(List<String> labels) {
        List<String> distinct = new ArrayList<>(new LinkedHashSet<>(labels));
        boolean numeric = distinct.stream().allMatch(s -> {
            try {
                Long.parseLong(s);
                return true;
            } catch (NumberFormatException e) {
                return false;
            }
        });
        if (numeric) distinct.sort((p, q) -> Long.compare(Long.parseLong(p), Long.parseLong(q)));
        else distinct.sort(null);
        return distinct;
    }

    private static float[] oneHot(List<String> labels, List<Long> lines, List<String> classes, String src, int column) {
        Map<String, Integer> index = new HashMap<>();
        for (int k = 0; k < classes.size(); k++) index.put(classes.get(k), k);
        int o = classes.size();
        float[] b = new float[labels.size() * o];
        for (int r = 0; r < labels.size(); r++) {
            Integer k = index.get(labels.get(r));
            if (k == null) {
                throw new DataFileException(src, lines.get(r), column, "class '" + labels.get(r)
                        + "' is not one of the model's classes " + classes);
            }
            b[r * o + k] = 1f;
        }
        return b;
    }

    // ---- layout detection ----

    private static List<String> firstLines(Path file, String src) {
        if (Files.isDirectory(file)) throw new DataFileException(src, 0, 0, "is a directory; expected a CSV file");
        List<String> lines = new ArrayList<>();
        try (BufferedReader in = open(file)) {
            String l;
            while (lines.size() < SNIFF_LINES && (l = in.readLine()) != null) {
                if (!l.isBlank()) lines.add(l);
            }
        } catch (NoSuchFileException e) {
            throw new DataFileException(src, 0, 0, "file not found");
        } catch (AccessDeniedException e) {
            throw new DataFileException(src, 0, 0, "permission denied");
        } catch (CharacterCodingException e) {
            throw new DataFileException(src, 0, 0, "not a UTF-8 text file; expected CSV text");
        } catch (IOException e) {
            throw new DataFileException(src, "cannot be read (" + message(e) + ")", e);
        }
        if (lines.isEmpty()) {
            throw new DataFileException(src, 0, 0, "the file is empty; expected rows of comma-, semicolon- or tab-separated values");
        }
        return lines;
    }

    /**
     * The first of tab, ';', ',' that splits every sniffed line into the same number (> 1) of
     * fields; tab and semicolon go first because a semicolon file may hold decimal commas.
     */
    static char detectSeparator(List<String> lines) {
        char[] candidates = {'\t', ';', ','};
        for (char c : candidates) {
            int n = countFields(lines.get(0), c);
            if (n < 2) continue;
            boolean same = true;
            for (String l : lines) same &= countFields(l, c) == n;
            if (same) return c;
        }
        char best = ',';
        int most = 1;
        for (char c : candidates) {
            int n = countFields(lines.get(0), c);
            if (n > most) {
                most = n;
                best = c;
            }
        }
        return best;
    }

    private static int countFields(String line, char sep) {
        int n = 1;
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') quoted = !quoted;
            else if (c == sep && !quoted) n++;
        }
        return n;
    }

    /** A header if some field of row 1 is not a number where row 2 has a number in that column. */
    private static boolean looksLikeHeader(List<String> first, List<String> second, char sep) {
        if (second == null) return first.stream().noneMatch(s -> numberLike(s, sep));
        for (int j = 0; j < first.size() && j < second.size(); j++) {
            if (!numberLike(first.get(j), sep) && numberLike(second.get(j), sep)) return true;
        }
        return false;
    }

    /** A UTF-8 reader positioned after the byte-order mark, if the file has one. */
    private static BufferedReader open(Path file) throws IOException {
        BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        in.mark(1);
        if (in.read() != '\uFEFF') in.reset();
        return in;
    }

    private static CSVFormat format(char sep) {
        return CSVFormat.DEFAULT.builder()
                .setDelimiter(sep)
                .setQuote('"')
                .setIgnoreEmptyLines(false)  // blank lines are skipped here, so line numbers stay exact
                .setTrim(true)
                .get();
    }

    private static boolean isBlank(CSVRecord r) {
        if (r.size() == 1) {
            return r.get(0).isBlank();
        }
        return false;
    }

    private static String printable(char c) {
        return c == '\t' ? "tab" : String.valueOf(c);
    }

    private static String message(Exception e) {
        Throwable t = e instanceof UncheckedIOException u && u.getCause() != null ? u.getCause() : e;
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    /** A growable float array; avoids boxing millions of values. */
    private static final class FloatList {
        private float[] a = new float[1024];
        private int n;

        void add(float v) {
            if (n == a.length) a = Arrays.copyOf(a, a.length * 2);
            a[n++] = v;
        }

        float[] toArray() {
            return Arrays.copyOf(a, n);
        }
    }
}
