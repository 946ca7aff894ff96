package org.neurona.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.neurona.data.Dataset;
import org.neurona.data.Idx;
import org.neurona.io.CsvData;
import org.neurona.io.CsvReader;
import org.neurona.io.DataFileException;
import org.neurona.snns.SnnsPatternFile;

/**
 * Patterns loaded from the command line's files, with the names that give them meaning: input
 * and target column names and class labels.
 *
 * @param dataset     the patterns
 * @param inputNames  input column names (empty for IDX images)
 * @param targetNames target column names
 * @param classes     class labels of the one-hot targets (or two labels for one 0/1 output); empty for regression
 */
record Data(Dataset dataset, List<String> inputNames, List<String> targetNames, List<String> classes) {

    Data {
        inputNames = List.copyOf(inputNames);
        targetNames = List.copyOf(targetNames);
        classes = List.copyOf(classes);
    }

    boolean isClassification() {
        return !classes.isEmpty();
    }

    /**
     * Reads --data (and --labels) as its {@link #format} says; CSV with the given reading options.
     *
     * @param idxClasses number of classes for IDX labels (0: the largest label + 1)
     */
    static Data load(Path data, Path labels, CsvReader.Options csv, int idxClasses) throws IOException {
        requireFile(data);
        Format format = format(data, labels);
        if (format == Format.PAT) return loadPat(data, csv);
        if (format == Format.IDX) {
            if (labels == null) {
                throw new IllegalArgumentException(data + " is an IDX image file; give its labels with --labels FILE");
            }
            requireFile(labels);
            if (!csv.inputs().isEmpty()) throw new IllegalArgumentException("--inputs picks CSV columns; " + data + " is IDX");
            // the classes the labels hold, widened to idxClasses when fewer: more are left for the caller's
            // width check to name (with the --layers that would fit)
            Dataset d = Idx.load(data, labels, 0);
            if (idxClasses > d.outputs()) d = Idx.load(data, labels, idxClasses);
            return new Data(d, List.of(), List.of("label"), d.classes());
        }
        CsvData c = new CsvReader(csv).read(data);
        return new Data(c.toDataset(), c.inputNames(), c.targetNames(), c.classes());
    }

    /** The kinds of data file the commands read. */
    enum Format { CSV, PAT, IDX }

    /**
     * Which kind {@code data} is: IDX when labels are given or it starts like IDX, an SNNS pattern
     * file when it is named *.pat or starts with the SNNS header, else CSV.
     */
    static Format format(Path data, Path labels) throws IOException {
        if (labels == null && isPat(data)) return Format.PAT;
        return labels != null || Idx.looksLikeIdx(data) ? Format.IDX : Format.CSV;
    }

    private static final String PAT_MAGIC = "SNNS pattern definition file";

