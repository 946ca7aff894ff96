package org.neurona.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.knowm.xchart.HeatMapChart;
import org.neurona.data.Dataset;
import org.neurona.io.AtomicFiles;
import org.neurona.io.ModelFile;
import org.neurona.net.Autoencoder;
import org.neurona.net.AutoencoderSpec;
import org.neurona.net.NetworkSpec;
import org.neurona.train.History;
import org.neurona.train.TrainOptions;
import org.neurona.train.WarmUp;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Trains an autoencoder (input -&gt; input through a narrower code layer), reports the
 * reconstruction error, writes the codes, the model and a picture: originals next to their
 * reconstructions for image data, the codes' scatter for a 2-unit code.
 */
@Command(name = "autoencode", mixinStandardHelpOptions = true,
        header = "Train an autoencoder: codes and reconstructions of the inputs.",
        description = {"Train an autoencoder: a feedforward net whose target is its own input,",
            "through a narrower code layer (the narrowest hidden layer). Every CSV",
            "column is an input unless named by --label. Training options are those",
            "of 'train'. reconstruction_mse is (1/(N I)) sum (x - x^)^2.",
            "--plot draws originals over reconstructions with --shape; else a scatter",
            "of a 2-unit code; else, for up to 40 patterns, the codes as a table of",
            "shades; else the error curve."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  the 8-3-8 encoder problem, codes written out:",
            "    neurona autoencode --data encoder.csv --layers 8:3:8 --mode online \\",
            "        --eta 0.5 --momentum 0.9 --epochs 2000 --shuffle --seed 3 \\",
            "        --codes codes.csv --json",
            "  5x7 letters: originals next to their reconstructions:",
            "    neurona autoencode --data letters-5x7.csv --label letter \\",
            "        --layers 35:12:35 --epochs 3000 --mode online --eta 0.3 \\",
            "        --shape 7x5 --plot recon.png",
            "  MNIST images (IDX) with a 64-unit code, model saved:",
            "    neurona autoencode --data train-images-idx3-ubyte.gz --layers 784:64:784 \\",
            "        --mode minibatch --batch-size 64 --eta 0.5 --epochs 5 \\",
            "        --shape 28x28 --plot recon.png --save ae.json",
        })
final class AutoencodeCommand implements Callable<Integer> {

    /** Patterns drawn in a reconstruction picture at most. */
    static final int MAX_PICTURES = 10;

    /** Patterns whose codes are drawn as a table at most; more get the error curve. */
    static final int MAX_CODE_ROWS = 40;

    @Mixin
    PatternOptions input;

    @Mixin
    TrainingOptions training;

    @Option(names = "--noise", paramLabel = "LEVEL",
            description = "Denoising: corrupt the training inputs afresh every epoch (default 0 = off).")
    double noise;

    @Option(names = "--corruption", paramLabel = "KIND",
            description = "How --noise corrupts: mask (default; each value set to 0 with probability LEVEL) or gaussian"
                    + " (plus LEVEL * N(0, 1)).")
    String corruption = "mask";

    @Option(names = "--save", paramLabel = "FILE",
            description = "Write the trained net as a neurona model file (JSON); 'predict' on it gives reconstructions.")
    Path save;

    @Option(names = "--codes", paramLabel = "FILE", description = "Write each pattern's code (and label) as CSV.")
    Path codes;

    @Option(names = "--shape", paramLabel = "RxC",
            description = "Patterns are images of R rows and C columns (R * C = inputs); IDX images default to their own.")
    String shape;

    @Option(names = "--plot", paramLabel = "FILE",
            description = "With --shape: originals over reconstructions (PNG). Else a 2-unit code's scatter; else the codes"
                    + " of up to 40 patterns as a table; else the error curve.")
    Path plot;

    @Mixin
    OutputOptions output;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        Out out = new Out(spec, output.json);
        Path data = input.data;
        new Outputs().reads(data, input.labels).writes("--save", save).writes("--codes", codes).writesPicture("--plot", plot).check();
        NetworkSpec net = training.spec();
        AutoencoderSpec ae = AutoencoderSpec.of(net);
        if (noise != 0) ae = ae.withNoise(AutoencoderSpec.Corruption.parse(corruption), noise);
        TrainOptions options = training.options();
        Patterns p;
        try (WarmUp warm = WarmUp.start(net, options)) { // the steps compile on the other core while the data is read
            p = input.load();
        }
        Dataset d = p.data();
        int[] sizes = net.sizes();
        if (sizes[0] != d.inputs()) {
            String hidden = net.layers().substring(net.layers().indexOf(':'), net.layers().lastIndexOf(':') + 1);
            throw new IllegalArgumentException("--layers " + net.layers() + " has " + sizes[0] + " inputs, but " + data + " has "
                    + p.describeInputs() + "; use --layers " + d.inputs() + hidden + d.inputs());
        }
        int[] image = null;
        if (shape != null) image = Patterns.parseShape("--shape", shape, d.inputs(), data.toString());
        else if (p.imageRows() > 0) image = new int[] {p.imageRows(), p.imageCols()}; // IDX images know their shape
        if (plot != null && image != null) UnsupervisedPlots.requirePng(plot);

