package org.neurona.cli;

import static org.neurona.cli.TourRun.f;

import java.io.IOException;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.Styler;
import org.neurona.data.TimeSeries;
import org.neurona.data.TimeSeriesScaler;
import org.neurona.loss.Loss;
import org.neurona.net.recurrent.RecurrentSpec;
import org.neurona.train.BpttForecaster;
import org.neurona.train.BpttOptions;
import org.neurona.train.rule.Sgd;

/** Tour section 9: Elman and Jordan nets on x_t = sin(0.2 t) + 0.5 sin(0.311 t). */
final class TourRecurrent {
    private TourRecurrent() {}

    /** Steps shown before and after the split at t = 1600. */
    private static final int BEFORE = 40, AFTER = 100;

    static TimeSeries sine() {
        double[] x = new double[2000];
        for (int t = 0; t < x.length; t++) x[t] = Math.sin(0.2 * t) + 0.5 * Math.sin(0.311 * t);
        return TimeSeries.of(x);
    }

    /** 1:16:1 tanh/linear, BPTT 20, eta 0.01, momentum 0.9, SSE, 50 epochs, init 0.25, seed 7, test t &gt;= 1600. */
    static BpttForecaster.Options recipe(RecurrentSpec.Kind kind, double clipNorm) {
        BpttOptions training = new BpttOptions(new Sgd(0.01, 0.9), 50, 20, true, 0, clipNorm, Loss.SSE);
        return new BpttForecaster.Options(kind, 16, "tanh", "linear", 0, 0.25, training, 0.2, TimeSeriesScaler.Kind.ZSCORE, 0, 7);
    }

    static void forecasts(TourRun run) throws IOException {
        TimeSeries series = sine();
        run.say("\n9. Recurrent nets on x_t = sin(0.2 t) + 0.5 sin(0.311 t), predicting x_(t+1), trained on t < 1600:");
        one(run, series, "elman", "Elman", BpttForecaster.fit(series, recipe(RecurrentSpec.Kind.ELMAN, 0)));
        one(run, series, "jordan", "Jordan", BpttForecaster.fit(series, recipe(RecurrentSpec.Kind.JORDAN, 10)));
    }

    private static void one(TourRun run, TimeSeries series, String key, String name, BpttForecaster.Result r) throws IOException {
        run.say("   %s 1:16:1: one-step test MSE %s, free-running forecast MSE over the 400 test steps %s.", name,
                f("%.3g", run.number(key + ".test", r.testMse())), f("%.3f", run.number(key + ".forecast", r.testForecastMse())));
        int s = r.split(), from = s - BEFORE, to = s + AFTER;
        double[] t = new double[to - from], truth = new double[to - from], oneStep = new double[to - from];
        for (int i = 0; i < t.length; i++) {
            t[i] = from + i;
            truth[i] = series.value(from + i, 0);
            oneStep[i] = r.predictions()[from + i - 1]; // predictions[k] is x_(k+1)
        }
        double[] ft = new double[AFTER], fy = new double[AFTER];
        for (int i = 0; i < AFTER; i++) {
            ft[i] = s + i;
            fy[i] = r.testForecast()[i];
        }
        XYChart c = TourPlots.curves(f(name + " 1:16:1 on two sines: one-step test MSE %.2g", r.testMse()),
                "t (trained on t < 1600, tested from t = 1600)", "x_t", false, List.of(
                        new TourPlots.Curve("truth", t, truth, TourPlots.GREY, TourPlots.Style.SOLID),
                        new TourPlots.Curve("one-step prediction (from the true x_t)", t, oneStep, TourPlots.BLUE, TourPlots.Style.DOTS),
                        new TourPlots.Curve("free-running forecast (from its own outputs)", ft, fy, TourPlots.RED,
                                TourPlots.Style.SOLID)));
        c.getStyler().setXAxisDecimalPattern("0");
        c.getStyler().setMarkerSize(5);
        c.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
        run.save(c, key + "-forecast.png");
    }
}
