package org.neurona.train;

import java.util.Arrays;
import org.neurona.activation.Activations;
import org.neurona.data.TimeSeries;
import org.neurona.data.TimeSeriesScaler;
import org.neurona.math.Rng;
import org.neurona.net.recurrent.RecurrentNet;
import org.neurona.net.recurrent.RecurrentSpec;

/**
 * One-call time-series modelling with an Elman or Jordan net, the job behind
 * {@code neurona train --net elman|jordan --data series.csv --column x}: split the series in
 * time order, fit the normalisation on the training part, train the net by BPTT to predict
 * x_(t+1) from x_t (teacher forcing), then report one-step-ahead errors on both parts, a
 * free-running forecast over the test part, and a forecast beyond the end of the series.
 *
 * <p>With T values and test fraction f, the test part is the last round(T f) values, starting
 * at step s. The net is trained on the pairs (x_t, x_(t+1)) for t + 1 &lt; s. Predictions of
 * x_1 .. x_(T-1) are made in one pass from a zero context, each from the observed previous value
 * (so test predictions use the context built up over the training part); the test MSE is over
 * x_s .. x_(T-1), the training MSE over x_1 .. x_(s-1), both in the series' own units.
 */
public final class BpttForecaster {
    private BpttForecaster() {}

    /**
     * What to fit. {@link #defaults} gives the recipe: 16 hidden tanh units, linear
     * output, BPTT over 20 steps, eta 0.01, momentum 0.9, 50 epochs, 20 % test, z-scores.
     *
     * @param kind             Elman, Jordan, or NONE (a feedforward baseline given only x_t)
     * @param hidden           H
     * @param hiddenActivation name of f ("tanh")
     * @param outputActivation name of g ("linear")
     * @param mu               Jordan's context decay (0 for the other kinds)
     * @param initScale        initial weights uniform(-s, s); 0 = 1/sqrt(H), the range PyTorch's
     *                         nn.RNN uses, which keeps the recurrent weights from starting
     *                         chaotic (the lecture's s = 1 often diverges with 16 hidden units)
     * @param training         BPTT options
     * @param testFraction     the time-ordered held-out tail, in [0, 1)
     * @param normalisation    fitted on the training part
     * @param forecast         steps to forecast beyond the end of the series, >= 0
     * @param seed             for the initial weights
     */
    public record Options(RecurrentSpec.Kind kind, int hidden, String hiddenActivation, String outputActivation,
                          double mu, double initScale, BpttOptions training, double testFraction,
                          TimeSeriesScaler.Kind normalisation, int forecast, long seed) {
        public Options {
            if (kind == null) throw new IllegalArgumentException("net kind is missing; expected elman, jordan or none");
            if (training == null) throw new IllegalArgumentException("training options are missing");
            if (normalisation == null) throw new IllegalArgumentException("normalisation is missing");
            if (!(initScale >= 0) || Double.isInfinite(initScale)) {
                throw new IllegalArgumentException("initial weight scale must be positive (or 0 for 1/sqrt(H)), got " + initScale);
            }
            if (!(testFraction >= 0 && testFraction < 1)) {
                throw new IllegalArgumentException("test fraction must be in [0, 1), got " + testFraction);
            }
            if (forecast < 0) throw new IllegalArgumentException("forecast length must be >= 0, got " + forecast);
            spec(kind, 1, hidden, hiddenActivation, outputActivation, mu, initScale); // validates them
        }

        /** The builder's defaults for {@code kind}: the recipe. */
        public static Options defaults(RecurrentSpec.Kind kind) {
            return builder(kind).build();
        }

        public static Builder builder(RecurrentSpec.Kind kind) {
            return new Builder(kind);
        }

        /** A builder starting from these options. */
        public Builder toBuilder() {
            Builder b = new Builder(kind);
            b.hidden = hidden;
            b.hiddenActivation = hiddenActivation;
            b.outputActivation = outputActivation;
            b.mu = mu;
            b.initScale = initScale;
            b.training = training.toBuilder();
            b.testFraction = testFraction;
            b.normalisation = normalisation;
            b.forecast = forecast;
            b.seed = seed;
            return b;
        }

        /**
         * Mutable helper that builds {@link Options}; defaults live here (and in
         * {@link BpttOptions.Builder} for the training) and only here. The command line's options
         * map one to one: --hidden, --bptt, --epochs, --eta, --momentum, --test-fraction, --forecast.
         */
        public static final class Builder {
            private final RecurrentSpec.Kind kind;
            private int hidden = 16;
            private String hiddenActivation = "tanh";
            private String outputActivation = "linear";
            private double mu = 0;
            private double initScale = 0;
            private BpttOptions.Builder training = BpttOptions.builder();
            private double testFraction = 0.2;
            private TimeSeriesScaler.Kind normalisation = TimeSeriesScaler.Kind.ZSCORE;
            private int forecast = 0;
            private long seed = 1;

            private Builder(RecurrentSpec.Kind kind) {
                this.kind = kind;
            }

            public Builder hidden(int v) { hidden = v; return this; }
            public Builder activations(String f, String g) { hiddenActivation = f; outputActivation = g; return this; }
            /** Jordan's context decay. */
            public Builder mu(double v) { mu = v; return this; }
            /** Initial weights uniform(-s, s); 0 = 1/sqrt(H). */
            public Builder initScale(double v) { initScale = v; return this; }
            /** All training options at once (replaces what {@link #bptt} etc. set). */
            public Builder training(BpttOptions v) { training = v.toBuilder(); return this; }
            /** Truncated BPTT over k steps; 0 = full BPTT. */
            public Builder bptt(int k) { training.window(k); return this; }
            public Builder epochs(int v) { training.epochs(v); return this; }
            public Builder eta(double v) { training.eta(v); return this; }
            public Builder momentum(double v) { training.momentum(v); return this; }
            public Builder lambda(double v) { training.lambda(v); return this; }
            public Builder clipNorm(double v) { training.clipNorm(v); return this; }
            public Builder testFraction(double v) { testFraction = v; return this; }
            public Builder normalisation(TimeSeriesScaler.Kind v) { normalisation = v; return this; }
            /** Steps to forecast beyond the end of the series. */
            public Builder forecast(int v) { forecast = v; return this; }
            public Builder seed(long v) { seed = v; return this; }

            public Options build() {
                return new Options(kind, hidden, hiddenActivation, outputActivation, mu, initScale, training.build(),
                        testFraction, normalisation, forecast, seed);
            }
        }

        /** The net for a series of {@code width} variables (inputs = outputs = width). */
        public RecurrentSpec spec(int width) {
            return spec(kind, width, hidden, hiddenActivation, outputActivation, mu, initScale);
        }

        private static RecurrentSpec spec(RecurrentSpec.Kind kind, int width, int hidden, String f, String g, double mu,
                                          double initScale) {
            return new RecurrentSpec(kind, width, hidden, width, Activations.parse(f), Activations.parse(g), mu,
                    initScale == 0 ? 1 / Math.sqrt(Math.max(hidden, 1)) : initScale);
        }
    }

