package org.neurona.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.neurona.data.Dataset;
import org.neurona.data.Idx;
import org.neurona.io.AtomicFiles;
import org.neurona.data.TimeSeries;
import org.neurona.io.CsvReader;
import org.neurona.io.ModelFile;
import org.neurona.io.StoredModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Runs a saved model on new data and writes its predictions. */
@Command(name = "predict", mixinStandardHelpOptions = true,
        header = "Predict with a saved model: outputs, or class labels, for new data.",
        description = {"Predict with a saved model. The data may hold only the input columns, or inputs and targets",
            "(the target columns are then skipped). Classifiers print the predicted label and each class's output."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  neurona predict --model xor.json --data xor.csv",
            "  neurona predict --model iris.json --data new-flowers.csv --out preds.csv",
            "  A recurrent model (train --net): one-step predictions of the series in its",
            "  columns, then 20 steps beyond its end:",
            "    neurona predict --model laser.json --data laser.csv --forecast 20",
        })
final class PredictCommand implements Callable<Integer> {

    @Mixin
    ModelOptions modelOptions;

    @Mixin
    DataOptions data;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the predictions to FILE (CSV) instead of stdout.")
    Path out;

    @Option(names = "--forecast", paramLabel = "N",
            description = "Recurrent models: continue the series N steps beyond its end, the net's outputs fed back.")
    int forecast;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        Out o = new Out(spec, false);
        new Outputs().reads(modelOptions.file, data.data, data.labels).writes("--out", out).check();
        StoredModel stored = ModelFile.read(modelOptions.file);
        if (stored.isRecurrent()) return predictSeries(o, RecurrentModel.of(stored, modelOptions.file.toString()));
        if (forecast != 0) {
            throw new IllegalArgumentException("--forecast " + forecast + " needs a recurrent model (train --net); "
                    + modelOptions.file + " is feedforward");
        }
        Model model = Model.of(stored, modelOptions.file.toString());
        Dataset d = inputs(model, data, modelOptions.file);
        int n = d.rows(), k = model.net.outputs();
        float[] y = model.predict(d.x(), n);

