package org.neurona.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.neurona.activation.Activation;
import org.neurona.activation.Logistic;
import org.neurona.activation.Sign;
import org.neurona.activation.SoftSign;
import org.neurona.activation.Softmax;
import org.neurona.activation.Step;
import org.neurona.activation.Tanh;
import org.neurona.data.Dataset;
import org.neurona.data.Normalization;
import org.neurona.data.Split;
import org.neurona.io.AtomicFiles;
import org.neurona.io.CsvReader;
import org.neurona.io.ModelFile;
import org.neurona.io.StoredModel;
import org.neurona.math.Rng;
import org.neurona.net.FeedForward;
import org.neurona.net.NetworkSpec;
import org.neurona.train.EpochListener;
import org.neurona.train.History;
import org.neurona.train.TrainOptions;
import org.neurona.train.Trainer;
import org.neurona.train.WarmUp;
import picocli.CommandLine.Command;
import picocli.CommandLine.IModelTransformer;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Trains a feedforward network on a data file, or with {@code --net elman|jordan} a recurrent
 * net on a time series ({@link RecurrentTraining}); reports the error, saves the model.
 */
@Command(name = "train", mixinStandardHelpOptions = true,
        header = "Train a network by backpropagation: feedforward (CSV, IDX, .pat) or Elman/Jordan.", modelTransformer = TrainCommand.LayersOptional.class,
        description = {"Train a feedforward network by backpropagation on a CSV or IDX data set,",
            "or with --net an Elman or Jordan net by backpropagation through time on a",
            "time series (CSV columns)."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  The lecture's XOR net, online with momentum, saved for later:",
            "    neurona train --data xor.csv --layers 2:3:1 --mode online \\",
            "        --eta 0.5 --momentum 0.9 --epochs 2000 --save xor.json --plot xor.png",
            "  A CSV with string labels, 20%% held out, inputs standardised:",
            "    neurona train --data iris.csv --layers 4:8:3 --activation tanh,softmax \\",
            "        --loss ce --validation 0.2 --normalize zscore --json",
            "  Fashion-MNIST from its IDX files (D=/usr/share/datasets/fashion-mnist):",
            "    neurona train --data $D/train-images-idx3-ubyte.gz \\",
            "        --labels $D/train-labels-idx1-ubyte.gz \\",
            "        --test-data $D/t10k-images-idx3-ubyte.gz \\",
            "        --test-labels $D/t10k-labels-idx1-ubyte.gz \\",
            "        --layers 784:256:128:10 --activation relu,relu,softmax --loss ce \\",
            "        --mode minibatch --batch-size 128 --eta 0.05 --momentum 0.9 \\",
            "        --epochs 5 --shuffle --seed 1 --threads 2 --json",
            "  An Elman net predicting a series one step ahead, then 50 steps beyond:",
            "    neurona train --net elman --data laser.csv --column intensity \\",
            "        --hidden 16 --eta 0.001 --epochs 50 --forecast 50 \\",
            "        --save laser.json --plot laser.png",
        })
final class TrainCommand implements Callable<Integer> {

    @Mixin
    DataOptions data;

    @Mixin
    TrainingOptions training;

    @Mixin
    OutputOptions output;

    @Mixin
    RecurrentOptions recurrent;

    @Option(names = "--normalize", paramLabel = "KIND",
            description = "Input normalisation fitted on the training data and stored in the model: none (default),"
                    + " minmax, zscore or center.")
    String normalize = "none";

    @Option(names = "--normalize-targets", paramLabel = "KIND",
            description = "Regression targets scaled for training by a normalisation fitted on the training data and"
                    + " stored in the model, which takes its outputs back to the targets' units (RSNNS's"
                    + " denormalizeData): none (default), minmax, zscore or center. Training errors are then in the"
                    + " scaled units; predict and evaluate work in the targets' own.")
    String normalizeTargets = "none";

    @Option(names = "--validation", paramLabel = "FRACTION",
            description = "Hold out this fraction of the data (chosen with the seed) to report the validation error.")
    double validation;

    @Option(names = "--test-data", paramLabel = "FILE", description = "Test set (CSV, or IDX images with --test-labels): accuracy each epoch.")
    Path testData;

    @Option(names = "--test-labels", paramLabel = "FILE", description = "IDX labels of --test-data.")
    Path testLabels;

    @Option(names = "--save", paramLabel = "FILE", description = "Write the trained model (JSON) to FILE.")
    Path save;

    @Option(names = "--plot", paramLabel = "FILE", description = "Write the error curve to FILE (.png or .svg).")
    Path plot;