    /**
     * What {@link #fit} found. Arrays are row-major (steps, D) in the series' own units.
     *
     * @param net             the trained net (its context is where the last forecast left it: call
     *                        {@code resetContext()} before predicting a new sequence)
     * @param scaler          the normalisation fitted on the training part (the net works in its units)
     * @param split           s, the first step of the test part (= T when there is no test part)
     * @param trainMse        one-step MSE over x_1 .. x_(s-1)
     * @param testMse         one-step MSE over x_s .. x_(T-1); NaN without a test part
     * @param predictions     one-step predictions of x_1 .. x_(T-1)
     * @param testForecast    free-running forecast of x_s .. x_(T-1), started from x_(s-1)
     * @param testForecastMse MSE of that forecast; NaN without a test part
     * @param forecast        free-running forecast of x_T .. x_(T+N-1), started from x_(T-1)
     * @param history         the training errors per epoch, in normalised units (see {@link BpttTrainer#train})
     * @param trainNanos      wall time of the training alone
     */
    public record Result(RecurrentNet net, TimeSeriesScaler scaler, int split, double trainMse, double testMse,
                         double[] predictions, double[] testForecast, double testForecastMse, double[] forecast,
                         History history, long trainNanos) {
    }

    /**
     * Trains a net on {@code series} as described above.
     *
     * @throws IllegalArgumentException if the training part has fewer one-step pairs than the BPTT
     *         window, or the options do not fit the series
     */
    public static Result fit(TimeSeries series, Options o) {
        return fit(series, o, null);
    }

