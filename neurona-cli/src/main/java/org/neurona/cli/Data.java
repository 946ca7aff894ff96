package org.neurona.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.neurona.data.Dataset;
import org.neurona.data.Idx;
import org.neurona.io.CsvData;
import org.neurona.io.CsvReader;

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
     * Reads --data (and --labels): IDX when labels are given or the file starts like IDX,
     * else CSV with the given reading options.
     *
     * @param idxClasses number of classes for IDX labels (0: the largest label + 1)
     */
    static Data load(Path data, Path labels, CsvReader.Options csv, int idxClasses) throws IOException {
        requireFile(data);
        if (labels != null || Idx.looksLikeIdx(data)) {
            if (labels == null) {
                throw new IllegalArgumentException(data + " is an IDX image file; give its labels with --labels FILE");
            }
            requireFile(labels);
            Dataset d = Idx.load(data, labels, idxClasses);
            return new Data(d, List.of(), List.of("label"), d.classes());
        }
        CsvData c = new CsvReader(csv).read(data);
        return new Data(c.toDataset(), c.inputNames(), c.targetNames(), c.classes());
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
