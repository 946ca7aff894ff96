package org.neurona.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.neurona.activation.Activation;
import org.neurona.activation.Activations;
import org.neurona.io.CsvData;
import org.neurona.io.CsvReader;
import org.neurona.io.DataFileException;
import org.neurona.io.ModelFile;
import org.neurona.io.StoredModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Figures: the activation table, decision regions of a 2-input classifier, a training history. */
@Command(name = "plot", mixinStandardHelpOptions = true,
        description = "Draw a figure (PNG, or SVG for a .svg name).",
        subcommands = {PlotCommand.ActivationTable.class, PlotCommand.Boundary.class, PlotCommand.HistoryPlot.class},
        footerHeading = "%nExamples:%n",
        footer = {
            "  neurona plot activations --out activations.png",
            "  neurona plot boundary --model xor.json --data xor.csv --out xor-regions.png",
            "  neurona plot history --model xor.json --out xor-error.svg",
        })
final class PlotCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
    }

    @Command(name = "activations", mixinStandardHelpOptions = true,
            description = "The activation table as a figure: each function f(x) and its derivative f'(x).",
            footerHeading = "%nExamples:%n",
            footer = {"  neurona plot activations --out activations.png",
                "  neurona plot activations --functions logistic,logistic:4,tanh,relu \\",
                "      --range 3 --out some.png"})
    static final class ActivationTable implements Callable<Integer> {
        @Option(names = "--out", paramLabel = "FILE", required = true, description = "PNG file to write.")
        Path out;

        @Option(names = "--functions", paramLabel = "F", split = ",",
                description = "Which functions (default: every elementwise one neurona knows).")
        List<String> functions;

        @Option(names = "--range", paramLabel = "R", description = "Plot x over [-R, R] (default 5).")
        double range = 5;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            List<Activation> fs = new ArrayList<>();
            for (Activation a : functions == null ? Activations.table() : functions.stream().map(Activations::parse).toList()) {
                if (a.elementwise()) fs.add(a);
                else if (functions != null) {
                    throw new IllegalArgumentException("'" + a.name() + "' is not an elementwise function and has no curve to plot");
                }
            }
            if (!(range > 0)) throw new IllegalArgumentException("--range " + range + ": expected a positive number");
            Plots.saveGrid(Plots.activationTable(fs, range), Math.min(4, fs.size()), out);
            new Out(spec, false).say("activation table (%d functions) written to %s", fs.size(), out);
            return Main.OK;
        }
    }

    @Command(name = "boundary", mixinStandardHelpOptions = true,
            description = "Decision regions of a 2-input classifier under the scatter of the data (the lecture's plt.scatter).",
            footerHeading = "%nExamples:%n",
            footer = {"  neurona plot boundary --model lineal.json --data lineal.csv --out lineal.png"})
    static final class Boundary implements Callable<Integer> {
        @Mixin
        ModelOptions modelOptions;

        @Mixin
        DataOptions data;

        @Option(names = "--out", paramLabel = "FILE", required = true, description = "PNG or SVG file to write.")
        Path out;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            Model model = modelOptions.load();
            if (model.net.inputs() != 2) {
                throw new IllegalArgumentException(modelOptions.file + " has " + model.net.inputs()
                        + " inputs; a decision boundary is drawn for 2-input networks");
            }
            CsvReader.Options csv = data.csv();
            if (model.isClassifier()) csv = csv.withClasses(model.classes);
            Data d = Data.load(data.data, data.labels, csv, model.net.outputs());
            if (model.net.outputs() == 1) d = d.asBinary();
            List<String> classes = model.isClassifier() ? model.classes : List.of("0", "1");
            if (!model.isClassifier() && model.net.outputs() != 1) {
                throw new IllegalArgumentException(modelOptions.file + " is not a classifier (no class labels, "
                        + model.net.outputs() + " outputs); a decision boundary needs classes");
            }
            int n = d.dataset().rows();
            int[] label = Model.classify(d.dataset().b(), n, d.dataset().outputs());
            String xName = d.inputNames().size() == 2 ? d.inputNames().get(0) : "x1";
            String yName = d.inputNames().size() == 2 ? d.inputNames().get(1) : "x2";
            Plots.save(Plots.boundary("Decision regions of " + modelOptions.file.getFileName(), xName, yName, d.dataset().x(), n,
                    label, classes, grid -> Model.classify(model.predict(grid, grid.length / 2), grid.length / 2,
                            model.net.outputs())), out);
            new Out(spec, false).say("decision regions written to %s", out);
            return Main.OK;
        }
    }

    @Command(name = "history", mixinStandardHelpOptions = true,
            description = "The error per epoch of a training run, from a model file or a history CSV (train --history).",
            footerHeading = "%nExamples:%n",
            footer = {"  neurona plot history --model xor.json --out xor-error.png",
                "  neurona plot history --history run.csv --out run.svg"})
    static final class HistoryPlot implements Callable<Integer> {
        @Option(names = "--model", paramLabel = "FILE", description = "Model file written by train --save.")
        Path modelFile;

        @Option(names = "--history", paramLabel = "FILE", description = "History CSV written by train --history.")
        Path historyFile;

        @Option(names = "--out", paramLabel = "FILE", required = true, description = "PNG or SVG file to write.")
        Path out;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            if ((modelFile == null) == (historyFile == null)) {
                throw new IllegalArgumentException("give either --model FILE or --history FILE");
            }
            double[] train, valid = null;
            String loss = "error";
            if (modelFile != null) {
                StoredModel m = ModelFile.read(modelFile);
                train = m.history();
                valid = m.validationHistory();
                loss = m.loss();
                if (train.length == 0) throw new DataFileException(modelFile.toString(), 0, 0, "holds no training history");
            } else {
                Data.requireFile(historyFile);
                CsvData h = new CsvReader(CsvReader.Options.defaults().withHeader(CsvReader.Header.YES).withNoTargets()).read(historyFile);
                int e = h.columns().indexOf("train_error"), v = h.columns().indexOf("validation_error");
                if (e < 0) {
                    throw new DataFileException(historyFile.toString(), 1, 0, "no column 'train_error'; expected a history CSV written by train --history");
                }
                train = column(h, e);
                if (v >= 0) valid = column(h, v);
            }
            Plots.save(Plots.errorCurve("Training history", loss, train, valid), out);
            new Out(spec, false).say("history (%d epochs) written to %s", train.length, out);
            return Main.OK;
        }

        private static double[] column(CsvData h, int j) {
            double[] v = new double[h.rows()];
            for (int r = 0; r < h.rows(); r++) v[r] = h.x()[r * h.inputs() + j];
            return v;
        }
    }
}
