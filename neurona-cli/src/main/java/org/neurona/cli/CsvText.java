package org.neurona.cli;

/** How the commands write values into the CSV files they produce. */
final class CsvText {
    private CsvText() {}

    /** A float in the shortest form that reads back the same: "3" for 3.0, "0.25", "1.0E-5". */
    static String number(float v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e7) return Integer.toString((int) v);
        return Float.toString(v);
    }

    /**
     * A CSV field, quoted when it holds a separator neurona's reader may detect (comma, semicolon,
     * tab), a quote or a line break.
     */
    static String quote(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf(';') < 0 && s.indexOf('\t') < 0) return s;
        return '"' + s.replace("\"", "\"\"") + '"';
    }
}
