package org.neurona.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.neurona.data.Dataset;
import org.neurona.data.TimeSeries;
import org.neurona.io.ModelFile;
import org.neurona.io.StoredModel;
import org.neurona.eval.ConfusionMatrix;
import org.neurona.eval.RegressionError;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Scores a saved model on labelled data. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        header = "Evaluate a saved model on data with targets: SSE, MSE, accuracy, confusion matrix.",
        description = {"Evaluate a saved model on data with targets: SSE and MSE for every model, and for classifiers",
            "the accuracy and the confusion matrix (rows: true class, columns: predicted class)."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  neurona evaluate --model xor.json --data xor.csv",
            "  neurona evaluate --model fmnist.json --data t10k-images-idx3-ubyte.gz \\",
            "      --labels t10k-labels-idx1-ubyte.gz --json",
            "  A recurrent model's one-step MSE on the last 20%% of a series (train's test_mse):",
            "    neurona evaluate --model laser.json --data laser.csv --test-fraction 0.2",
        })
final class EvaluateCommand implements Callable<Integer> {

    @Mixin
    ModelOptions modelOptions;

    @Mixin
    DataOptions data;

    @Mixin
    OutputOptions output;

    @Option(names = "--test-fraction", paramLabel = "F",
            description = "Recurrent models: score only the last fraction F of the series (the context is still built"
                    + " from its start), as train --test-fraction does; default 0: the whole series.")
    double testFraction;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        Out out = new Out(spec, output.json);
        StoredModel stored = ModelFile.read(modelOptions.file);
        if (stored.isRecurrent()) return evaluateSeries(out, RecurrentModel.of(stored, modelOptions.file.toString()));
        if (testFraction != 0) {
            throw new IllegalArgumentException("--test-fraction needs a recurrent model (train --net); " + modelOptions.file
                    + " is feedforward (give the test data as its own file)");
        }
        Model model = Model.of(stored, modelOptions.file.toString());
        int outputs = model.net.outputs();
        Dataset set = data.labelled(model, modelOptions.file).dataset();
        float[] y = model.predict(set.x(), set.rows());   // normalised inputs, outputs in the targets' units
        RegressionError re = RegressionError.of(set.b(), y, set.rows(), outputs);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("patterns", set.rows());
        result.put("sse", re.sse() / 2);   // the lecture's E = 1/2 sum (b - y)^2, as train reports it
        result.put("mse", re.mse());
        result.put("rmse", re.rmse());
        out.say("%s on %s: %d patterns", modelOptions.file, data.data, set.rows());
        out.say("  SSE %s (the lecture's 1/2 sum of squared errors), MSE %s, RMSE %s", Out.num(re.sse() / 2),
                Out.num(re.mse()), Out.num(re.rmse()));
        if (model.isClassifier()) {
            ConfusionMatrix cm = ConfusionMatrix.of(Model.classify(set.b(), set.rows(), outputs),
                    Model.classify(y, set.rows(), outputs), model.classes);
            result.put("accuracy", cm.accuracy());
            result.put("classes", model.classes);
            List<List<Long>> rows = new ArrayList<>();
            for (int t = 0; t < model.classes.size(); t++) {
                List<Long> l = new ArrayList<>();
                for (int p = 0; p < model.classes.size(); p++) l.add(cm.count(t, p));
                rows.add(l);
            }
            result.put("confusion_matrix", rows);
            out.say("  accuracy %.2f%% (%d of %d)", 100 * cm.accuracy(), cm.correct(), cm.total());
            out.say("confusion matrix (rows: true class, columns: predicted):%n%s", cm.toText().stripTrailing());
        }
        if (output.json) out.printJson(result);
        return Main.OK;
    }

    /**
     * A recurrent model's one-step-ahead errors on the series in its columns: predictions of
     * x_1 .. x_(T-1) from a zero context, scored from step s = T - round(T F) on.
     */
    private int evaluateSeries(Out out, RecurrentModel model) throws IOException {
        if (DataOptions.given(data.inputs)) {
            throw new IllegalArgumentException("--inputs does not apply to a recurrent model: it reads its series' columns");
        }
        if (!(testFraction >= 0 && testFraction < 1)) {
            throw new IllegalArgumentException("--test-fraction " + testFraction + ": expected a fraction in [0, 1), like 0.2");
        }
        TimeSeries s = SeriesData.read(data.data, model.columns, data.csv());
        int d = s.width(), n = s.length(), from = testFraction == 0 ? 1 : Math.max(1, s.splitPoint(testFraction));
        if (from >= n) {
            throw new IllegalArgumentException("--test-fraction " + testFraction + " of " + n + " values scores none;"
                    + " expected a larger fraction");
        }
        double[] y = model.predict(s, 0).oneStep(), b = RecurrentModel.targets(s);
        int m = (n - from) * d;
        double sse = 0;
        for (int i = 0; i < m; i++) {
            double r = y[(from - 1) * d + i] - b[(from - 1) * d + i];
            sse += r * r;
        }
        double mse = sse / m;
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("net", RecurrentModel.kindName(model.net.spec().kind()));
        result.put("columns", model.columns);
        result.put("steps", n);
        result.put("scored_from", from);
        result.put("patterns", n - from);
        result.put("sse", sse / 2);
        result.put("mse", mse);
        result.put("rmse", Math.sqrt(mse));
        out.say("%s (%s) on %s: one-step-ahead predictions of steps %d..%d of %d", modelOptions.file, model.describe(),
                data.data, from, n - 1, n);
        out.say("  SSE %s (the lecture's 1/2 sum of squared errors), MSE %s, RMSE %s, in the series' units",
                Out.num(sse / 2), Out.num(mse), Out.num(Math.sqrt(mse)));
        if (output.json) out.printJson(result);
        return Main.OK;
    }
}
