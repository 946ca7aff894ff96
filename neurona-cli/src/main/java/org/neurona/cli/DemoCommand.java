package org.neurona.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.neurona.Lecture;
import org.neurona.activation.Activation;
import org.neurona.activation.Activations;
import org.neurona.data.Dataset;
import org.neurona.layer.Dense;
import org.neurona.net.FeedForward;
import org.neurona.net.NetworkSpec;
import org.neurona.train.History;
import org.neurona.train.Mode;
import org.neurona.train.TrainOptions;
import org.neurona.train.Trainer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The lecture's hands-on example, end to end, with no data needed. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        header = "The lecture's example, no data needed: lineal.csv, a sigmoid perceptron, XOR, plots.",
        description = {"The lecture's example, no data needed: the lineal data (15 points, 2 classes), a sigmoid",
            "perceptron trained by full-batch gradient descent (eta 0.1, 500 epochs), its error curve and decision",
            "boundary; then XOR, which one unit cannot learn, with a 2:3:1 hidden layer. Plots go to --out."},
        footerHeading = "%nExamples:%n",
        footer = {"  neurona demo", "  neurona demo --out /tmp/plots"})
final class DemoCommand implements Callable<Integer> {

    @Option(names = "--out", paramLabel = "DIR", description = "Directory for the plots (default: neurona-out).")
    Path dir = Path.of("neurona-out");

    @Option(names = "--seed", paramLabel = "S", description = "Seed for the initial weights (default 1).")
    long seed = 1;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        Out out = new Out(spec, false);
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new IllegalArgumentException("--out " + dir + " is a file; expected a directory");
        }
        Files.createDirectories(dir);
        List<Path> written = new ArrayList<>();

        // 1. the data
        Dataset lineal = Lecture.lineal();
        int[] labels = Model.classify(lineal.b(), lineal.rows(), 1);
        out.say("1. The lecture's data: lineal.csv, %d points (x1, x2) in two classes y = 0 / 1.", lineal.rows());
        written.add(save(Plots.scatter("lineal.csv: two classes", "x1", "x2", lineal.x(), lineal.rows(), labels,
                List.of("0", "1")), "lineal-data.png"));

        // 2. the sigmoid perceptron, as the lecture trains it
        out.say("\n2. A sigmoid perceptron y = 1 / (1 + exp(-(w . x + b))), weights from U(-1, 1),");
        out.say("   trained by full-batch gradient descent on E = 1/2 sum (b - y)^2, eta = 0.1, 500 epochs.");
        NetworkSpec perceptron = NetworkSpec.parse("2:1", "logistic");
        TrainOptions lectureOptions = TrainOptions.builder().mode(Mode.BATCH).eta(0.1).epochs(500).seed(seed).build();
        FeedForward p = FeedForward.create(perceptron, seed);
        History h1 = train(out, "perceptron", p, lineal, lectureOptions);
        Dense unit = p.layers().get(0);
        float[] y1 = p.predict(lineal.x(), lineal.rows());
        int ok1 = correct(y1, lineal);
        out.say("   E went from %s to %s; w = (%s, %s), b = %s; %d of %d points classified correctly.",
                Out.num(h1.trainError().get(0)), Out.num(h1.finalTrainError()), Out.num(unit.weights()[0]),
                Out.num(unit.weights()[1]), Out.num(unit.biases()[0]), ok1, lineal.rows());
        written.add(save(Plots.errorCurve("Sigmoid perceptron on lineal.csv (full batch, eta 0.1)", "sse",
                h1.trainErrorArray(), null), "lineal-error.png"));
        written.add(save(Plots.boundary("Decision boundary of the perceptron", "x1", "x2", lineal.x(), lineal.rows(), labels,
                List.of("0", "1"), grid -> Model.classify(p.predict(grid, grid.length / 2), grid.length / 2, 1)),
                "lineal-boundary.png"));

        // 3. XOR needs a hidden layer
        Dataset xor = Dataset.of(new double[][] {{0, 0}, {0, 1}, {1, 0}, {1, 1}}, new double[][] {{0}, {1}, {1}, {0}});
        out.say("\n3. XOR: no single line separates (0,1),(1,0) from (0,0),(1,1), so a 2:3:1 network with a hidden");
        out.say("   layer of 3 logistic units, trained online (per pattern), eta = 0.5, momentum 0.9, 2000 epochs.");
        FeedForward x = FeedForward.create(NetworkSpec.parse("2:3:1", "logistic"), seed);
        TrainOptions xorOptions = TrainOptions.builder().mode(Mode.ONLINE).eta(0.5).momentum(0.9).epochs(2000).seed(seed).build();
        History h2 = train(out, "xor", x, xor, xorOptions);
        float[] y2 = x.predict(xor.x(), xor.rows());
        out.say("   E = %s after %d epochs; outputs for (0,0) (0,1) (1,0) (1,1): %s %s %s %s; %d of 4 correct.",
                Out.num(h2.finalTrainError()), h2.epochs(), f3(y2[0]), f3(y2[1]), f3(y2[2]), f3(y2[3]), correct(y2, xor));
        int[] xorLabels = Model.classify(xor.b(), 4, 1);
        written.add(save(Plots.errorCurve("XOR, 2:3:1 logistic (online, eta 0.5, momentum 0.9)", "sse",
                h2.trainErrorArray(), null), "xor-error.png"));
        written.add(save(Plots.boundary("Decision regions of the 2:3:1 XOR network", "x1", "x2", xor.x(), 4, xorLabels,
                List.of("0", "1"), grid -> Model.classify(x.predict(grid, grid.length / 2), grid.length / 2, 1)),
                "xor-boundary.png"));

        // 4. the activation table
        List<Activation> fs = new ArrayList<>();
        for (Activation a : Activations.table()) {
            if (a.elementwise()) fs.add(a);
        }
        Path table = dir.resolve("activations.png");
        Plots.savePng(Plots.activationTable(fs, 5), table);
        written.add(table);

        out.say("\nPlots written to %s:", dir.toAbsolutePath().normalize());
        for (Path w : written) out.say("  %s", w.getFileName());
        out.say("Next: neurona tour (the whole lecture, docs/TOUR.md), neurona train --help (your own data)");
        return Main.OK;
    }

    private static History train(Out out, String task, FeedForward net, Dataset d, TrainOptions o) {
        try (Progress progress = Progress.create(out, task, o.epochs())) {
            return new Trainer(o).fit(net, d, progress);
        }
    }

    private Path save(org.knowm.xchart.XYChart chart, String name) throws IOException {
        Path f = dir.resolve(name);
        Plots.save(chart, f);
        return f;
    }

    private static int correct(float[] y, Dataset d) {
        int[] p = Model.classify(y, d.rows(), 1), t = Model.classify(d.b(), d.rows(), 1);
        int ok = 0;
        for (int i = 0; i < p.length; i++) if (p[i] == t[i]) ok++;
        return ok;
    }

    private static String f3(float v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }
}
