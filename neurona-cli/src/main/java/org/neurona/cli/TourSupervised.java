package org.neurona.cli;

import static org.neurona.cli.TourRun.f;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.neurona.Lecture;
import org.neurona.activation.Activation;
import org.neurona.activation.Activations;
import org.neurona.activation.Step;
import org.neurona.data.Dataset;
import org.neurona.layer.Param;
import org.neurona.net.FeedForward;
import org.neurona.net.NetworkSpec;
import org.neurona.net.Perceptron;
import org.neurona.train.History;
import org.neurona.train.Mode;
import org.neurona.train.TrainOptions;
import org.neurona.train.Trainer;

/** Tour sections 1 to 4: the neuron and the perceptron rule, the activation table, lineal.csv, XOR. */
final class TourSupervised {
    private TourSupervised() {}

    private static final List<String> CLASSES = List.of("0", "1");

    /** The XOR truth table. */
    static final Dataset XOR = Dataset.of(new double[][] {{0, 0}, {0, 1}, {1, 0}, {1, 1}},
            new double[][] {{0}, {1}, {1}, {0}});

    /** Section 1: the perceptron rule (step unit, theta as w_0 on x_0 = -1) on lineal.csv. */
    static void neuron(TourRun run) throws IOException {
        Dataset lineal = Lecture.lineal();
        Perceptron p = new Perceptron(2, 1, Perceptron.Options.perceptronRule().withActivation(new Step()));
        Perceptron.History h = p.train(lineal);
        double[] w = p.weights()[0];
        run.say("1. The neuron: a step unit y = H(w1 x1 + w2 x2 - theta) trained by the perceptron rule");
        run.say("   (eta 0.1, seed 1) on lineal.csv: no error after epoch %d; theta = %s, w = (%s, %s).",
                (int) run.number("neuron.epochs", h.epochs()), f("%.3f", run.number("neuron.theta", w[0])),
                f("%.3f", run.number("neuron.w1", w[1])), f("%.3f", run.number("neuron.w2", w[2])));
        run.number("neuron.errors", p.errors(lineal));
        int[] labels = Model.classify(lineal.b(), lineal.rows(), 1);
        run.save(Plots.boundary("Perceptron rule on lineal.csv: the line w1 x1 + w2 x2 = theta", "x1", "x2",
                lineal.x(), lineal.rows(), labels, CLASSES, grid -> {
                    int n = grid.length / 2;
                    int[] k = new int[n];
                    float[] y = new float[1];
                    for (int i = 0; i < n; i++) {
                        p.output(new float[] {grid[2 * i], grid[2 * i + 1]}, y);
                        k[i] = y[0] > 0.5 ? 1 : 0;
                    }
                    return k;
                }), "neuron-perceptron.png");
    }

    /** Section 2: the activation table, every elementwise function with its derivative. */
    static void activations(TourRun run) throws IOException {
        List<Activation> fs = new ArrayList<>();
        for (Activation a : Activations.table()) if (a.elementwise()) fs.add(a);
        run.say("\n2. The activation table: %d functions, each with its derivative.", (int) run.number("activations.count", fs.size()));
        run.save(Plots.activationTable(fs, 5), "activations.png");
    }

    /** Section 3: the lecture's backprop(a, b, 500, 0.1) on lineal.csv. */
    static void lineal(TourRun run) throws IOException {
        Dataset a = Lecture.lineal();
        Lecture.Result r = Lecture.backprop(a, 500, 0.1);
        int[] labels = Model.classify(a.b(), a.rows(), 1);
        int correct = 0;
        int[] predicted = Model.classify(r.net().predict(a.x(), a.rows()), a.rows(), 1);
        for (int i = 0; i < a.rows(); i++) if (predicted[i] == labels[i]) correct++;
        double[] e = r.errors();
        run.say("\n3. lineal.csv: Lecture.backprop(a, 500, 0.1), a sigmoid unit, full batch: E from %s to %s;",
                f("%.4f", run.number("lineal.first", e[0])), f("%.4f", run.number("lineal.last", e[e.length - 1])));
        run.say("   w = (%s, %s), b = %s; %d of %d points classified correctly.",
                f("%.4f", run.number("lineal.w1", r.weights()[0][0])), f("%.4f", run.number("lineal.w2", r.weights()[0][1])),
                f("%.4f", run.number("lineal.b", r.biases()[0])), (int) run.number("lineal.correct", correct), a.rows());
        run.save(Plots.scatter("lineal.csv: 15 points of two classes", "x1", "x2", a.x(), a.rows(), labels, CLASSES),
                "lineal-data.png");
        run.save(Plots.errorCurve("backprop(a, b, 500, 0.1): sigmoid unit, full batch", "SSE", e, null), "lineal-error.png");
        run.save(Plots.boundary("Decision line of the trained sigmoid unit (output 0.5)", "x1", "x2", a.x(), a.rows(),
                labels, CLASSES, grid -> Model.classify(r.net().predict(grid, grid.length / 2), grid.length / 2, 1)),
                "lineal-boundary.png");
    }