    /** Whether {@code p} is an SNNS pattern file: named *.pat, or its first line is the SNNS header. */
    static boolean isPat(Path p) throws IOException {
        if (p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".pat")) return true;
        byte[] head = new byte[64];
        int n;
        try (InputStream in = Files.newInputStream(p)) {
            n = in.readNBytes(head, 0, head.length);
        }
        return new String(head, 0, n, StandardCharsets.ISO_8859_1).stripLeading().startsWith(PAT_MAGIC);
    }

    /**
     * The patterns of an SNNS pattern file, named as the user gave it in messages. Outputs are
     * numeric targets, unless the reading options ask for classes: {@code --classify} reads 0/1
     * outputs as classes ("0"/"1" for one output, "1".."k" for k one-hot outputs, SNNS's unit
     * numbers), and a classifier's labels ({@code csv.classes()}, from a saved model) are taken
     * as they are, after checking that the outputs are 0/1 codes of that many classes.
     */
    static Data loadPat(Path file, CsvReader.Options csv) throws IOException {
        if (!csv.targets().isEmpty() || !csv.inputs().isEmpty()) {
            throw new IllegalArgumentException((csv.targets().isEmpty() ? "--inputs " + String.join(",", csv.inputs())
                    : "--target " + String.join(",", csv.targets())) + " does not apply to " + file
                    + ": an SNNS pattern file's header says which values are inputs and outputs");
        }
        String src = file.toString();
        Dataset d = SnnsPatternFile.parse(Files.readString(file, StandardCharsets.ISO_8859_1), src).data();
        if (d.outputs() == 0) {
            throw new DataFileException(src, 0, 0, "holds input patterns only (no 'No. of output units'); expected targets");
        }
        List<String> classes = csv.classes();
        if (classes.isEmpty() && csv.classify()) {
            classes = new ArrayList<>();
            if (d.outputs() == 1) {
                classes.add("0");
                classes.add("1");
            } else {
                for (int k = 1; k <= d.outputs(); k++) classes.add(Integer.toString(k));
            }
        }
        if (!classes.isEmpty()) checkClassCodes(d, classes, src);
        // one-hot rows keep their labels in the dataset; a single 0/1 output is not one-hot (see asBinary)
        Dataset out = new Dataset(d.x(), d.b(), d.rows(), d.inputs(), d.outputs(),
                d.outputs() == classes.size() ? classes : List.of(), src);
        return new Data(out, List.of(), List.of(), classes);
    }

    /** Outputs must be 0/1 codes: one 0/1 value for two classes, or exactly one 1 per row for k classes. */
    private static void checkClassCodes(Dataset d, List<String> classes, String src) {
        int k = d.outputs();
        boolean single = k == 1 && classes.size() == 2;
        if (!single && k != classes.size()) {
            throw new DataFileException(src, 0, 0, k + " output values per pattern, but " + classes.size()
                    + " classes (" + String.join(", ", abbreviate(classes)) + "); expected one output per class, or one 0/1 output for two");
        }
        for (int r = 0; r < d.rows(); r++) {
            int ones = 0;
            for (int j = 0; j < k; j++) {
                float v = d.b()[r * k + j];
                if (v != 0 && v != 1) {
                    throw new DataFileException(src, 0, 0, "pattern " + (r + 1) + ": output " + (j + 1) + " is " + v
                            + "; class targets must be 0 or 1 (drop --classify to read the outputs as numbers)");
                }
                if (v == 1) ones++;
            }
            if (!single && ones != 1) {
                throw new DataFileException(src, 0, 0, "pattern " + (r + 1) + " has " + ones
                        + " outputs set to 1; one-hot class targets need exactly one");
            }
        }
    }

    /** The input patterns of an SNNS pattern file (targets, if any, dropped), for predict. */
    static Dataset patInputs(Path file) throws IOException {
        requireFile(file);
        Dataset d = SnnsPatternFile.parse(Files.readString(file, StandardCharsets.ISO_8859_1), file.toString()).data();
        return new Dataset(d.x(), new float[0], d.rows(), d.inputs(), 0, List.of(), d.source());
    }

    static void requireFile(Path p) {
        if (!Files.exists(p)) throw new IllegalArgumentException(p + ": file not found");
        if (Files.isDirectory(p)) throw new IllegalArgumentException(p + ": is a directory; expected a file");
        if (!Files.isReadable(p)) throw new IllegalArgumentException(p + ": permission denied");
    }

    /**
     * Two classes for a network with one output: the one-hot pair becomes a single 0/1 column
     * (1 = the second class), the lecture's logistic perceptron.
     */
    Data asBinary() {
        if (classes.size() != 2 || dataset.outputs() != 2) return this;
        Dataset d = dataset;
        float[] b = new float[d.rows()];
        for (int r = 0; r < d.rows(); r++) b[r] = d.b()[2 * r + 1];
        // a single 0/1 output is not one-hot: the dataset keeps no class list, the model does
        return new Data(new Dataset(d.x(), b, d.rows(), d.inputs(), 1, List.of(), d.source()), inputNames, targetNames, classes);
    }

    /** The same names with other patterns (after a split or normalisation). */
    Data with(Dataset d) {
        return new Data(d, inputNames, targetNames, classes);
    }

    /** "x1, x2" or "784 pixels", for messages. */
    String describeInputs() {
        if (inputNames.isEmpty()) return dataset.inputs() + " inputs";
        return dataset.inputs() + " input column" + (dataset.inputs() == 1 ? "" : "s") + " (" + String.join(", ", abbreviate(inputNames)) + ")";
    }

    String describeTargets() {
        if (isClassification() && dataset.outputs() > 1) {
            return classes.size() + " classes (" + String.join(", ", abbreviate(classes)) + ") one-hot encoded";
        }
        if (isClassification()) return "2 classes (" + String.join(", ", classes) + ") as one 0/1 output";
        return dataset.outputs() + " target column" + (dataset.outputs() == 1 ? "" : "s")
                + (targetNames.isEmpty() ? "" : " (" + String.join(", ", abbreviate(targetNames)) + ")");
    }

    private static List<String> abbreviate(List<String> s) {
        if (s.size() <= 8) return s;
        List<String> a = new ArrayList<>(s.subList(0, 6));
        a.add("...");
        a.add(s.get(s.size() - 1));
        return a;
    }
}
