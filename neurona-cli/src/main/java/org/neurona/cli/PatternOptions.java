package org.neurona.cli;

import java.io.IOException;
import java.nio.file.Path;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Unlabelled patterns and where their labels are, if anywhere: the data options of cluster and autoencode. */
final class PatternOptions {
    @Option(names = "--data", paramLabel = "FILE", required = true,
            description = "CSV file (header optional, comma/semicolon/tab), or IDX images (MNIST format, plain or gzip).")
    Path data;

    @Option(names = "--label", paramLabel = "COL",
            description = "CSV column of class labels (name or 1-based number, negative from the end): not an input;"
                    + " used for purity, picture colours and kept in written rows. Default: every column is an input.")
    String label;

    @Option(names = "--labels", paramLabel = "FILE", description = "IDX label file for IDX images given as --data (optional).")
    Path labels;

    @Mixin
    CsvLayout layout;

    Patterns load() throws IOException {
        return Patterns.load(data, labels, label, layout);
    }
}