    /** Section 4: XOR 2:3:1 online; momentum 0 vs 0.9; L2 lambda 0 vs 1e-4. */
    static void xor(TourRun run) throws IOException {
        run.say("\n4. XOR with a 2:3:1 logistic net, online, eta 0.5, 2000 epochs, seed 1.");
        double[][] errors = new double[2][];
        double[] alphas = {0, 0.9};
        for (int i = 0; i < 2; i++) {
            FeedForward net = FeedForward.create(NetworkSpec.parse("2:3:1", "logistic"), 1);
            History h = new Trainer(xorOptions(alphas[i], 0)).fit(net, XOR);
            errors[i] = h.trainErrorArray();
            run.say("   momentum alpha %s: SSE %s after 2000 epochs, at or below 0.05 from epoch %d.", f("%.1f", alphas[i]),
                    f("%.5f", run.number("xor.sse.alpha" + alphas[i], h.finalTrainError())),
                    (int) run.number("xor.epochs.alpha" + alphas[i], firstAtOrBelow(errors[i], 0.05)));
        }
        run.save(TourPlots.curves("XOR 2:3:1, online, eta 0.5: the effect of momentum", "epoch", "SSE (log scale)", true,
                List.of(TourPlots.Curve.ofEpochs("alpha = 0", errors[0], TourPlots.BLUE),
                        TourPlots.Curve.ofEpochs("alpha = 0.9", errors[1], TourPlots.RED))), "xor-momentum.png");

        double[] lambdas = {0, 1e-4};
        double[][] sizes = new double[2][];
        for (int i = 0; i < 2; i++) {
            FeedForward net = FeedForward.create(NetworkSpec.parse("2:3:1", "logistic"), 1);
            TrainOptions o = xorOptions(0.9, lambdas[i]);
            double[] s = new double[o.epochs()];
            int[] n = {0};
            History h = new Trainer(o).fit(net, XOR, ep -> s[n[0]++] = weightSize(ep.params()));
            sizes[i] = s;
            run.say("   L2 lambda %s (momentum 0.9): sum of squared weights %s, SSE %s.", i == 0 ? "0" : "0.0001",
                    f("%.1f", run.number("xor.weights.lambda" + lambdas[i], s[s.length - 1])),
                    f("%.4f", run.number("xor.l2sse.lambda" + lambdas[i], Trainer.error(net, XOR, org.neurona.loss.Loss.SSE))));
            if (h.epochs() != s.length) throw new IllegalStateException("XOR stopped early at epoch " + h.epochs());
        }
        org.knowm.xchart.XYChart l2 = TourPlots.curves("XOR 2:3:1: size of the weights with and without L2", "epoch", "sum of w^2 (weights, not biases)",
                false, List.of(TourPlots.Curve.ofEpochs("lambda = 0", sizes[0], TourPlots.BLUE),
                        TourPlots.Curve.ofEpochs("lambda = 0.0001", sizes[1], TourPlots.GREEN)));
        l2.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideSE);
        run.save(l2, "xor-l2.png");
    }

    private static TrainOptions xorOptions(double alpha, double lambda) {
        return TrainOptions.builder().mode(Mode.ONLINE).eta(0.5).momentum(alpha).lambda(lambda).epochs(2000).seed(1).build();
    }

    static int firstAtOrBelow(double[] e, double target) {
        for (int i = 0; i < e.length; i++) if (e[i] <= target) return i + 1;
        return 0;
    }

    static double weightSize(List<Param> params) {
        double s = 0;
        for (Param p : params) {
            if (!p.decays()) continue;
            for (float w : p.value()) s += (double) w * w;
        }
        return s;
    }
}
