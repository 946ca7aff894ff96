package org.neurona.cli;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.neurona.data.TimeSeries;
import org.neurona.data.TimeSeriesScaler;
import org.neurona.io.ModelFile;
import org.neurona.layer.Init;
import org.neurona.loss.Loss;
import org.neurona.net.NetworkSpec;
import org.neurona.net.recurrent.RecurrentSpec;
import org.neurona.train.BpttForecaster;
import org.neurona.train.History;
import org.neurona.train.rule.GradientClipping;
import org.neurona.train.rule.Sgd;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/**
 * {@code train --net elman|jordan}: an Elman or Jordan net learns to predict x_(t+1) from x_t
 * on a time series, by truncated BPTT with teacher forcing. The options map onto
 * {@link BpttForecaster.Options}; {@link BpttForecaster#fit(TimeSeries, BpttForecaster.Options,
 * org.neurona.train.EpochListener)} does the work (time-ordered split, normalisation fitted on
 * the training part, training, one-step predictions, free-running forecasts) while the progress
 * bar listens; this class reports, saves and plots what it found.
 */
final class RecurrentTraining {
    private RecurrentTraining() {}

    /** Options of train that mean something for a recurrent net; any other one is refused. */
    private static final Set<String> APPLICABLE = Set.of("--net", "--column", "--hidden", "--bptt", "--test-fraction",
            "--forecast", "--mu", "--clip", "--data", "--header", "--separator", "--layers", "--activation", "--loss",
            "--eta", "--momentum", "--l2", "--epochs", "--seed", "--init", "--normalize", "--save", "--plot",
            "--history", "--json", "--debug", "--help", "--version");

    static int run(TrainCommand c) throws IOException {
        RecurrentOptions r = c.recurrent;
        Out out = new Out(c.spec, c.output.json);
        ParseResult parsed = c.spec.commandLine().getParseResult();
        refuseFeedforwardOptions(parsed, r.net);
        RecurrentSpec.Kind kind = RecurrentSpec.Kind.parse(r.net);
        TimeSeries series = SeriesData.read(c.data.data, r.columns, c.data.csv());
        BpttForecaster.Options o = options(c, parsed, kind, series.width());
        RecurrentSpec spec = o.spec(series.width());
        RecurrentPlots.checkName(c.plot, series.width());   // before training, so a bad name wastes no time

        int n = series.length(), d = series.width();
        int s = series.splitPoint(o.testFraction());
        int pairs = s - 1, window = o.training().window();
        if (pairs < Math.max(1, window)) {
            // before any output, and in the command line's words (BpttForecaster.fit would say it too)
            throw new IllegalArgumentException(c.data.data + ": the training part has " + s + " of " + n
                    + " values, so " + Math.max(pairs, 0) + " one-step pairs, fewer than the BPTT window of "
                    + Math.max(1, window) + " steps; use a longer series, a smaller --test-fraction or a smaller --bptt");
        }
        String describe = RecurrentModel.describe(spec);
        out.say("training %s on %s, column%s %s: %d values, the first %d for training, the last %d for testing",
                describe, c.data.data, d == 1 ? "" : "s", String.join(", ", series.names()), n, s, n - s);
        out.say("  %s, eta %s, momentum %s, epochs %d, %s normalisation fitted on the training part, initial weights U(-%s, %s)",
                window == 0 ? "full BPTT" : "truncated BPTT over " + window + " steps", Out.num(o.training().rule().learningRate()),
                Out.num(momentum(o)), o.training().epochs(), o.normalisation().name().toLowerCase(Locale.ROOT),
                Out.num(spec.initScale()), Out.num(spec.initScale()));

        BpttForecaster.Result fit;
        try (Progress progress = Progress.create(out, "train", o.training().epochs())) {
            fit = BpttForecaster.fit(series, o, progress);
        }
        History history = fit.history();
        double seconds = fit.trainNanos() / 1e9;
        RecurrentModel model = new RecurrentModel(fit.net(), fit.scaler(), series.names(), o.training().loss().name());

        Map<String, Object> result = new LinkedHashMap<>();
        result.put("net", RecurrentModel.kindName(kind));
        result.put("sizes", d + ":" + spec.hidden() + ":" + d);
        result.put("columns", series.names());
        result.put("steps", n);
        result.put("train_steps", s);
        result.put("test_steps", n - s);
        result.put("epochs", history.epochs());
        result.put("loss", o.training().loss().name());
        result.put("train_error", history.finalTrainError());
        result.put("train_mse", fit.trainMse());
        result.put("test_mse", fit.testMse());
        result.put("test_forecast_mse", fit.testForecastMse());
        if (o.forecast() > 0) result.put("forecast", rows(fit.forecast(), d));
        result.put("seconds", seconds);
        result.put("history", history.trainError());

        out.say("after %d epochs: one-step MSE %s on the training part, %s on the test part (in the series' units)",
                history.epochs(), Out.num(fit.trainMse()), Out.num(fit.testMse()));
        if (s < n) out.say("  free-running over the test part (its own outputs fed back): MSE %s", Out.num(fit.testForecastMse()));
        if (o.forecast() > 0) out.say("  forecast of %d steps beyond the end: %s", o.forecast(), preview(fit.forecast(), d));
        out.say("  %.2f s in total", seconds);

        double[] hist = history.trainErrorArray();
        if (c.save != null) {
            ModelFile.write(c.save, model.toStored(settings(c, o, spec, series.names()), history.epochs(), history.finalTrainError(), hist),
                    Version.full());
            out.say("model written to %s", c.save);
            result.put("model", c.save.toString());
        }
        if (c.plot != null) {
            RecurrentPlots.save(RecurrentPlots.forecasts(describe + " on " + c.data.data.getFileName(), series,
                    fit.predictions(), s, fit.testForecast(), fit.forecast()), c.plot);
            out.say("series, one-step predictions and forecasts plotted to %s", c.plot);
        }
        if (c.historyFile != null) {
            TrainCommand.writeHistory(c.historyFile, hist, null, history.epochSeconds());
            out.say("history written to %s", c.historyFile);
        }
        if (c.output.json) out.printJson(result);
        return Main.OK;
    }

