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
import org.neurona.io.CsvReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Runs a saved model on new data and writes its predictions. */
@Command(name = "predict", mixinStandardHelpOptions = true,
        description = {"Predict with a saved model. The data may hold only the input columns, or inputs and targets",
            "(the target columns are then skipped). Classifiers print the predicted label and each class's output."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  neurona predict --model xor.json --data xor.csv",
            "  neurona predict --model iris.json --data new-flowers.csv --out preds.csv",
        })
final class PredictCommand implements Callable<Integer> {

    @Mixin
    ModelOptions modelOptions;

    @Mixin
    DataOptions data;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the predictions to FILE (CSV) instead of stdout.")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        Out o = new Out(spec, false);
        Model model = modelOptions.load();
        Dataset d = inputs(model, data);
        int n = d.rows(), k = model.net.outputs();
        float[] y = model.predict(d.x(), n);

        StringBuilder csv = new StringBuilder();
        List<String> header = new ArrayList<>();
        if (model.isClassifier()) header.add("predicted");
        for (int j = 0; j < k; j++) header.add(outputName(model, j));
        csv.append(String.join(",", header)).append('\n');
        int[] cls = model.isClassifier() ? Model.classify(y, n, k) : null;
        for (int r = 0; r < n; r++) {
            List<String> row = new ArrayList<>();
            if (cls != null) row.add(quote(model.classes.get(cls[r])));
            for (int j = 0; j < k; j++) row.add(String.format(Locale.ROOT, "%.6g", y[r * k + j]));
            csv.append(String.join(",", row)).append('\n');
        }
        if (out != null) {
            AtomicFiles.writeString(out, csv.toString());
            o.err().println(n + " predictions written to " + out);
            o.err().flush();
        } else {
            o.stdout().print(csv);
            o.stdout().flush();
        }
        return Main.OK;
    }

    /**
     * The input columns of the data, matched to the model: a file with exactly the model's number
     * of columns is all inputs; otherwise the model's (or the given) target columns are skipped.
     */
    static Dataset inputs(Model model, DataOptions data) throws IOException {
        Data.requireFile(data.data);
        int want = model.net.inputs();
        if (data.labels != null || Idx.looksLikeIdx(data.data)) {
            Idx.Images im = Idx.readImages(data.data);
            Dataset d = new Dataset(im.pixels(), new float[0], im.count(), im.size(), 0, List.of(), data.data.toString());
            checkWidth(d, want, data.data);
            return d;
        }
        CsvReader.Options csv = data.csv();
        CsvReader.Layout layout = new CsvReader(csv).sniff(data.data);
        if (data.targets == null || data.targets.isEmpty()) {
            if (layout.columns().size() == want) {
                csv = csv.withNoTargets();
            } else if (layout.header() && !model.targetNames.isEmpty() && layout.columns().containsAll(model.targetNames)) {
                csv = csv.withTargets(model.targetNames);
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

    private static String quote(String s) {
        return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
