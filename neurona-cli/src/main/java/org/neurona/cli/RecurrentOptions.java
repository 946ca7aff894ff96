package org.neurona.cli;

import java.util.List;
import picocli.CommandLine.Option;

/**
 * The options of {@code train --net elman|jordan}: which recurrent net, which series, and
 * truncated BPTT. Values left out keep the defaults of {@link org.neurona.train.BpttForecaster}
 * (the recipe), which live there and nowhere else.
 */
final class RecurrentOptions {

    @Option(names = "--net", paramLabel = "KIND",
            description = "Train a recurrent net on a time series instead of a feedforward net: elman, jordan"
                    + " (or none: the same net without context, the baseline).")
    String net;

    @Option(names = "--column", paramLabel = "COL", split = ",",
            description = "The series' column(s) by name or 1-based number (default: the last column); several make"
                    + " a multivariate series. With --net.")
    List<String> columns;

    @Option(names = "--hidden", paramLabel = "H", description = "Hidden units of the recurrent net (default 16).")
    Integer hidden;

    @Option(names = "--bptt", paramLabel = "K",
            description = "Truncated BPTT over windows of K steps, context carried across windows (default 20);"
                    + " 0 = full BPTT over the whole series.")
    Integer bptt;

    @Option(names = "--test-fraction", paramLabel = "F",
            description = "Hold out the last fraction F of the series, in time order, for the test MSE (default 0.2).")
    Double testFraction;

    @Option(names = "--forecast", paramLabel = "N",
            description = "Continue the series N steps beyond its end, the net's outputs fed back (default 0).")
    Integer forecast;

    @Option(names = "--mu", paramLabel = "MU", description = "Jordan nets: decay of the context's self-connection, in [0, 1) (default 0).")
    Double mu;

    /** The recurrent-only options that were given (for the message when --net is missing). */
    List<String> given() {
        List<String> g = new java.util.ArrayList<>();
        if (columns != null) g.add("--column");
        if (hidden != null) g.add("--hidden");
        if (bptt != null) g.add("--bptt");
        if (testFraction != null) g.add("--test-fraction");
        if (forecast != null) g.add("--forecast");
        if (mu != null) g.add("--mu");
        return g;
    }
}
