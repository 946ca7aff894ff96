package org.neurona.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.neurona.activation.Activation;
import org.neurona.activation.Activations;
import org.neurona.data.Dataset;
import org.neurona.eval.RegressionError;
import org.neurona.eval.Roc;
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

/**
 * Figures: the activation table, decision regions of a 2-input classifier, a training history
 * (RSNNS's plotIterativeError), the ROC curve of a binary classifier (plotROC) and a model's
 * outputs against the targets (plotRegressionError).
 */
@Command(name = "plot", mixinStandardHelpOptions = true,
        description = "Draw a figure (PNG, or SVG for a .svg name).",
        subcommands = {PlotCommand.ActivationTable.class, PlotCommand.Boundary.class, PlotCommand.HistoryPlot.class,
            PlotCommand.RocPlot.class, PlotCommand.RegressionPlot.class},
        footerHeading = "%nExamples:%n",
        footer = {
            "  neurona plot activations --out activations.png",
            "  neurona plot boundary --model xor.json --data xor.csv --out xor-regions.png",
            "  neurona plot history --model xor.json --out xor-error.svg",
            "  neurona plot roc --model xor.json --data xor.pat --out xor-roc.png",
            "  neurona plot regression --model xor.json --data xor.pat --out xor-reg.png",
        })