    @Option(names = "--history", paramLabel = "FILE", description = "Write the error per epoch to FILE (CSV).")
    Path historyFile;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        new Outputs().reads(data.data, data.labels, testData, testLabels).writes("--save", save).writesPicture("--plot", plot)
                .writes("--history", historyFile).check();
        if (recurrent.net != null) return RecurrentTraining.run(this);
        if (!recurrent.given().isEmpty()) {
            throw new IllegalArgumentException(recurrent.given().get(0) + " needs --net elman or --net jordan (a recurrent net"
                    + " on a time series); a feedforward net takes its sizes from --layers");
        }
        if (training.layers == null) {
            OptionSpec layers = spec.findOption("--layers");
            throw new MissingParameterException(spec.commandLine(), layers,
                    "Missing required option: '" + layers.longestName() + "=" + layers.paramLabel() + "'");
        }
        Out out = new Out(spec, output.json);
        NetworkSpec net = training.spec();
        TrainOptions options = training.options();
        Normalization.Kind kind = normalizeKind("--normalize", normalize);
        Normalization.Kind targetKind = normalizeKind("--normalize-targets", normalizeTargets);
        if (!(validation >= 0 && validation < 1)) {
            throw new IllegalArgumentException("--validation " + validation + ": expected a fraction in [0, 1), like 0.2");
        }
        int[] sizes = net.sizes();
        int outputs = sizes[sizes.length - 1];

        Data all, test = null;
        // the training steps compile on the other core while the data is read
        try (WarmUp warm = WarmUp.start(net, options)) {
            all = Data.load(data.data, data.labels, data.csv(), outputs);
            if (outputs == 1) all = all.asBinary();
            checkFits(net, all, data.data);
            if (testData != null) {
                CsvReader.Options csv = data.csv();
                if (all.isClassification()) csv = csv.withClasses(all.classes());
                test = Data.load(testData, testLabels, csv, outputs);
                if (outputs == 1) test = test.asBinary();
                if (test.dataset().inputs() != all.dataset().inputs() || test.dataset().outputs() != all.dataset().outputs()) {
                    throw new IllegalArgumentException("--test-data " + testData + " has " + test.describeInputs() + " and "
                            + test.describeTargets() + ", but the training data " + data.data + " has "
                            + all.describeInputs() + " and " + all.describeTargets());
                }
                checkFits(net, test, testData);
            }
        }

        if (targetKind != null && all.isClassification()) {
            throw new IllegalArgumentException("--normalize-targets scales numeric targets, but " + data.data + " has "
                    + all.describeTargets() + "; leave it out for classification");
        }
        Data train = all, valid = null;
        if (validation > 0) {
            Dataset[] parts = split(all.dataset(), validation, options.seed());
            train = all.with(parts[0]);
            valid = all.with(parts[1]);
        }
        Normalization scaling = kind == null ? null : Normalization.fitInputs(kind, train.dataset());
        Normalization targetScaling = targetKind == null ? null : Normalization.fitTargets(targetKind, train.dataset());
        Model model = new Model(FeedForward.create(net, options.seed()), scaling, all.inputNames(), all.targetNames(),
                all.classes(), options.loss().name(), targetScaling, false);
        Dataset trainSet = model.prepare(train.dataset());
        Dataset validSet = valid == null ? null : model.prepare(valid.dataset());
        Dataset testSet = test == null ? null : model.prepare(test.dataset());
        // the targets the net trains on: a normalisation fitted on them maps exactly them into its range
        if (!all.isClassification()) warnUnreachableTargets(out, net, trainSet, data.data, targetScaling != null);

        out.say("training %s (%s) on %s: %d patterns, %s -> %s", net.layers(), String.join(",", net.names()),
                data.data, trainSet.rows(), all.describeInputs(), all.describeTargets());
        out.say("  initial weights %s, loss %s, %s, %s, epochs %d%s%s%s", net.init().name(),
                options.loss().name(), modeText(options), training.describeLearning(options), options.epochs(),
                validSet == null ? "" : ", " + validSet.rows() + " patterns held out for validation",
                scaling == null ? "" : ", inputs normalised (" + Model.kindName(kind) + ")",
                targetScaling == null ? "" : ", targets normalised (" + Model.kindName(targetKind) + ")");