        StringBuilder csv = new StringBuilder();
        List<String> header = new ArrayList<>();
        if (model.isClassifier()) header.add("predicted");
        for (int j = 0; j < k; j++) header.add(outputName(model, j));
        csv.append(String.join(",", header.stream().map(CsvText::quote).toList())).append('\n');
        int[] cls = model.isClassifier() ? Model.classify(y, n, k) : null;
        for (int r = 0; r < n; r++) {
            List<String> row = new ArrayList<>();
            if (cls != null) row.add(CsvText.quote(model.classes.get(cls[r])));
            for (int j = 0; j < k; j++) row.add(String.format(Locale.ROOT, "%.6g", y[r * k + j]));
            csv.append(String.join(",", row)).append('\n');
        }
        write(o, csv, n + " predictions");
        return Main.OK;
    }

    private void write(Out o, CharSequence csv, String what) throws IOException {
        if (out != null) {
            AtomicFiles.writeString(out, csv.toString());
            o.err().println(what + " written to " + out);
            o.err().flush();
        } else {
            o.stdout().print(csv);
            o.stdout().flush();
        }
    }

    /**
     * A recurrent model on the series in the model's columns: CSV rows "step,mode,columns...",
     * the one-step prediction of x_t for t = 1 .. T-1 (mode one-step), then the free-running
     * forecast for t = T .. T+N-1 (mode forecast).
     */
    private int predictSeries(Out o, RecurrentModel model) throws IOException {
        if (DataOptions.given(data.inputs)) {
            throw new IllegalArgumentException("--inputs does not apply to a recurrent model: it reads its series' columns");
        }
        if (forecast < 0) throw new IllegalArgumentException("--forecast " + forecast + ": expected a number of steps >= 0");
        TimeSeries s = SeriesData.read(data.data, model.columns, data.csv());
        RecurrentModel.Predictions p = model.predict(s, forecast);
        int d = s.width(), n = s.length();
        StringBuilder csv = new StringBuilder("step,mode");
        for (String c : model.columns) csv.append(',').append(CsvText.quote(c));
        csv.append('\n');
        appendRows(csv, p.oneStep(), d, 1, "one-step");
        appendRows(csv, p.forecast(), d, n, "forecast");
        write(o, csv, (n - 1) + " one-step predictions" + (forecast > 0 ? " and a forecast of " + forecast + " steps" : ""));
        return Main.OK;
    }

    private static void appendRows(StringBuilder csv, double[] v, int d, int firstStep, String mode) {
        for (int i = 0; i < v.length / d; i++) {
            csv.append(firstStep + i).append(',').append(mode);
            // the shortest text that reads back to the same double, so errors recomputed from the file match train's
            for (int j = 0; j < d; j++) csv.append(',').append(v[i * d + j]);
            csv.append('\n');
        }
    }

    /**
     * The input columns of the data, matched to the model: the columns --inputs names; else those
     * named like the model's inputs in a file with a header ({@link DataOptions#byName}); else by
     * position, a file with exactly the model's number of columns being all inputs, otherwise the
     * model's (or the given) target columns skipped.
     */
    static Dataset inputs(Model model, DataOptions data, Path modelFile) throws IOException {
        Data.requireFile(data.data);
        int want = model.net.inputs();
        Data.Format format = Data.format(data.data, data.labels);
        if (format != Data.Format.CSV && DataOptions.given(data.inputs)) {
            throw new IllegalArgumentException("--inputs picks CSV columns; " + data.data + " is not a CSV file");
        }
        if (format == Data.Format.IDX) {
            Idx.Images im = Idx.readImages(data.data);
            Dataset d = new Dataset(im.pixels(), new float[0], im.count(), im.size(), 0, List.of(), data.data.toString());
            checkWidth(d, want, data.data);
            return d;
        }
        if (format == Data.Format.PAT) {
            Dataset d = Data.patInputs(data.data);
            checkWidth(d, want, data.data);
            return d;
        }
        CsvReader.Options csv = data.csv();
        CsvReader.Layout layout = new CsvReader(csv).sniff(data.data);
        if (DataOptions.given(data.inputs)) {
            csv = csv.withNoTargets();   // the inputs given; nothing else is read
        } else if (DataOptions.byName(model, layout, data.data, modelFile)) {
            // the model's inputs by name, whatever else the file has; nothing else is read
            csv = csv.withNoTargets().withInputs(model.inputNames);
        } else if (!DataOptions.given(data.targets)) {
            if (layout.columns().size() == want) {
                csv = csv.withNoTargets();
            } else if (layout.header() && !model.targetNames.isEmpty() && layout.columns().containsAll(model.targetNames)) {
                csv = csv.withTargets(model.targetNames);
            } else if (layout.columns().size() < want) {
                throw new IllegalArgumentException(data.data + " has " + layout.columns().size() + " column"
                        + (layout.columns().size() == 1 ? "" : "s") + ", but the model has " + want + " inputs");
            }
        }
        // targets, if the file has them, are skipped: read them as they come
        Dataset d = new CsvReader(csv.withClassify(false)).read(data.data).toDataset();
        Dataset x = new Dataset(d.x(), new float[0], d.rows(), d.inputs(), 0, List.of(), d.source());
        checkWidth(x, want, data.data);
        return x;
    }

    private static void checkWidth(Dataset d, int want, Path file) {
        if (d.inputs() != want) {
            throw new IllegalArgumentException(file + " has " + d.inputs() + " input columns, but the model has " + want
                    + " inputs");
        }
    }

    static String outputName(Model m, int j) {
        if (m.isClassifier()) return m.net.outputs() == 1 ? "output" : "output_" + m.classes.get(j);
        if (m.targetNames.size() == m.net.outputs()) return m.targetNames.get(j);
        return "output" + (j + 1);
    }
}
