package org.neurona.cli;

import picocli.CommandLine.Option;

/** Machine-readable output: one JSON object on stdout, human text moved to stderr. */
final class OutputOptions {

    @Option(names = "--json", description = "Print one JSON object on stdout; human-readable text goes to stderr.")
    boolean json;
}