        List<Double> testAccuracy = new ArrayList<>();
        List<EpochListener> listeners = new ArrayList<>();
        if (testSet != null && test.isClassification()) {
            Dataset ts = testSet;
            listeners.add(e -> testAccuracy.add(Model.accuracy(model.net.predict(ts.x(), ts.rows()), ts.b(), ts.rows(), ts.outputs())));
        }
        History history;
        long t0 = System.nanoTime();
        try (Progress progress = Progress.create(out, "train", options.epochs())) {
            listeners.add(0, progress);
            listeners.addAll(training.listeners());
            history = new Trainer(options).fit(model.net, trainSet, validSet, listeners.toArray(new EpochListener[0]));
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        // early stopping puts the best epoch's weights back: report the errors of those weights
        boolean restored = training.earlyStopping != null && history.stop() == History.StopReason.LISTENER;
        double trainError = restored ? Trainer.error(model.net, trainSet, options.loss()) : history.finalTrainError();
        double validError = restored && validSet != null ? Trainer.error(model.net, validSet, options.loss())
                : history.finalValidationError();

        Map<String, Object> result = new LinkedHashMap<>();
        result.put("epochs", history.epochs());
        result.put("stop", history.stop().name().toLowerCase(Locale.ROOT));
        result.put("loss", options.loss().name());
        result.put("train_error", trainError);
        if (all.isClassification()) {
            result.put("accuracy", Model.accuracy(model.net.predict(trainSet.x(), trainSet.rows()), trainSet.b(),
                    trainSet.rows(), trainSet.outputs()));
        }
        if (validSet != null) {
            result.put("validation_error", validError);
            if (all.isClassification()) {
                result.put("validation_accuracy", Model.accuracy(model.net.predict(validSet.x(), validSet.rows()),
                        validSet.b(), validSet.rows(), validSet.outputs()));
            }
        }
        if (!testAccuracy.isEmpty()) {
            result.put("test_accuracy", testAccuracy.get(testAccuracy.size() - 1));
            result.put("test_accuracy_history", testAccuracy);
        }
        result.put("seconds", seconds);
        result.put("epoch_seconds", history.epochSeconds());
        result.put("history", history.trainError());
        if (validSet != null) result.put("validation_history", history.validationError());

        out.say("after %d epochs (%s): %s error %s%s%s%s", history.epochs(), stopText(history), options.loss().name(),
                Out.num(trainError),
                result.containsKey("accuracy") ? String.format(Locale.ROOT, ", accuracy %.2f%%", 100 * (double) result.get("accuracy")) : "",
                validSet == null ? "" : ", validation error " + Out.num(validError),
                testAccuracy.isEmpty() ? "" : String.format(Locale.ROOT, ", test accuracy %.2f%%", 100 * testAccuracy.get(testAccuracy.size() - 1)));
        out.say("  %.2f s in total", seconds);

        double[] hist = history.trainErrorArray();
        double[] vhist = history.validationError().stream().mapToDouble(Double::doubleValue).toArray();
        if (save != null) {
            StoredModel stored = model.toStored(settings(net, options, kind, model), history.epochs(), trainError,
                    hist, validSet == null ? new double[0] : vhist);
            ModelFile.write(save, stored, Version.full());
            out.say("model written to %s", save);
            result.put("model", save.toString());
        }
        if (plot != null) {
            Plots.save(Plots.errorCurve("Training error, " + net.layers() + " " + String.join(",", net.names()),
                    options.loss().name(), hist, validSet == null ? null : vhist), plot);
            out.say("error curve written to %s", plot);
        }
        if (historyFile != null) {
            writeHistory(historyFile, hist, validSet == null ? null : vhist, history.epochSeconds());
            out.say("history written to %s", historyFile);
        }
        if (output.json) out.printJson(result);
        return Main.OK;
    }

    /**
     * Warns when the targets lie outside what the output activation can give (a logistic output
     * and targets of 50 to 300, say): the net would train to a wall and predict its bound.
     */
    static void warnUnreachableTargets(Out out, NetworkSpec net, Dataset d, Path file, boolean scaled) {
        Activation f = net.activations().get(net.activations().size() - 1);
        double lo, hi;
        if (f instanceof Logistic || f instanceof Step || f instanceof Softmax) {
            lo = 0;
            hi = 1;
        } else if (f instanceof Tanh || f instanceof SoftSign || f instanceof Sign) {
            lo = -1;
            hi = 1;
        } else {
            return;
        }
        double min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;
        for (float v : d.b()) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        if (min < lo || max > hi) {
            out.warn("the %stargets of %s range from %s to %s, but the output activation %s gives values in [%s, %s]:"
                    + " the net cannot reach them; use a linear output (--activation ...,linear)%s",
                    scaled ? "normalised " : "", file, plain(min), plain(max), f.name(), plain(lo), plain(hi),
                    scaled ? ", or --normalize-targets minmax for an output in [0, 1]" : ", or --normalize-targets minmax"
                            + " for a logistic one");
        }
    }

    /** A whole number without decimals, else four significant digits. */
    private static String plain(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Out.num(v);
    }

