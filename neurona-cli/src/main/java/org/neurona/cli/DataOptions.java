package org.neurona.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import org.neurona.data.Dataset;
import org.neurona.io.CsvReader;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Where the data comes from and how to read it: shared by train, predict, evaluate and plot. */
final class DataOptions {

    @Option(names = "--data", paramLabel = "FILE", required = true,
            description = "CSV file (comma, semicolon or tab separated; header optional), or IDX images"
                    + " (MNIST format, plain or gzip) together with --labels.")
    Path data;

    @Option(names = "--labels", paramLabel = "FILE",
            description = "IDX label file for IDX images given as --data.")
    Path labels;

    @Option(names = "--target", paramLabel = "COL", split = ",",
            description = "Target column(s) by name or 1-based number (negative counts from the end);"
                    + " default: the last column.")
    List<String> targets;

    @Option(names = "--inputs", paramLabel = "COL", split = ",",
            description = "Input column(s) by name or 1-based number (negative counts from the end), in this order;"
                    + " default: every column that is not a target. Other columns (an id, a date) are skipped.")
    List<String> inputs;

    @Mixin
    CsvLayout layout;

    @Option(names = "--classify",
            description = "Treat a numeric target column as class labels (one-hot encoded); string labels always are.")
    boolean classify;

    /** The CSV reading options these flags describe. */
    CsvReader.Options csv() {
        CsvReader.Options o = layout.csv().withClassify(classify);
        if (targets != null && !targets.isEmpty()) o = o.withTargets(targets);
        if (given(inputs)) o = o.withInputs(inputs);
        return o;
    }

    /**
     * The data with targets, read for {@code model}: class labels as the model knows them, a
     * one-hot pair made one 0/1 column for a single-output model, the model's target columns
     * found by name in a CSV with a header, and widths checked against the network: what
     * evaluate and the plots that score a model read.
     */
    Data labelled(Model model, Path modelFile) throws IOException {
        if (model.isAutoencoder()) {
            // an autoencoder's targets are its inputs
            Dataset x = PredictCommand.inputs(model, this, modelFile);
            return new Data(new Dataset(x.x(), x.x().clone(), x.rows(), x.inputs(), x.inputs(), List.of(), x.source()),
                    model.inputNames, model.targetNames, List.of());
        }
        int outputs = model.net.outputs();
        CsvReader.Options csv = csv();
        if (model.isClassifier()) csv = csv.withClasses(model.classes);
        Data.requireFile(data);
        if (Data.format(data, labels) == Data.Format.CSV) csv = namedColumns(model, csv, modelFile);
        Data d = Data.load(data, labels, csv, outputs);
        if (outputs == 1) d = d.asBinary();
        Dataset set = d.dataset();
        if (set.inputs() != model.net.inputs() || set.outputs() != outputs) {
            throw new IllegalArgumentException(data + " has " + d.describeInputs() + " and " + d.describeTargets()
                    + ", but the model " + modelFile + " has " + model.net.inputs() + " inputs and " + outputs + " outputs");
        }
        return d;
    }

    /**
     * {@code csv} reading the model's inputs and targets by name where the file's header allows
     * ({@link #byName}), unless --inputs or --target name them. Targets under other names are
     * taken only from where a file without names has them, last and not among the inputs.
     */
    private CsvReader.Options namedColumns(Model model, CsvReader.Options csv, Path modelFile) {
        CsvReader.Layout layout = new CsvReader(csv).sniff(data);
        boolean byName = !given(inputs) && byName(model, layout, data, modelFile);
        if (byName) csv = csv.withInputs(model.inputNames);
        if (given(targets) || model.targetNames.isEmpty() || !layout.header()) return csv;
        if (has(layout, model.targetNames)) return csv.withTargets(model.targetNames);
        if (!byName) return csv;
        int n = layout.columns().size(), k = model.targetNames.size();
        List<String> last = lower(layout.columns().subList(Math.max(0, n - k), n));
        if (n < k + model.inputNames.size() || last.stream().anyMatch(lower(model.inputNames)::contains)) {
            throw new IllegalArgumentException(data + " has no target column " + missing(model.targetNames, layout)
                    + " (the model " + modelFile + " was trained to predict " + String.join(", ", model.targetNames)
                    + "); name the target column with --target");
        }
        return csv.withTargets(layout.columns().subList(n - k, n));
    }

    /** Whether a list option was given. */
    static boolean given(List<String> option) {
        return option != null && !option.isEmpty();
    }

    /**
     * Whether a CSV file of this layout is read for {@code model} with its input columns found
     * by the names stored in the model: when the model has names from a header and so does the
     * file. Then the file must have every one of them (in any order, other columns are skipped);
     * else it is an error, rather than inputs silently taken in the wrong order. Files without a
     * header, and models trained on one, match by position.
     */
    static boolean byName(Model model, CsvReader.Layout layout, Path file, Path modelFile) {
        if (!layout.header() || model.inputNames.isEmpty() || generic(model.inputNames)) return false;
        // names given twice in the training file's header say nothing about where a column is
        if (new HashSet<>(lower(model.inputNames)).size() < model.inputNames.size()) return false;
        if (has(layout, model.inputNames)) return true;
        throw new IllegalArgumentException(file + " has no column " + missing(model.inputNames, layout) + ": the model "
                + modelFile + " reads its inputs by name (" + String.join(", ", model.inputNames) + "), and the file's"
                + " header has " + String.join(", ", layout.columns()) + "; rename the columns, name the inputs with"
                + " --inputs, or give the file without its header to match them by position");
    }

    /** Whether {@code names} are ones a CSV reader makes up for a file without a header ("column 2", ...). */
    static boolean generic(List<String> names) {
        for (String n : names) if (!n.matches("column [0-9]+")) return false;
        return true;
    }

    /** Whether the file's header has every one of {@code names}, ignoring case (as the reader finds them). */
    static boolean has(CsvReader.Layout layout, List<String> names) {
        return lower(layout.columns()).containsAll(lower(names));
    }

    private static List<String> lower(List<String> names) {
        return names.stream().map(n -> n.toLowerCase(Locale.ROOT)).toList();
    }

    /** The first of {@code names} that the file's header lacks, quoted. */
    private static String missing(List<String> names, CsvReader.Layout layout) {
        List<String> have = lower(layout.columns());
        for (String n : names) if (!have.contains(n.toLowerCase(Locale.ROOT))) return "'" + n + "'";
        return "";
    }
}
