package org.neurona.snns;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.neurona.data.Dataset;

/**
 * An SNNS pattern file ({@code .pat}): the pattern format of the Stuttgart Neural Network Simulator
 * and of RSNNS, read in versions V3.2 to V4.2 and written as V4.2.
 *
 * <p>The format (SNNS User Manual 4.2, section 5.1; see also {@code FORMATS.md} of the example
 * data): a header {@code SNNS pattern definition file V4.2}, {@code generated at ...},
 * {@code No. of patterns : n}, {@code No. of input units : i}, optionally
 * {@code No. of output units : o}, optionally (V4.2) {@code No. of classes : c} with
 * {@code Class redistribution : [ ... ]} and {@code Remap function : name} with
 * {@code Remap parameters : [ ... ]}; then for each pattern its i input values, its o output values
 * and, if classes were declared, a class name. Layout is free (white space separates tokens) and
 * {@code #} starts a comment that runs to the end of the line.
 *
 * <p>Variable-size patterns ({@code No. of variable input dimensions : k} with k &gt; 0, used by
 * SNNS's time-delay and sub-pattern training) are rejected with a message that says so: a
 * {@link Dataset} holds fixed-width rows.
 *
 * <p>Values are stored as float, as SNNS stores them. The writer prints each value with C's
 * {@code %g} (6 significant digits, as the SNNS kernel's writer does) unless that would change the
 * float, in which case it uses up to 9 digits, so that writing and reading back is exact.
 *
 * @param version             the version in the file's first line ("V3.2", "V4.2"); "V4.2" for new files
 * @param data                the patterns: inputs x (n, i), targets b (n, o); o = 0 for input-only files
 * @param patternClasses      one class name per pattern when the file declares classes, else empty
 * @param classRedistribution the {@code Class redistribution} counts, else empty
 * @param remapFunction       the {@code Remap function} name, else ""
 * @param remapParameters     the {@code Remap parameters}, else empty
 */