    /** The first and last layer sizes must match the data; say what would. */
    static void checkFits(NetworkSpec net, Data d, Path file) {
        int[] s = net.sizes();
        int in = d.dataset().inputs(), outW = d.dataset().outputs();
        if (s[0] != in) {
            throw new IllegalArgumentException("--layers " + net.layers() + " has " + s[0] + " input" + (s[0] == 1 ? "" : "s")
                    + ", but " + file + " has " + d.describeInputs() + "; use --layers " + in + net.layers().substring(net.layers().indexOf(':')));
        }
        if (s[s.length - 1] != outW) {
            throw new IllegalArgumentException("--layers " + net.layers() + " has " + s[s.length - 1] + " output"
                    + (s[s.length - 1] == 1 ? "" : "s") + ", but " + file + " has " + d.describeTargets() + "; use --layers "
                    + net.layers().substring(0, net.layers().lastIndexOf(':') + 1) + outW);
        }
    }

    /** null for "none", else the kind ("minmax", "zscore", "center" and their RSNNS names) given to {@code option}. */
    static Normalization.Kind normalizeKind(String option, String s) {
        String t = s.trim().toLowerCase(Locale.ROOT);
        if (t.equals("none") || t.equals("no") || t.equals("off")) return null;
        try {
            return Normalization.Kind.parse(t);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(option + " '" + s + "': expected none, minmax, zscore or center");
        }
    }

    /** A seeded shuffled split: the training part and the held-out part, both non-empty. */
    static Dataset[] split(Dataset d, double fraction, long seed) {
        // a stream of its own, so that the split does not change the weights drawn from the seed
        Split s = Split.shuffled(d, fraction, new Rng(seed).split());
        if (s.test().rows() == 0) {
            throw new IllegalArgumentException("--validation " + fraction + " of " + d.rows()
                    + " patterns holds out none; expected a larger fraction or more data");
        }
        return new Dataset[] {s.train(), s.test()};
    }

    private Map<String, Object> settings(NetworkSpec net, TrainOptions o, Normalization.Kind kind, Model model) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("data", data.data.getFileName().toString());
        s.put("layers", net.layers());
        s.put("activations", String.join(",", net.names()));
        s.put("init", net.init().name());
        s.put("loss", o.loss().name());
        s.put("mode", o.mode().name().toLowerCase(Locale.ROOT));
        if (o.mode() == org.neurona.train.Mode.MINIBATCH) s.put("batch_size", o.batchSize());
        training.putSettings(s, o);
        s.put("l2", o.lambda());
        s.put("epochs", o.epochs());
        s.put("target_error", o.targetError());
        s.put("seed", o.seed());
        s.put("shuffle", o.shuffle());
        s.put("normalize", kind == null ? "none" : Model.kindName(kind));
        if (model.targetScaling != null) s.put("normalize_targets", Model.kindName(model.targetScaling.kind()));
        s.put("validation", validation);
        s.put("threads", o.threads());
        return s;
    }

    private static String modeText(TrainOptions o) {
        return switch (o.mode()) {
            case ONLINE -> "online";
            case BATCH -> "full batch";
            case MINIBATCH -> "mini-batches of " + o.batchSize();
        } + (o.shuffle() ? ", reshuffled each epoch" : "");
    }

    private static String stopText(History h) {
        return switch (h.stop()) {
            case MAX_EPOCHS -> "epoch limit";
            case TARGET_ERROR -> "target error reached";
            case LISTENER -> "stopped";
        };
    }

    /**
     * --layers is required for feedforward training only: a recurrent net takes --hidden. The
     * option comes from the shared {@link TrainingOptions}, so it is made optional here, and
     * {@link #call} asks for it, with picocli's own message, when --net is not given.
     */
    static final class LayersOptional implements IModelTransformer {
        @Override
        public CommandSpec transform(CommandSpec cmd) {
            OptionSpec layers = cmd.findOption("--layers");
            if (layers != null && layers.required()) {
                cmd.remove(layers);
                cmd.addOption(OptionSpec.builder(layers).required(false).build());
            }
            return cmd;
        }
    }

    static void writeHistory(Path file, double[] train, double[] valid, List<Double> seconds) throws IOException {
        StringBuilder b = new StringBuilder("epoch,train_error").append(valid == null ? "" : ",validation_error").append(",seconds\n");
        for (int i = 0; i < train.length; i++) {
            b.append(i + 1).append(',').append(train[i]);
            if (valid != null) b.append(',').append(valid[i]);
            b.append(',').append(seconds.get(i)).append('\n');
        }
        AtomicFiles.writeString(file, b.toString());
    }
}
