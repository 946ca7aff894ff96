package org.neurona.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.neurona.data.Dataset;
import org.neurona.data.Idx;
import org.neurona.io.CsvData;
import org.neurona.io.CsvReader;
import org.neurona.io.DataFileException;

/**
 * Patterns to cluster, encode or store, read from CSV (every column an input except an optional
 * label column) or from IDX images (with optional IDX labels), keeping what is needed to
 * write the rows back out.
 *
 * @param data        the inputs (N, I); no targets
 * @param labels      class index per pattern (N), or null without labels
 * @param classes     class names (empty without labels)
 * @param columns     all CSV column names in file order (empty for IDX)
 * @param inputNames  names of the input columns
 * @param labelColumn index of the label column in {@code columns}, or -1
 * @param header      whether the CSV file had a header row
 * @param imageRows   image height for IDX data, else 0
 * @param imageCols   image width for IDX data, else 0
 */
record Patterns(Dataset data, int[] labels, List<String> classes, List<String> columns, List<String> inputNames,
                int labelColumn, boolean header, int imageRows, int imageCols) {

    static Patterns load(Path file, Path idxLabels, String labelColumn, CsvLayout layout) throws IOException {
        Data.requireFile(file);
        if (idxLabels != null || Idx.looksLikeIdx(file)) {
            if (labelColumn != null) {
                throw new IllegalArgumentException("--label names a CSV column, but " + file
                        + " is an IDX image file; give IDX labels with --labels FILE");
            }
            Idx.Images im = Idx.readImages(file);
            int[] lab = null;
            List<String> classes = List.of();
            if (idxLabels != null) {
                Data.requireFile(idxLabels);
                lab = Idx.readLabels(idxLabels);
                if (lab.length != im.count()) {
                    throw new IllegalArgumentException(file + " has " + im.count() + " images but " + idxLabels + " has "
                            + lab.length + " labels; expected one label per image");
                }
                int k = 0;
                for (int v : lab) k = Math.max(k, v + 1);
                List<String> c = new ArrayList<>();
                for (int i = 0; i < k; i++) c.add(Integer.toString(i));
                classes = c;
            }
            Dataset d = new Dataset(im.pixels(), new float[0], im.count(), im.size(), 0, List.of(),
                    file.getFileName().toString());
            return new Patterns(d, lab, classes, List.of(), List.of(), -1, false, im.rows(), im.columns());
        }
        CsvReader.Options o = layout.csv();
        o = labelColumn == null ? o.withNoTargets() : o.withTargets(List.of(labelColumn)).withClassify(true);
        CsvData c;
        try {
            c = new CsvReader(o).read(file);
        } catch (DataFileException e) {
            if (labelColumn != null || !e.getMessage().contains("is not a number")) throw e;
            throw new DataFileException(e.file(), e.line(), e.column(), e.getMessage().substring(e.getMessage().indexOf(": ") + 2)
                    + "; if that column holds class labels, name it with --label COL");
        }
        if (c.rows() == 0) throw new IllegalArgumentException(file + " has no data rows");
        if (c.inputs() == 0) throw new IllegalArgumentException(file + " has no input columns besides the label " + labelColumn);
        int[] lab = null;
        int labelIdx = -1;
        if (labelColumn != null) {
            int k = c.outputs();
            lab = new int[c.rows()];
            for (int r = 0; r < c.rows(); r++) {
                int best = 0;
                for (int j = 1; j < k; j++) if (c.b()[r * k + j] > c.b()[r * k + best]) best = j;
                lab[r] = best;
            }
            labelIdx = c.columns().indexOf(c.targetNames().get(0));
        }
        Dataset d = new Dataset(c.x(), new float[0], c.rows(), c.inputs(), 0, List.of(), file.getFileName().toString());
        return new Patterns(d, lab, c.classes(), c.columns(), c.inputNames(), labelIdx, c.header(), 0, 0);
    }

    String inputName(int j) {
        return j < inputNames.size() ? inputNames.get(j) : "input " + (j + 1);
    }

    String describeInputs() {
        int in = data.inputs();
        if (imageRows > 0) return in + " pixels (" + imageRows + "x" + imageCols + " images)";
        return in + " input column" + (in == 1 ? "" : "s");
    }

    /**
     * The rows as CSV, in file column order (the label column as its class name), with one
     * integer column appended; with a header when the file had one.
     */
    String withColumn(String name, int[] values) {
        StringBuilder b = new StringBuilder();
        int in = data.inputs();
        if (header) {
            for (String c : columns) b.append(CsvText.quote(c)).append(',');
            b.append(CsvText.quote(name)).append('\n');
        }
        int cols = columns.isEmpty() ? in : columns.size();
        for (int r = 0; r < data.rows(); r++) {
            int xi = 0;
            for (int j = 0; j < cols; j++) {
                if (j == labelColumn) b.append(CsvText.quote(classes.get(labels[r])));
                else b.append(CsvText.number(data.x()[r * in + xi++]));
                b.append(',');
            }
            b.append(values[r]).append('\n');
        }
        return b.toString();
    }

    /** Parses "RxC" and checks R * C against the pattern width. */
    static int[] parseShape(String option, String s, int width, String source) {
        String t = s.trim().toLowerCase(Locale.ROOT);
        int x = t.indexOf('x');
        int r, c;
        try {
            if (x < 0) throw new NumberFormatException();
            r = Integer.parseInt(t.substring(0, x).trim());
            c = Integer.parseInt(t.substring(x + 1).trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " '" + s + "' is not ROWSxCOLS, like 10x10 or 28x28");
        }
        if (r < 1 || c < 1 || (long) r * c != width) {
            throw new IllegalArgumentException(option + " " + s + " has " + (long) r * c + " pixels, but " + source + " has " + width
                    + " values per pattern; expected R * C = " + width);
        }
        return new int[] {r, c};
    }
}
