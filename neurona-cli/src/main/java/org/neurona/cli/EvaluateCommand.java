package org.neurona.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.neurona.data.Dataset;
import org.neurona.io.CsvReader;
import org.neurona.loss.Loss;
import org.neurona.train.Trainer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Scores a saved model on labelled data. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = {"Evaluate a saved model on data with targets: SSE and MSE for every model, and for classifiers",
            "the accuracy and the confusion matrix (rows: true class, columns: predicted class)."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  neurona evaluate --model xor.json --data xor.csv",
            "  neurona evaluate --model fmnist.json --data t10k-images-idx3-ubyte.gz --labels t10k-labels-idx1-ubyte.gz --json",
        })
final class EvaluateCommand implements Callable<Integer> {

    @Option(names = "--model", paramLabel = "FILE", required = true, description = "Model file written by train --save.")
    Path modelFile;

    @Mixin
    DataOptions data;

    @Mixin
    OutputOptions output;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        Out out = new Out(spec, output.json);
        Model model = Model.load(modelFile);
        int outputs = model.net.outputs();
        CsvReader.Options csv = data.csv();
        if (model.isClassifier()) csv = csv.withClasses(model.classes);
        Data.requireFile(data.data);
        if ((data.targets == null || data.targets.isEmpty()) && !model.targetNames.isEmpty() && !isIdx()) {
            // the columns the model was trained to predict, found by name
            CsvReader.Layout layout = new CsvReader(csv).sniff(data.data);
            if (layout.header() && layout.columns().containsAll(model.targetNames)) csv = csv.withTargets(model.targetNames);
        }
        Data d = Data.load(data.data, data.labels, csv, outputs);
        if (outputs == 1) d = d.asBinary();
        Dataset set = model.prepare(d.dataset());
        if (set.inputs() != model.net.inputs() || set.outputs() != outputs) {
            throw new IllegalArgumentException(data.data + " has " + d.describeInputs() + " and " + d.describeTargets()
                    + ", but the model " + modelFile + " has " + model.net.inputs() + " inputs and " + outputs + " outputs");
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("patterns", set.rows());
        result.put("sse", Trainer.error(model.net, set, Loss.SSE));
        result.put("mse", Trainer.error(model.net, set, Loss.MSE));
        out.say("%s on %s: %d patterns", modelFile, data.data, set.rows());
        out.say("  SSE %s (1/2 sum of squared errors), MSE %s", Out.num((double) result.get("sse")), Out.num((double) result.get("mse")));
        if (model.isClassifier()) {
            float[] y = model.net.predict(set.x(), set.rows());
            int[] p = Model.classify(y, set.rows(), outputs), t = Model.classify(set.b(), set.rows(), outputs);
            int k = model.classes.size();
            long[][] m = new long[k][k];
            int ok = 0;
            for (int r = 0; r < set.rows(); r++) {
                m[t[r]][p[r]]++;
                if (t[r] == p[r]) ok++;
            }
            double acc = (double) ok / set.rows();
            result.put("accuracy", acc);
            result.put("classes", model.classes);
            List<List<Long>> rows = new ArrayList<>();
            for (long[] row : m) {
                List<Long> l = new ArrayList<>();
                for (long v : row) l.add(v);
                rows.add(l);
            }
            result.put("confusion_matrix", rows);
            out.say("  accuracy %.2f%% (%d of %d)", 100 * acc, ok, set.rows());
            out.say("%s", confusionText(model.classes, m));
        }
        if (output.json) out.printJson(result);
        return Main.OK;
    }

    private boolean isIdx() {
        return data.labels != null || org.neurona.data.Idx.looksLikeIdx(data.data);
    }

    static String confusionText(List<String> classes, long[][] m) {
        int w = 9;
        for (String c : classes) w = Math.max(w, c.length() + 1);
        for (long[] row : m) for (long v : row) w = Math.max(w, Long.toString(v).length() + 1);
        StringBuilder b = new StringBuilder("  confusion matrix (rows: true class, columns: predicted)\n");
        b.append(String.format(Locale.ROOT, "  %" + w + "s", ""));
        for (String c : classes) b.append(String.format(Locale.ROOT, "%" + w + "s", c));
        for (int i = 0; i < m.length; i++) {
            b.append('\n').append(String.format(Locale.ROOT, "  %" + w + "s", classes.get(i)));
            for (long v : m[i]) b.append(String.format(Locale.ROOT, "%" + w + "d", v));
        }
        return b.toString();
    }
}
