package org.neurona.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.neurona.data.Dataset;
import org.neurona.data.Idx;
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

    @Mixin
    CsvLayout layout;

    @Option(names = "--classify",
            description = "Treat a numeric target column as class labels (one-hot encoded); string labels always are.")
    boolean classify;

    /** The CSV reading options these flags describe. */
    CsvReader.Options csv() {
        CsvReader.Options o = layout.csv().withClassify(classify);
        if (targets != null && !targets.isEmpty()) o = o.withTargets(targets);
        return o;
    }

    /**
     * The data with targets, read for {@code model}: class labels as the model knows them, a
     * one-hot pair made one 0/1 column for a single-output model, the model's target columns
     * found by name in a CSV with a header, and widths checked against the network: what
     * evaluate and the plots that score a model read.
     */
    Data labelled(Model model, Path modelFile) throws IOException {
        int outputs = model.net.outputs();
        CsvReader.Options csv = csv();
        if (model.isClassifier()) csv = csv.withClasses(model.classes);
        Data.requireFile(data);
        boolean csvFile = labels == null && !Idx.looksLikeIdx(data) && !Data.isPat(data);
        if (csvFile && (targets == null || targets.isEmpty()) && !model.targetNames.isEmpty()) {
            CsvReader.Layout layout = new CsvReader(csv).sniff(data);
            if (layout.header() && layout.columns().containsAll(model.targetNames)) csv = csv.withTargets(model.targetNames);
        }
        Data d = Data.load(data, labels, csv, outputs);
        if (outputs == 1) d = d.asBinary();
        Dataset set = d.dataset();
        if (set.inputs() != model.net.inputs() || set.outputs() != outputs) {
            throw new IllegalArgumentException(data + " has " + d.describeInputs() + " and " + d.describeTargets()
                    + ", but the model " + modelFile + " has " + model.net.inputs() + " inputs and " + outputs + " outputs");
        }
        return d;
    }
}