        out.say("training autoencoder %s (%s) on %s: %d patterns of %s, code of %d units%s", net.layers(),
                String.join(",", net.names()), data, d.rows(), p.describeInputs(), ae.codeSize(),
                noise == 0 ? "" : ", denoising (" + ae.corruption().name().toLowerCase(Locale.ROOT) + " " + Out.num(noise) + ")");
        out.say("  loss %s, %s, eta %s, epochs %d", options.loss().name(), options.mode().name().toLowerCase(Locale.ROOT),
                Out.num(options.rule().learningRate()), options.epochs());
        Autoencoder model = Autoencoder.create(ae, options.seed());
        History history;
        long t0 = System.nanoTime();
        try (Progress progress = Progress.create(out, "autoencode", options.epochs())) {
            history = model.train(d, options, progress);
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        double mse = model.reconstructionMse(d);
        float[] code = model.encode(d.x(), d.rows());

        Map<String, Object> result = new LinkedHashMap<>();
        result.put("reconstruction_mse", mse);
        result.put("epochs", history.epochs());
        result.put("loss", options.loss().name());
        result.put("train_error", history.finalTrainError());
        result.put("code_size", ae.codeSize());
        result.put("patterns", d.rows());
        result.put("seconds", seconds);
        result.put("history", history.trainError());
        out.say("after %d epochs: reconstruction MSE %s per value (%s error %s), %.2f s", history.epochs(), Out.num(mse),
                options.loss().name(), Out.num(history.finalTrainError()), seconds);

        if (save != null) {
            Map<String, Object> settings = new LinkedHashMap<>();
            settings.put("kind", "autoencoder");
            settings.put("data", data.getFileName().toString());
            settings.put("layers", net.layers());
            settings.put("activations", String.join(",", net.names()));
            settings.put("code_layer", ae.codeLayer());
            settings.put("corruption", ae.corruption().name().toLowerCase(Locale.ROOT));
            settings.put("noise", ae.noise());
            settings.put("mode", options.mode().name().toLowerCase(Locale.ROOT));
            settings.put("eta", options.rule().learningRate());
            settings.put("l2", options.lambda());
            settings.put("epochs", options.epochs());
            settings.put("seed", options.seed());
            settings.put("shuffle", options.shuffle());
            settings.put("reconstruction_mse", mse);
            Model m = new Model(model.network(), null, p.inputNames(), p.inputNames(), List.of(), options.loss().name());
            ModelFile.write(save, m.toStored(settings, history.epochs(), history.finalTrainError(), history.trainErrorArray(),
                    new double[0]), Version.full());
            out.say("model written to %s", save);
            result.put("model", save.toString());
        }
        if (codes != null) {
            AtomicFiles.writeString(codes, codesCsv(code, d.rows(), ae.codeSize(), p));
            out.say("codes written to %s", codes);
        }
        if (plot != null) {
            if (image != null) {
                float[] recon = model.reconstruct(d.x(), d.rows());
                int shown = Math.min(MAX_PICTURES, d.rows());
                Plots.saveGrid(pictures(d.x(), recon, shown, image[0], image[1], p), shown, plot);
                out.say("originals (top) and reconstructions (bottom) of the first %d patterns written to %s", shown, plot);
            } else if (ae.codeSize() == 2) {
                Plots.save(UnsupervisedPlots.codes(String.format(Locale.ROOT, "Codes of autoencoder %s on %s (MSE %s)",
                        net.layers(), data.getFileName(), Out.num(mse)), code, d.rows(), p.labels(), p.classes()), plot);
                out.say("codes scatter written to %s", plot);
            } else if (d.rows() <= MAX_CODE_ROWS) {
                List<String> names = new ArrayList<>();
                for (int r = 0; r < d.rows(); r++) names.add(p.labels() == null ? "#" + r : p.classes().get(p.labels()[r]));
                Plots.save(UnsupervisedPlots.codeTable(String.format(Locale.ROOT,
                        "Codes of autoencoder %s on %s (MSE %s)", net.layers(), data.getFileName(), Out.num(mse)),
                        code, d.rows(), ae.codeSize(), names), plot);
                out.say("codes table written to %s", plot);
            } else {
                Plots.save(Plots.errorCurve("Autoencoder " + net.layers() + " training error", options.loss().name(),
                        history.trainErrorArray(), null), plot);
                out.say("error curve written to %s (give --shape RxC for reconstructions)", plot);
            }
        }
        if (output.json) out.printJson(result);
        return Main.OK;
    }

    /** One row per pattern: code1..codeC, and the class label when there is one. */
    private static String codesCsv(float[] code, int rows, int c, Patterns p) {
        StringBuilder b = new StringBuilder();
        for (int j = 0; j < c; j++) b.append(j == 0 ? "" : ",").append("code").append(j + 1);
        if (p.labels() != null) b.append(",label");
        b.append('\n');
        for (int r = 0; r < rows; r++) {
            for (int j = 0; j < c; j++) b.append(j == 0 ? "" : ",").append(CsvText.number(code[r * c + j]));
            if (p.labels() != null) b.append(',').append(CsvText.quote(p.classes().get(p.labels()[r])));
            b.append('\n');
        }
        return b.toString();
    }

    /** Originals in the top row, their reconstructions below, on one grey scale from the data's range. */
    private static List<HeatMapChart> pictures(float[] x, float[] recon, int shown, int r, int c, Patterns p) {
        int n = r * c;
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < shown * n; i++) {
            lo = Math.min(lo, x[i]);
            hi = Math.max(hi, x[i]);
        }
        List<HeatMapChart> top = new ArrayList<>(), bottom = new ArrayList<>();
        for (int k = 0; k < shown; k++) {
            String tag = p.labels() == null ? "#" + k : "#" + k + " (" + p.classes().get(p.labels()[k]) + ")";
            top.add(UnsupervisedPlots.image("original " + tag, x, k * n, r, c, lo, hi));
            double e = 0;
            for (int i = 0; i < n; i++) e += (x[k * n + i] - recon[k * n + i]) * (double) (x[k * n + i] - recon[k * n + i]);
            bottom.add(UnsupervisedPlots.image("recon., MSE " + Out.num(e / n), recon, k * n, r, c, lo, hi));
        }
        top.addAll(bottom);
        return top;
    }
}
