package org.neurona.cli;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.neurona.activation.Activations;
import org.neurona.data.TimeSeries;
import org.neurona.data.TimeSeriesScaler;
import org.neurona.io.DataFileException;
import org.neurona.io.StoredModel;
import org.neurona.layer.Param;
import org.neurona.net.recurrent.RecurrentNet;
import org.neurona.net.recurrent.RecurrentSpec;

/**
 * A trained Elman or Jordan net with what is needed to run it on a raw series: the series'
 * normalisation (fitted on the training part; outputs are mapped back with it) and the names of
 * its columns. Converts to and from the model file's {@link StoredModel}.
 *
 * <p>Predictions follow {@link org.neurona.train.BpttForecaster}: one pass over the series from
 * a zero context, each step given the observed value (teacher forcing), then free-running.
 */
final class RecurrentModel {
    final RecurrentNet net;
    final TimeSeriesScaler scaler;
    final List<String> columns;
    final String loss;

    RecurrentModel(RecurrentNet net, TimeSeriesScaler scaler, List<String> columns, String loss) {
        this.net = net;
        this.scaler = scaler;
        this.columns = List.copyOf(columns);
        this.loss = loss;
    }

    /** "elman 1:16:1 (tanh,linear)". */
    String describe() {
        return describe(net.spec());
    }

    /** "elman 1:16:1 (tanh,linear)", and Jordan's mu when it is not 0. */
    static String describe(RecurrentSpec s) {
        return kindName(s.kind()) + " " + s.inputs() + ":" + s.hidden() + ":" + s.outputs() + " ("
                + s.hiddenActivation().name() + "," + s.outputActivation().name() + ")"
                + (s.mu() != 0 ? ", mu " + Out.num(s.mu()) : "");
    }

    static String kindName(RecurrentSpec.Kind k) {
        return k.name().toLowerCase(Locale.ROOT);
    }

    /**
     * One-step-ahead predictions and a free-running continuation, in the series' units.
     *
     * @param oneStep  predictions of x_1 .. x_(T-1), each from the observed x_0 .. x_(T-2): (T-1, D)
     * @param forecast x_T .. x_(T+N-1), the net's outputs fed back, started from the observed x_(T-1): (N, D)
     */
    record Predictions(double[] oneStep, double[] forecast) {}

    /** Runs the net over {@code s} from a zero context, then {@code steps} steps beyond its end. */
    Predictions predict(TimeSeries s, int steps) {
        checkColumns(s);
        int n = s.length(), d = s.width();
        float[] u = scaler.apply(s).values();
        net.resetContext();
        double[] oneStep = scaler.invert(net.predict(Arrays.copyOf(u, (n - 1) * d), n - 1));
        double[] forecast = scaler.invert(net.forecast(Arrays.copyOfRange(u, (n - 1) * d, n * d), steps));
        return new Predictions(oneStep, forecast);
    }

    private void checkColumns(TimeSeries s) {
        if (s.width() != net.spec().inputs()) {
            throw new IllegalArgumentException(s.source() + ": a series of " + s.width() + " column" + (s.width() == 1 ? "" : "s")
                    + " " + s.names() + ", but the model predicts " + net.spec().inputs() + " " + columns);
        }
        if (s.length() < 2) {
            throw new IllegalArgumentException(s.source() + ": the series has " + s.length()
                    + " value; expected at least 2 (a value and its successor)");
        }
    }

    /** The observed x_1 .. x_(T-1), the targets of the one-step predictions: (T-1, D). */
    static double[] targets(TimeSeries s) {
        float[] t = s.targets();
        double[] v = new double[t.length];
        for (int i = 0; i < t.length; i++) v[i] = t[i];
        return v;
    }

    /** The model file's contents. */
    StoredModel toStored(Map<String, Object> settings, int epochs, double finalError, double[] history) {
        RecurrentSpec s = net.spec();
        List<Param> p = net.params();   // W_x, W_c, b_h, W_y, b_y
        List<StoredModel.Layer> layers = List.of(
                new StoredModel.Layer(s.inputs(), s.hidden(), s.hiddenActivation().name(), p.get(0).value().clone(),
                        p.get(2).value().clone()),
                new StoredModel.Layer(s.hidden(), s.outputs(), s.outputActivation().name(), p.get(3).value().clone(),
                        p.get(4).value().clone()));
        StoredModel.Recurrent rec = new StoredModel.Recurrent(kindName(s.kind()), s.context(), s.mu(), p.get(1).value().clone());
        StoredModel.Scaling scaling = new StoredModel.Scaling(scaler.kind().name().toLowerCase(Locale.ROOT), scaler.shift(),
                scaler.scale());
        return new StoredModel(layers, loss, scaling, columns, columns, List.of(), settings, epochs, finalError, history,
                new double[0], rec);
    }

    /** Rebuilds the net from a recurrent model file's contents. */
    static RecurrentModel of(StoredModel m, String src) {
        StoredModel.Recurrent rec = m.recurrent();
        StoredModel.Layer hidden = m.layers().get(0), output = m.layers().get(1);
        RecurrentNet net;
        TimeSeriesScaler scaler;
        try {
            RecurrentSpec spec = new RecurrentSpec(RecurrentSpec.Kind.parse(rec.kind()), hidden.inputs(), hidden.outputs(),
                    output.outputs(), Activations.parse(hidden.activation()), Activations.parse(output.activation()),
                    rec.mu(), 1);
            if (!hidden.hasBias() || !output.hasBias()) {
                throw new IllegalArgumentException("a recurrent net needs the biases b_h and b_y");
            }
            net = RecurrentNet.restore(spec, List.of(hidden.weights(), rec.contextWeights(), hidden.biases(),
                    output.weights(), output.biases()));
            StoredModel.Scaling n = m.normalization();
            int d = hidden.inputs();
            scaler = n == null ? new TimeSeriesScaler(TimeSeriesScaler.Kind.NONE, new double[d], ones(d))
                    : new TimeSeriesScaler(TimeSeriesScaler.Kind.parse(n.kind()), n.shift(), n.scale());
        } catch (DataFileException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new DataFileException(src, 0, 0, e.getMessage());
        }
        List<String> cols = m.inputNames();
        if (cols.isEmpty()) {
            cols = new java.util.ArrayList<>();
            for (int j = 1; j <= hidden.inputs(); j++) cols.add(String.valueOf(j));
        }
        return new RecurrentModel(net, scaler, cols, m.loss());
    }

    private static double[] ones(int d) {
        double[] v = new double[d];
        Arrays.fill(v, 1);
        return v;
    }
}