    /** Any option of feedforward training (--mode, --validation, ...) is an error with --net. */
    private static void refuseFeedforwardOptions(ParseResult parsed, String net) {
        for (OptionSpec opt : parsed.matchedOptions()) {
            if (!APPLICABLE.contains(opt.longestName())) {
                throw new IllegalArgumentException(opt.longestName() + " does not apply to a recurrent net (--net " + net
                        + "), which is trained on the series in time order; leave it out");
            }
        }
    }

    /** The facade's options from the command line; what was not given keeps BpttForecaster's defaults. */
    private static BpttForecaster.Options options(TrainCommand c, ParseResult parsed, RecurrentSpec.Kind kind, int width) {
        RecurrentOptions r = c.recurrent;
        TrainingOptions t = c.training;
        BpttForecaster.Options.Builder b = BpttForecaster.Options.builder(kind);
        Integer hidden = hiddenFromLayers(t.layers, r.hidden, kind, width);
        if (hidden != null) b.hidden(hidden);
        if (t.activation != null) {
            String[] f = t.activation.split(",", -1);
            if (f.length > 2) {
                throw new IllegalArgumentException("--activation " + t.activation + ": a recurrent net takes the hidden"
                        + " activation, or hidden and output ones (like tanh or tanh,linear)");
            }
            b.activations(f[0].trim(), f.length == 2 ? f[1].trim() : "linear");
        }
        if (r.mu != null) {
            if (kind != RecurrentSpec.Kind.JORDAN) {
                throw new IllegalArgumentException("--mu " + r.mu + " is the decay of a Jordan net's context; --net "
                        + c.recurrent.net + " has none");
            }
            b.mu(r.mu);
        }
        if (r.bptt != null) b.bptt(r.bptt);
        if (r.testFraction != null) {
            if (!(r.testFraction >= 0 && r.testFraction < 1)) {
                throw new IllegalArgumentException("--test-fraction " + r.testFraction + ": expected a fraction in [0, 1), like 0.2");
            }
            b.testFraction(r.testFraction);
        }
        if (r.forecast != null) {
            if (r.forecast < 0) throw new IllegalArgumentException("--forecast " + r.forecast + ": expected a number of steps >= 0");
            b.forecast(r.forecast);
        }
        if (t.clip != null) {
            GradientClipping g = GradientClipping.parse(t.clip);
            if (g.mode() != GradientClipping.Mode.NORM) {
                throw new IllegalArgumentException("--clip " + t.clip + ": recurrent nets clip each window's gradient by its"
                        + " global norm; use --clip norm:MAX, like norm:10");
            }
            b.clipNorm(g.threshold());
        }
        if (t.loss != null) b.training(b.build().training().toBuilder().loss(Loss.parse(t.loss)).build());
        if (t.eta != null) {
            if (!(t.eta > 0) || Double.isInfinite(t.eta)) throw new IllegalArgumentException("--eta " + t.eta + ": expected a positive number");
            b.eta(t.eta);
        }
        if (t.momentum != null) b.momentum(t.momentum);
        if (t.l2 != null) b.lambda(t.l2);
        if (t.epochs != null) b.epochs(t.epochs);
        if (t.seed != null) b.seed(t.seed);
        if (t.init != null) {
            Init init = Init.parse(t.init);
            if (init.kind() != Init.Kind.UNIFORM) {
                throw new IllegalArgumentException("--init " + t.init + ": a recurrent net takes uniform:R, weights"
                        + " uniform in (-R, R) (default: R = 1/sqrt(H))");
            }
            b.initScale(init.range());
        }
        if (parsed.hasMatchedOption("--normalize")) {
            try {
                b.normalisation(TimeSeriesScaler.Kind.parse(c.normalize));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--normalize " + c.normalize + ": a series is normalised with none,"
                        + " zscore (default) or minmax");
            }
        }
        return b.build();
    }

    /**
     * H from --layers I:H:O and --hidden, which must agree with each other and with the series:
     * the net predicts its own next value, so I = O = the number of columns.
     */
    private static Integer hiddenFromLayers(String layers, Integer hidden, RecurrentSpec.Kind kind, int width) {
        if (layers == null) return hidden;
        int[] s = NetworkSpec.parseSizes(layers);
        String net = RecurrentModel.kindName(kind);
        int h = hidden != null ? hidden : s.length == 3 ? s[1] : 16;
        String fix = "use --hidden " + h + " (or --layers " + width + ":" + h + ":" + width + ")";
        if (s.length != 3) {
            throw new IllegalArgumentException("--layers " + layers + " conflicts with --net " + net + ": a recurrent net has"
                    + " one hidden layer, I:H:O; " + fix);
        }
        if (s[0] != width || s[2] != width) {
            throw new IllegalArgumentException("--layers " + layers + " conflicts with --net " + net + " on " + width
                    + " column" + (width == 1 ? "" : "s") + ": the net predicts the series' next value, so it has "
                    + width + " input" + (width == 1 ? "" : "s") + " and " + width + " output" + (width == 1 ? "" : "s")
                    + "; " + fix);
        }
        if (hidden != null && hidden != s[1]) {
            throw new IllegalArgumentException("--layers " + layers + " conflicts with --hidden " + hidden
                    + "; give one of them");
        }
        return s[1];
    }

    private static double momentum(BpttForecaster.Options o) {
        return o.training().rule() instanceof Sgd sgd ? sgd.alpha() : 0;
    }

    private static Map<String, Object> settings(TrainCommand c, BpttForecaster.Options o, RecurrentSpec spec, List<String> columns) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("data", c.data.data.getFileName().toString());
        s.put("net", RecurrentModel.kindName(spec.kind()));
        s.put("columns", String.join(",", columns));
        s.put("hidden", spec.hidden());
        s.put("activations", spec.hiddenActivation().name() + "," + spec.outputActivation().name());
        s.put("mu", spec.mu());
        s.put("init_scale", spec.initScale());
        s.put("bptt", o.training().window());
        s.put("carry_context", o.training().carryContext());
        s.put("loss", o.training().loss().name());
        s.put("eta", o.training().rule().learningRate());
        s.put("momentum", momentum(o));
        s.put("l2", o.training().lambda());
        s.put("clip", o.training().clipNorm());
        s.put("epochs", o.training().epochs());
        s.put("test_fraction", o.testFraction());
        s.put("normalize", o.normalisation().name().toLowerCase(Locale.ROOT));
        s.put("seed", o.seed());
        return s;
    }

    /** Values (n, D) as a JSON list: numbers for one column, rows of D numbers for several. */
    static List<Object> rows(double[] v, int d) {
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < v.length; i += d) {
            if (d == 1) {
                out.add(v[i]);
            } else {
                List<Double> row = new ArrayList<>();
                for (int j = 0; j < d; j++) row.add(v[i + j]);
                out.add(row);
            }
        }
        return out;
    }

    private static String preview(double[] v, int d) {
        List<String> s = new ArrayList<>();
        for (int i = 0; i < Math.min(v.length, 8 * d); i++) s.add(Out.num(v[i]));
        return String.join(", ", s) + (v.length > 8 * d ? ", ..." : "");
    }
}
