package org.neurona.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The saved model a command uses: shared by predict, evaluate and plot boundary. */
final class ModelOptions {

    @Option(names = "--model", paramLabel = "FILE", required = true, description = "Model file written by train --save.")
    Path file;

    /** The model with its weights, normalisation and class labels. */
    Model load() {
        return Model.load(file);
    }
}