final class PlotCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        // no figure named: show which there are, and exit as for any other usage error
        spec.commandLine().usage(spec.commandLine().getErr());
        return Main.BAD_INPUT;
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
            if (Plots.isSvg(out)) {
                throw new IllegalArgumentException(out + ": the activation table is written as PNG only; use a .png name");
            }
            Plots.savePng(Plots.activationTable(fs, range), out);
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
        ModelOnData in;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            Model model = in.modelOptions.load();
            Path modelFile = in.modelOptions.file;
            if (model.net.inputs() != 2) {
                throw new IllegalArgumentException(modelFile + " has " + model.net.inputs()
                        + " inputs; a decision boundary is drawn for 2-input networks");
            }
            Data d = in.labelled(model);
            List<String> classes = model.isClassifier() ? model.classes : List.of("0", "1");
            if (!model.isClassifier() && model.net.outputs() != 1) {
                throw new IllegalArgumentException(modelFile + " is not a classifier (no class labels, "
                        + model.net.outputs() + " outputs); a decision boundary needs classes");
            }
            int n = d.dataset().rows();
            int[] label = Model.classify(d.dataset().b(), n, d.dataset().outputs());
            String xName = d.inputNames().size() == 2 ? d.inputNames().get(0) : "x1";
            String yName = d.inputNames().size() == 2 ? d.inputNames().get(1) : "x2";
            Plots.save(Plots.boundary("Decision regions of " + modelFile.getFileName(), xName, yName, d.dataset().x(), n,
                    label, classes, grid -> Model.classify(model.predict(grid, grid.length / 2), grid.length / 2,
                            model.net.outputs())), in.picture.out);
            new Out(spec, false).say("decision regions written to %s", in.picture.out);
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

        @Mixin
        PictureFile picture;

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
            Plots.save(Plots.errorCurve("Training history", loss, train, valid), picture.out);
            new Out(spec, false).say("history (%d epochs, training%s error) written to %s", train.length,
                    valid != null && valid.length > 0 ? " and validation" : "", picture.out);
            return Main.OK;
        }

        private static double[] column(CsvData h, int j) {
            double[] v = new double[h.rows()];
            for (int r = 0; r < h.rows(); r++) v[r] = h.x()[r * h.inputs() + j];
            return v;
        }
    }

    @Command(name = "roc", mixinStandardHelpOptions = true,
            description = {"ROC curve of a classifier on labelled data, with the area under it (AUC) in the legend",
                "(RSNNS's plotROC). A single 0/1 output gives one curve; k one-hot outputs give one curve per class,",
                "that class against the rest."},
            footerHeading = "%nExamples:%n",
            footer = {"  neurona plot roc --model xor.json --data xor.pat --out xor-roc.png",
                "  neurona plot roc --model iris.json --data iris.csv --out iris-roc.svg"})
    static final class RocPlot implements Callable<Integer> {
        @Mixin
        ModelOnData in;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            Model model = in.modelOptions.load();
            Path data = in.data.data;
            Dataset set = in.labelled(model).dataset();
            int n = set.rows(), k = set.outputs();
            float[] y = model.predict(set.x(), n);
            List<String> names = new ArrayList<>();
            List<Roc> curves = new ArrayList<>();
            Out o = new Out(spec, false);
            for (int j = 0; j < k; j++) {
                float[] scores = new float[n], targets = new float[n];
                for (int r = 0; r < n; r++) {
                    scores[r] = y[r * k + j];
                    targets[r] = set.b()[r * k + j];
                }
                String name = k == 1 ? (model.isClassifier() ? "class " + model.classes.get(1) : "output")
                        : "class " + (model.isClassifier() ? model.classes.get(j) : String.valueOf(j + 1));
                try {
                    curves.add(Roc.of(scores, targets));
                    names.add(name);
                } catch (IllegalArgumentException e) {
                    if (k == 1) throw new IllegalArgumentException(data + ": " + e.getMessage(), e);
                    o.warn("%s: no curve for %s: %s", data, name, e.getMessage());
                }
            }
            if (curves.isEmpty()) throw new IllegalArgumentException(data + ": no class has both positive and negative patterns");
            Plots.save(Plots.roc("ROC of " + in.modelOptions.file.getFileName() + " on " + data.getFileName(), names, curves),
                    in.picture.out);
            for (int i = 0; i < curves.size(); i++) o.say("%s: AUC %.4f", names.get(i), curves.get(i).auc());
            o.say("ROC curve%s written to %s", curves.size() == 1 ? "" : "s", in.picture.out);
            return Main.OK;
        }
    }

    @Command(name = "regression", mixinStandardHelpOptions = true,
            description = {"A model's outputs against the targets, every output of every pattern, with the least-squares",
                "line through them and the ideal line output = target (RSNNS's plotRegressionError)."},
            footerHeading = "%nExamples:%n",
            footer = {"  neurona plot regression --model sine.json --data sine.csv --out sine-reg.png",
                "  neurona plot regression --model xor.json --data xor.pat --out xor-reg.png"})
    static final class RegressionPlot implements Callable<Integer> {
        @Mixin
        ModelOnData in;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            Model model = in.modelOptions.load();
            Dataset set = in.labelled(model).dataset();
            float[] y = model.predict(set.x(), set.rows());
            RegressionError e = RegressionError.of(set.b(), y, set.rows(), set.outputs());
            Plots.save(Plots.regression("Targets and outputs of " + in.modelOptions.file.getFileName() + " on "
                    + in.data.data.getFileName(), e), in.picture.out);
            double[] ab = e.fit();
            Out o = new Out(spec, false);
            o.say("%d patterns: SSE %s (SNNS's sum of squared errors), MSE %s, fit output = %s + %s target", set.rows(),
                    Out.num(e.sse()), Out.num(e.mse()), Out.num(ab[0]), Out.num(ab[1]));
            o.say("regression plot written to %s", in.picture.out);
            return Main.OK;
        }
    }

    /** The figure a subcommand writes: PNG, or SVG for a .svg name. */
    static final class PictureFile {
        @Option(names = "--out", paramLabel = "FILE", required = true, description = "PNG or SVG file to write.")
        Path out;
    }

    /** The options of the figures that run a saved model on labelled data: --model, the data options, --out. */
    static final class ModelOnData {
        @Mixin
        ModelOptions modelOptions;

        @Mixin
        DataOptions data;

        @Mixin
        PictureFile picture;

        /** The data with targets, read for {@code model} (see {@link DataOptions#labelled}). */
        Data labelled(Model model) throws IOException {
            return data.labelled(model, modelOptions.file);
        }
    }
}