    /**
     * {@link #fit(TimeSeries, Options)}, reporting each training epoch to {@code listener}
     * (progress bars, live plots): it gets the {@link Epoch} that {@link Trainer}'s listeners get,
     * from {@link BpttTrainer#train(RecurrentNet, float[], float[], int, EpochListener)}, and may
     * end training early with {@link Epoch#requestStop()} (the history then says
     * {@link History.StopReason#LISTENER}). A listener that only watches changes nothing: the
     * result is bit for bit the one without it.
     *
     * @param listener called after every epoch; null for none
     * @throws IllegalArgumentException if the training part has fewer one-step pairs than the BPTT
     *         window, or the options do not fit the series
     */
    public static Result fit(TimeSeries series, Options o, EpochListener listener) {
        int n = series.length(), d = series.width();
        int s = series.splitPoint(o.testFraction());
        int window = o.training().window();
        int pairs = s - 1;
        if (pairs < Math.max(1, window)) {
            throw new IllegalArgumentException(series.source() + ": the training part has " + s + " of " + n
                    + " values, so " + Math.max(pairs, 0) + " one-step pairs, fewer than the BPTT window of "
                    + Math.max(1, window) + " steps; use a longer series, a smaller test fraction or a smaller --bptt");
        }
        TimeSeriesScaler scaler = TimeSeriesScaler.fit(series.slice(0, s), o.normalisation());
        TimeSeries u = scaler.apply(series);
        float[] all = u.values();

        RecurrentNet net = RecurrentNet.create(o.spec(d), new Rng(o.seed()));
        long t0 = System.nanoTime();
        History history = new BpttTrainer(o.training()).train(net, Arrays.copyOfRange(all, 0, pairs * d),
                Arrays.copyOfRange(all, d, s * d), pairs, listener);
        long nanos = System.nanoTime() - t0;

        net.resetContext();
        double[] predictions = scaler.invert(net.predict(u.inputs(), n - 1));
        double[] forecast = scaler.invert(net.forecast(Arrays.copyOfRange(all, (n - 1) * d, n * d), o.forecast()));
        double[] observed = toDouble(series.targets());
        double trainMse = TimeSeries.mse(Arrays.copyOfRange(predictions, 0, pairs * d),
                Arrays.copyOfRange(observed, 0, pairs * d));
        double testMse = Double.NaN, testForecastMse = Double.NaN;
        double[] testForecast = new double[0];
        if (s < n) {
            testMse = TimeSeries.mse(Arrays.copyOfRange(predictions, pairs * d, (n - 1) * d),
                    Arrays.copyOfRange(observed, pairs * d, (n - 1) * d));
            net.resetContext();
            net.predict(Arrays.copyOfRange(all, 0, pairs * d), pairs);
            testForecast = scaler.invert(net.forecast(Arrays.copyOfRange(all, pairs * d, s * d), n - s));
            testForecastMse = TimeSeries.mse(testForecast, Arrays.copyOfRange(observed, pairs * d, (n - 1) * d));
        }
        return new Result(net, scaler, s, trainMse, testMse, predictions, testForecast, testForecastMse, forecast,
                history, nanos);
    }

    private static double[] toDouble(float[] v) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) out[i] = v[i];
        return out;
    }
}