public record SnnsPatternFile(String version, Dataset data, List<String> patternClasses,
                              List<Integer> classRedistribution, String remapFunction, List<Double> remapParameters) {

    /** The version this class writes. */
    public static final String WRITE_VERSION = "V4.2";

    private static final Pattern VERSION = Pattern.compile("V(\\d+)\\.(\\d+)");
    private static final DateTimeFormatter CTIME = DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy", Locale.ENGLISH);
    /** The SNNS writer breaks lines after this many values. */
    private static final int VALUES_PER_LINE = 10;

    public SnnsPatternFile {
        if (data == null) throw new IllegalArgumentException("pattern file needs data, got null");
        version = version == null ? WRITE_VERSION : version;
        patternClasses = List.copyOf(patternClasses);
        classRedistribution = List.copyOf(classRedistribution);
        remapFunction = remapFunction == null ? "" : remapFunction;
        remapParameters = List.copyOf(remapParameters);
        if (!patternClasses.isEmpty() && patternClasses.size() != data.rows()) {
            throw new IllegalArgumentException(data.source() + ": " + patternClasses.size() + " class names for "
                    + data.rows() + " patterns; expected one per pattern");
        }
        for (String c : patternClasses) {
            if (c.isEmpty() || c.chars().anyMatch(ch -> Character.isWhitespace(ch) || ch == '#')
                    || isNumber(c)) {
                throw new IllegalArgumentException(data.source() + ": class name '" + c
                        + "' cannot be written to a pattern file; expected a symbol without blanks or '#' that is not a number");
            }
        }
    }

    /** A V4.2 pattern file holding {@code data}, with no classes and no remap function. */
    public static SnnsPatternFile of(Dataset data) {
        return new SnnsPatternFile(WRITE_VERSION, data, List.of(), List.of(), "", List.of());
    }

    /** The patterns of the pattern file at {@code file} (see {@link #read(Path)}). */
    public static Dataset readDataset(Path file) throws IOException {
        return read(file).data();
    }

    /**
     * Reads a pattern file.
     *
     * @throws IOException              if the file cannot be read
     * @throws IllegalArgumentException if it is not a valid pattern file; the message names the
     *                                  file, the line and what was expected there
     */
    public static SnnsPatternFile read(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.ISO_8859_1);
        return parse(text, file.getFileName().toString());
    }

    /**
     * Parses the text of a pattern file; {@code source} names it in messages and becomes the
     * dataset's source.
     *
     * @throws IllegalArgumentException naming source, line and what was expected
     */
    public static SnnsPatternFile parse(String text, String source) {
        return new Parser(text, source).parse();
    }

    /** The file's text, V4.2, with "generated at" the current local time. */
    public String format() {
        return format(LocalDateTime.now().format(CTIME));
    }

    /** The file's text, V4.2, with the given "generated at" text (for reproducible files). */
    public String format(String generatedAt) {
        Dataset d = data;
        StringBuilder s = new StringBuilder(64 + 8 * (d.x().length + d.b().length));
        s.append("SNNS pattern definition file ").append(WRITE_VERSION).append('\n');
        s.append("generated at ").append(generatedAt).append("\n\n\n");
        s.append("No. of patterns : ").append(d.rows()).append('\n');
        s.append("No. of input units : ").append(d.inputs()).append('\n');
        if (d.outputs() > 0) s.append("No. of output units : ").append(d.outputs()).append('\n');
        if (!patternClasses.isEmpty()) {
            s.append("No. of classes : ").append(new LinkedHashSet<>(patternClasses).size()).append('\n');
            if (!classRedistribution.isEmpty()) {
                s.append("Class redistribution : [");
                for (int c : classRedistribution) s.append(' ').append(c);
                s.append(" ]\n");
            }
        }
        if (!remapFunction.isEmpty()) {
            s.append("Remap function : ").append(remapFunction).append('\n');
            if (!remapParameters.isEmpty()) {
                s.append("Remap parameters : [");
                for (double p : remapParameters) s.append(' ').append(formatValue(p));
                s.append(" ]\n");
            }
        }
        s.append('\n');
        for (int p = 0; p < d.rows(); p++) {
            s.append("# Input pattern ").append(p + 1).append(":\n");
            appendValues(s, d.x(), p * d.inputs(), d.inputs());
            if (d.outputs() > 0) {
                s.append("# Output pattern ").append(p + 1).append(":\n");
                appendValues(s, d.b(), p * d.outputs(), d.outputs());
            }
            if (!patternClasses.isEmpty()) {
                s.append("# Class:\n").append(patternClasses.get(p)).append('\n');
            }
        }
        return s.toString();
    }

    /** Writes the file (V4.2) to {@code file}. */
    public void write(Path file) throws IOException {
        Files.writeString(file, format(), StandardCharsets.ISO_8859_1);
    }

    private static void appendValues(StringBuilder s, float[] v, int from, int n) {
        for (int j = 0; j < n; j++) {
            s.append(formatValue(v[from + j])).append(' ');
            if ((j + 1) % VALUES_PER_LINE == 0 || j == n - 1) s.append('\n');
        }
    }

    /**
     * v as C's {@code %g} prints it (6 significant digits, trailing zeros removed, exponent form
     * below 1e-4 and from 1e6), with more digits (up to 9) only where 6 would not read back as the
     * same float.
     */
    static String formatValue(double v) {
        if (v == 0) return (1 / v < 0) ? "-0" : "0";
        if (v == Math.rint(v) && Math.abs(v) < 1e6) return Long.toString((long) v);  // most pattern values: 0, 1, -1
        float f = (float) v;
        if (f == v && Math.abs(v) >= 1e-4 && Math.abs(v) < 1e6) {
            // the shortest decimal that reads back as f; when it has at most 6 significant
            // digits it is also what %g prints, without the cost of BigDecimal
            String s = Float.toString(f);
            if (s.indexOf('E') < 0 && significantDigits(s) <= 6) return s;
        }
        for (int p = 6; p < 9; p++) {
            String s = formatG(v, p);
            if (Float.parseFloat(s) == f) return s;
        }
        return formatG(v, 9);
    }

    private static int significantDigits(String plain) {
        int n = 0;
        boolean leading = true;
        for (int i = 0; i < plain.length(); i++) {
            char c = plain.charAt(i);
            if (c < '0' || c > '9') continue;
            if (leading && c == '0') continue;
            leading = false;
            n++;
        }
        // Float.toString never ends a fraction with zeros except the one of "x.0" (integers are handled before)
        return n;
    }

    /** Whether s is a decimal number: optional sign, digits with an optional point, optional exponent. */
    static boolean isNumber(String s) {
        int i = 0, n = s.length();
        if (i < n && (s.charAt(i) == '-' || s.charAt(i) == '+')) i++;
        int digits = 0;
        while (i < n && isDigit(s.charAt(i))) { i++; digits++; }
        if (i < n && s.charAt(i) == '.') {
            i++;
            while (i < n && isDigit(s.charAt(i))) { i++; digits++; }
        }
        if (digits == 0) return false;
        if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            i++;
            if (i < n && (s.charAt(i) == '-' || s.charAt(i) == '+')) i++;
            int e = 0;
            while (i < n && isDigit(s.charAt(i))) { i++; e++; }
            if (e == 0) return false;
        }
        return i == n;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** C's {@code %.<p>g}: p significant digits, trailing zeros stripped. */
    static String formatG(double v, int p) {
        BigDecimal bd = new BigDecimal(v).round(new MathContext(p, RoundingMode.HALF_EVEN));
        int exp = bd.precision() - bd.scale() - 1;
        bd = bd.stripTrailingZeros();
        if (exp >= -4 && exp < p) return bd.toPlainString();
        String digits = bd.unscaledValue().abs().toString();
        StringBuilder s = new StringBuilder();
        if (bd.signum() < 0) s.append('-');
        s.append(digits.charAt(0));
        if (digits.length() > 1) s.append('.').append(digits, 1, digits.length());
        s.append('e').append(exp < 0 ? '-' : '+');
        int a = Math.abs(exp);
        if (a < 10) s.append('0');
        return s.append(a).toString();
    }

    /** A token of the file with the line it starts on (1-based). */
    private record Token(String text, int line) {}

    /** Recursive-descent reader over the token stream; every error names source and line. */
    private static final class Parser {
        private final String source;
        private final String[] lines;
        private final List<Token> tokens = new ArrayList<>();
        private int pos;
        private int inCount, outCount;

        Parser(String text, String source) {
            this.source = source == null ? "patterns" : source;
            this.lines = text.split("\r\n|\r|\n", -1);
            tokenize(text);
        }

        private void tokenize(String text) {
            int line = 1, i = 0, n = text.length();
            while (i < n) {
                char c = text.charAt(i);
                if (c == '\n') { line++; i++; continue; }
                if (c == '\r') { line++; i += (i + 1 < n && text.charAt(i + 1) == '\n') ? 2 : 1; continue; }
                if (Character.isWhitespace(c)) { i++; continue; }
                if (c == '#') {
                    while (i < n && text.charAt(i) != '\n' && text.charAt(i) != '\r') i++;
                    continue;
                }
                if (c == ':' || c == '[' || c == ']') { tokens.add(new Token(String.valueOf(c), line)); i++; continue; }
                int start = i;
                while (i < n && !Character.isWhitespace(text.charAt(i)) && "#:[]".indexOf(text.charAt(i)) < 0) i++;
                tokens.add(new Token(text.substring(start, i), line));
            }
        }

        SnnsPatternFile parse() {
            String version = parseVersion();
            if (peek("generated")) skipLine();
            int n = expectCount("No. of patterns", 1);
            int in = expectCount("No. of input units", 1);
            int out = 0;
            if (peek("No.", "of", "output")) out = expectCount("No. of output units", 0);
            inCount = in;
            outCount = out;
            rejectVariable("input");
            if (out > 0) rejectVariable("output");
            int classes = 0;
            List<Integer> redistribution = new ArrayList<>();
            if (peek("No.", "of", "classes")) {
                classes = expectCount("No. of classes", 0);
                if (peek("Class", "redistribution")) {
                    expectPhrase("Class redistribution :");
                    for (double d : bracketList("class redistribution")) {
                        if (d != Math.rint(d) || d < 0) fail(tokens.get(pos - 1).line(), "class redistribution count " + d, "a non-negative integer");
                        redistribution.add((int) d);
                    }
                    if (redistribution.size() != classes) {
                        fail(tokens.get(pos - 1).line(), redistribution.size() + " class redistribution counts",
                                classes + " (the number of classes)");
                    }
                }
            }
            String remap = "";
            List<Double> remapParams = new ArrayList<>();
            if (peek("Remap", "function")) {
                expectPhrase("Remap function :");
                remap = next("the name of the remap function").text();
                if (peek("Remap", "parameters")) {
                    expectPhrase("Remap parameters :");
                    for (double d : bracketList("remap parameters")) remapParams.add(d);
                }
            }

            float[] x = new float[n * in], b = new float[n * out];
            List<String> names = new ArrayList<>();
            for (int p = 0; p < n; p++) {
                readValues(x, p * in, in, p, n, "input");
                readValues(b, p * out, out, p, n, "output");
                if (classes > 0) {
                    if (pos >= tokens.size()) eof("pattern " + (p + 1) + " of " + n + " needs a class name");
                    Token t = tokens.get(pos++);
                    if (isNumber(t.text()) || t.text().length() == 1 && "[]:".contains(t.text())) {
                        fail(t.line(), "'" + t.text() + "' where pattern " + (p + 1) + " has its class name",
                                "a class name (the header declares " + classes + " classes)");
                    }
                    names.add(t.text());
                }
            }
            if (pos < tokens.size()) {
                Token t = tokens.get(pos);
                fail(t.line(), "'" + t.text() + "' after the last pattern", "the end of the file, since the header says No. of patterns : " + n);
            }
            if (classes > 0) {
                int distinct = new LinkedHashSet<>(names).size();
                if (distinct != classes) {
                    throw new IllegalArgumentException(source + ": the header declares No. of classes : " + classes
                            + " but the patterns name " + distinct + " different classes " + new LinkedHashSet<>(names));
                }
            }
            Dataset data = new Dataset(x, b, n, in, out, List.of(), source);
            return new SnnsPatternFile(version, data, names, redistribution, remap, remapParams);
        }

        private String parseVersion() {
            String[] magic = {"SNNS", "pattern", "definition", "file"};
            int line = tokens.isEmpty() ? 1 : tokens.get(0).line();
            for (String w : magic) {
                if (pos >= tokens.size() || !tokens.get(pos).text().equalsIgnoreCase(w)) {
                    fail(line, "'" + lineText(line) + "'",
                            "'SNNS pattern definition file V3.2' (or V4.2) as the first line of an SNNS pattern file");
                }
                pos++;
            }
            Token v = next("the version after 'SNNS pattern definition file'");
            Matcher m = VERSION.matcher(v.text());
            if (!m.matches()) fail(v.line(), "version '" + v.text() + "'", "a version like V3.2 or V4.2");
            int major = Integer.parseInt(m.group(1)), minor = Integer.parseInt(m.group(2));
            if (major > 4 || major == 4 && minor > 2) {
                fail(v.line(), "version " + v.text(), "a pattern file version up to V4.2 (this reader knows V3.2 to V4.2)");
            }
            return v.text();
        }

        private void rejectVariable(String part) {
            if (!peek("No.", "of", "variable", part)) return;
            int line = tokens.get(pos).line();
            int k = expectCount("No. of variable " + part + " dimensions", 0);
            if (k > 0) {
                throw new IllegalArgumentException(source + ", line " + line + ": variable-size patterns ('No. of variable "
                        + part + " dimensions : " + k + "') are not supported; neurona reads fixed-size patterns only "
                        + "(expected no variable dimensions: every pattern with the same number of values)");
            }
        }

        private void readValues(float[] into, int from, int count, int p, int n, String what) {
            for (int j = 0; j < count; j++) {
                if (pos >= tokens.size()) {
                    eof("pattern " + (p + 1) + " of " + n + " needs " + count + " " + what + " values, found " + j);
                }
                Token t = tokens.get(pos++);
                if (!isNumber(t.text())) {
                    fail(t.line(), "'" + t.text() + "' as " + what + " value " + (j + 1) + " of " + count + " of pattern " + (p + 1),
                            "a number (the header declares " + inCount + " input and " + outCount + " output values per pattern)");
                }
                // straight to float (as SNNS stores it): a double in between could round twice
                float f = Float.parseFloat(t.text());
                if (Float.isInfinite(f)) {
                    fail(t.line(), what + " value " + t.text() + " of pattern " + (p + 1), "a number within float range (|v| < 3.4e38)");
                }
                into[from + j] = f;
            }
        }

        /** Parses "phrase : <int>" with the integer at least min. */
        private int expectCount(String phrase, int min) {
            expectPhrase(phrase + " :");
            Token t = next("a number after '" + phrase + " :'");
            if (!t.text().matches("\\d+")) fail(t.line(), "'" + t.text() + "' after '" + phrase + " :'", "a whole number");
            long v = Long.parseLong(t.text());
            if (v < min || v > Integer.MAX_VALUE) fail(t.line(), phrase + " : " + t.text(), "a whole number of at least " + min);
            return (int) v;
        }

        private void expectPhrase(String phrase) {
            String[] words = phrase.replace(":", " : ").trim().split("\\s+");
            int line = pos < tokens.size() ? tokens.get(pos).line() : lastLine();
            for (String w : words) {
                if (pos >= tokens.size()) eof("expected '" + phrase + "'");
                Token t = tokens.get(pos);
                if (!t.text().equalsIgnoreCase(w)) {
                    fail(t.line(), "'" + lineText(t.line()).trim() + "'", "'" + phrase + "' here (line " + line + " of the header)");
                }
                pos++;
            }
        }

        private List<Double> bracketList(String what) {
            Token open = next("'[' opening the " + what);
            if (!open.text().equals("[")) fail(open.line(), "'" + open.text() + "'", "'[' opening the " + what);
            List<Double> values = new ArrayList<>();
            while (true) {
                Token t = next("']' closing the " + what);
                if (t.text().equals("]")) return values;
                if (!isNumber(t.text())) fail(t.line(), "'" + t.text() + "' in the " + what, "a number or ']'");
                values.add(Double.parseDouble(t.text()));
            }
        }

        private boolean peek(String... words) {
            for (int k = 0; k < words.length; k++) {
                if (pos + k >= tokens.size() || !tokens.get(pos + k).text().equalsIgnoreCase(words[k])) return false;
            }
            return true;
        }

        private void skipLine() {
            int line = tokens.get(pos).line();
            while (pos < tokens.size() && tokens.get(pos).line() == line) pos++;
        }

        private Token next(String expected) {
            if (pos >= tokens.size()) eof("expected " + expected);
            return tokens.get(pos++);
        }

        private int lastLine() {
            int l = lines.length;
            while (l > 1 && lines[l - 1].isBlank()) l--;
            return l;
        }

        private String lineText(int line) {
            return line - 1 < lines.length ? lines[line - 1] : "";
        }

        private void eof(String what) {
            throw new IllegalArgumentException(source + ", line " + lastLine() + ": unexpected end of file: " + what);
        }

        private void fail(int line, String found, String expected) {
            throw new IllegalArgumentException(source + ", line " + line + ": found " + found + "; expected " + expected);
        }
    }
}
