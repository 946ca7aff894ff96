package org.neurona.cli;

import java.nio.file.Path;
import java.util.List;
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
}
