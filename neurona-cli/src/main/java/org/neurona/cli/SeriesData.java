package org.neurona.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.neurona.data.TimeSeries;
import org.neurona.io.CsvReader;

/**
 * Reads a time series for the recurrent commands: the named columns of a CSV file, in file
 * order as time order. Columns are chosen by name (exact, then ignoring case) or by 1-based
 * number; a name that is not there is reported with the closest one. Only the chosen columns
 * are parsed, so a file may carry a date or label column beside the series. Every value must be
 * a finite number (NaN and empty fields are named with their line).
 */
final class SeriesData {
    private SeriesData() {}

    /**
     * The series in {@code columns} of {@code file}; with no columns given, the last column.
     *
     * @param csv how to detect the header and separator (the data options' --header/--separator)
     */
    static TimeSeries read(Path file, List<String> columns, CsvReader.Options csv) throws IOException {
        Data.requireFile(file);
        CsvReader.Layout layout = new CsvReader(csv).sniff(file);
        List<String> have = layout.columns();
        List<String> want = columns == null || columns.isEmpty() ? List.of(String.valueOf(have.size())) : columns;
        List<String> names = new ArrayList<>();
        List<Integer> index = new ArrayList<>();
        for (String c : want) {
            int j = resolve(c.trim(), layout, file);
            if (index.contains(j)) throw new IllegalArgumentException(file + ": column '" + c + "' is given twice");
            index.add(j);
            names.add(have.get(j));
        }
        if (layout.header()) return TimeSeries.readCsv(file, names);
        if (index.size() > 1) {
            throw new IllegalArgumentException(file + " has no header line; a series of several columns needs one"
                    + " (a first line naming the columns)");
        }
        return TimeSeries.readCsv(file, index.get(0));
    }

    /** The 0-based index of column {@code c}: a name, or a number 1..n. */
    private static int resolve(String c, CsvReader.Layout layout, Path file) {
        List<String> have = layout.columns();
        if (layout.header()) {
            int j = have.indexOf(c);
            if (j >= 0) return j;
            for (j = 0; j < have.size(); j++) if (have.get(j).equalsIgnoreCase(c)) return j;
        }
        try {
            int k = Integer.parseInt(c);
            if (k < 1 || k > have.size()) {
                throw new IllegalArgumentException(file + ": column " + k + " is out of range; the file has "
                        + have.size() + " column" + (have.size() == 1 ? "" : "s") + " (1.." + have.size() + ")");
            }
            return k - 1;
        } catch (NumberFormatException e) {
            if (!layout.header()) {
                throw new IllegalArgumentException(file + " has no header line, so there is no column '" + c
                        + "'; give its number 1.." + have.size());
            }
            throw new IllegalArgumentException(file + ": no column '" + c + "'; did you mean '" + closest(c, have)
                    + "'? The columns are " + have);
        }
    }

    /**
     * The name in {@code names} at the smallest edit distance from {@code s}, ignoring case; on a
     * tie one that begins with {@code s} ("x" gives "x1" rather than "t"), else the first.
     */
    static String closest(String s, List<String> names) {
        String best = names.get(0);
        int bestD = Integer.MAX_VALUE;
        String typed = s.toLowerCase(Locale.ROOT);
        for (String n : names) {
            String name = n.toLowerCase(Locale.ROOT);
            int d = 2 * editDistance(typed, name) - (name.startsWith(typed) ? 1 : 0);
            if (d < bestD) {
                bestD = d;
                best = n;
            }
        }
        return best;
    }

    /** Levenshtein distance: insertions, deletions and substitutions each cost 1. */
    private static int editDistance(String a, String b) {
        int[] prev = new int[b.length() + 1], cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) prev[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                cur[j] = Math.min(sub, Math.min(prev[j], cur[j - 1]) + 1);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
