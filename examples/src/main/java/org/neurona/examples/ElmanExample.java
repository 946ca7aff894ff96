package org.neurona.examples;

import java.util.Locale;
import org.neurona.data.TimeSeries;
import org.neurona.data.TimeSeriesScaler;
import org.neurona.loss.Loss;
import org.neurona.net.recurrent.RecurrentSpec;
import org.neurona.train.BpttForecaster;
import org.neurona.train.BpttOptions;
import org.neurona.train.rule.Sgd;

/**
 * An Elman net on a time series: x_t = sin(0.2 t) + 0.5 sin(0.311 t), t = 0..1999, predicting
 * x_(t+1) from x_t. The context layer holds the hidden layer of step t-1, c_t = h_(t-1), which
 * is what lets the net tell a rising from a falling value. 1:16:1, tanh hidden, linear output,
 * truncated BPTT over 20 steps (Williams and Peng 1990), eta 0.01, momentum 0.9, SSE, 50 epochs,
 * initial weights uniform(-0.25, 0.25), seed 7, trained on t &lt; 1600 (z-scores fitted there).
 *
 * <p>Targets (asserted by the test): one-step test MSE on t &gt;= 1600 below 1e-4 (series units);
 * the same code without the context (a feedforward 1:16:1 net) more than 3000 times worse.
 */
public final class ElmanExample {
    private ElmanExample() {}

    /**
     * The series of the example.
     *
     * @return 2000 values of sin(0.2 t) + 0.5 sin(0.311 t)
     */
    public static TimeSeries sine() {
        double[] x = new double[2000];
        for (int t = 0; t < x.length; t++) x[t] = Math.sin(0.2 * t) + 0.5 * Math.sin(0.311 * t);
        return TimeSeries.of(x);
    }

    /**
     * The recipe above for a kind of net.
     *
     * @param kind      Elman, Jordan or NONE (no context)
     * @param clipNorm  gradient clipping to this global norm, 0 for none
     * @return the options
     */
    public static BpttForecaster.Options recipe(RecurrentSpec.Kind kind, double clipNorm) {
        BpttOptions training = new BpttOptions(new Sgd(0.01, 0.9), 50, 20, true, 0, clipNorm, Loss.SSE);
        return new BpttForecaster.Options(kind, 16, "tanh", "linear", 0, 0.25, training, 0.2,
                TimeSeriesScaler.Kind.ZSCORE, 0, 7);
    }

    /**
     * Trains the Elman net.
     *
     * @return one-step predictions, free-running forecast and their errors
     */
    public static BpttForecaster.Result run() {
        return BpttForecaster.fit(sine(), recipe(RecurrentSpec.Kind.ELMAN, 0));
    }

    /**
     * Trains the same net without context, the baseline.
     *
     * @return its predictions and errors
     */
    public static BpttForecaster.Result feedforward() {
        return BpttForecaster.fit(sine(), recipe(RecurrentSpec.Kind.NONE, 0));
    }

    /**
     * Prints the errors of the Elman net and of the feedforward baseline.
     *
     * @param args not used
     */
    public static void main(String[] args) {
        BpttForecaster.Result e = run(), f = feedforward();
        System.out.printf(Locale.ROOT, "Elman 1:16:1: one-step MSE train %.2e, test %.2e; free-running over the"
                + " 400 test steps %.3f%n", e.trainMse(), e.testMse(), e.testForecastMse());
        System.out.printf(Locale.ROOT, "feedforward 1:16:1 (no context): one-step MSE test %.4f%n", f.testMse());
    }
}
