package org.neurona.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.neurona.data.TimeSeries;
import org.neurona.data.TimeSeriesScaler;
import org.neurona.loss.Loss;
import org.neurona.net.recurrent.RecurrentSpec.Kind;
import org.neurona.train.rule.Sgd;

class BpttForecasterTest {

    /** x_t = sin(0.2 t) + 0.5 sin(0.311 t), t = 0..1999: the series. */
    static TimeSeries sine() {
        double[] x = new double[2000];
        for (int t = 0; t < x.length; t++) x[t] = Math.sin(0.2 * t) + 0.5 * Math.sin(0.311 * t);
        return TimeSeries.of(x);
    }

    /** Elman 1:16:1 tanh/linear, BPTT over 20 steps, eta 0.01, momentum 0.9, 50 epochs, test t >= 1600. */
    static BpttForecaster.Options sineRecipe(Kind kind) {
        BpttOptions training = new BpttOptions(new Sgd(0.01, 0.9), 50, 20, true, 0, 0, Loss.SSE);
        return new BpttForecaster.Options(kind, 16, "tanh", "linear", 0, 0.25, training, 0.2,
                TimeSeriesScaler.Kind.ZSCORE, 10, 7);
    }

    @Test
    void elmanPredictsTheTwoSineSeriesAndAFeedforwardNetCannot() {
        TimeSeries series = sine();
        BpttForecaster.Result elman = BpttForecaster.fit(series, sineRecipe(Kind.ELMAN));
        BpttForecaster.Result feedforward = BpttForecaster.fit(series, sineRecipe(Kind.NONE));

        assertEquals(1600, elman.split());
        assertTrue(elman.testMse() < 1e-4, "Elman one-step test MSE " + elman.testMse());
        assertTrue(elman.trainMse() < 1e-4, "Elman one-step train MSE " + elman.trainMse());
        // given only x_t a net cannot tell rising from falling
        assertTrue(feedforward.testMse() > 100 * elman.testMse(),
                "feedforward " + feedforward.testMse() + " vs Elman " + elman.testMse());
        assertTrue(feedforward.testMse() > 0.01, "feedforward test MSE " + feedforward.testMse());

        // the predictions are of x_1 .. x_1999 in the series' own units
        assertEquals(1999, elman.predictions().length);
        double s = 0;
        for (int t = 1600; t < 2000; t++) {
            double r = elman.predictions()[t - 1] - series.value(t, 0);
            s += r * r;
        }
        assertEquals(elman.testMse(), s / 400, 1e-12);
        // free-running from the same state, the first forecast is the first one-step prediction; then
        // the net's own errors are amplified (the linear predictor of two sines weighs x_t by
        // 2 cos 0.2 + 2 cos 0.311 = 3.86), so no accuracy is asserted beyond it
        assertEquals(400, elman.testForecast().length);
        assertEquals(elman.predictions()[1599], elman.testForecast()[0], 0.0);
        assertTrue(Double.isFinite(elman.testForecastMse()));
        assertEquals(10, elman.forecast().length);
        assertEquals(50, elman.history().epochs());
    }

    @Test
    void trainsOnTheShippedLaserSeries() {
        TimeSeries laser = TimeSeries.laser();
        BpttOptions training = new BpttOptions(new Sgd(0.001, 0.9), 10, 20, true, 0, 0, Loss.SSE);
        BpttForecaster.Result r = BpttForecaster.fit(laser,
                BpttForecaster.Options.builder(Kind.ELMAN).hidden(8).training(training).seed(7).build());
        double[] h = r.history().trainErrorArray();
        assertTrue(h[9] < 0.25 * h[0], "training error should fall: " + h[0] + " -> " + h[9]);
        double mean = 0, variance = 0;
        for (int t = 0; t < laser.length(); t++) mean += laser.value(t, 0);
        mean /= laser.length();
        for (int t = 0; t < laser.length(); t++) variance += Math.pow(laser.value(t, 0) - mean, 2);
        variance /= laser.length();
        assertTrue(r.testMse() < 0.1 * variance, "laser test MSE " + r.testMse() + ", variance " + variance);
    }

    @Test
    void jordanAndMultivariateSeriesRun() {
        double[][] rows = new double[300][2];
        for (int t = 0; t < 300; t++) {
            rows[t][0] = Math.sin(0.3 * t);
            rows[t][1] = Math.cos(0.3 * t);
        }
        TimeSeries circle = TimeSeries.of(rows, java.util.List.of("s", "c"), "circle");
        BpttForecaster.Result r = BpttForecaster.fit(circle, BpttForecaster.Options.builder(Kind.JORDAN)
                .mu(0.2).hidden(8).epochs(30).clipNorm(1).forecast(5).build());
        assertEquals(299 * 2, r.predictions().length);
        assertEquals(5 * 2, r.forecast().length);
        // sin and cos together tell where on the circle it is: even a Jordan net predicts well
        assertTrue(r.testMse() < 1e-2, "circle test MSE " + r.testMse());
    }

    /** A listener sees every epoch, as Trainer's do, and changes nothing: results are bit for bit the same. */
    @Test
    void aListenerSeesEachEpochAndChangesNothing() {
        TimeSeries series = sine().slice(0, 400);
        BpttForecaster.Options o = BpttForecaster.Options.builder(Kind.ELMAN).hidden(8).bptt(10).epochs(12).forecast(5)
                .seed(3).build();
        BpttForecaster.Result plain = BpttForecaster.fit(series, o);
        java.util.List<Epoch> seen = new java.util.ArrayList<>();
        BpttForecaster.Result watched = BpttForecaster.fit(series, o, seen::add);

        assertEquals(12, seen.size());
        double[] h = plain.history().trainErrorArray();
        for (int i = 0; i < seen.size(); i++) {
            Epoch e = seen.get(i);
            assertEquals(i + 1, e.number());
            assertEquals(12, e.maxEpochs());
            assertEquals(h[i], e.trainError(), 0.0);
            assertTrue(Double.isNaN(e.validationError()));
            assertEquals(5, e.params().size());   // W_x, W_c, b_h, W_y, b_y
        }
        assertArrayEquals(h, watched.history().trainErrorArray(), 0.0);
        assertEquals(History.StopReason.MAX_EPOCHS, watched.history().stop());
        assertArrayEquals(plain.predictions(), watched.predictions(), 0.0);
        assertArrayEquals(plain.testForecast(), watched.testForecast(), 0.0);
        assertArrayEquals(plain.forecast(), watched.forecast(), 0.0);
        assertEquals(plain.trainMse(), watched.trainMse(), 0.0);
        assertEquals(plain.testMse(), watched.testMse(), 0.0);
        assertEquals(plain.testForecastMse(), watched.testForecastMse(), 0.0);
        for (int p = 0; p < 5; p++) {
            assertArrayEquals(plain.net().params().get(p).value(), watched.net().params().get(p).value(), 0f);
        }
    }

    @Test
    void aListenerCanEndTrainingEarly() {
        TimeSeries series = sine().slice(0, 400);
        BpttForecaster.Options o = BpttForecaster.Options.builder(Kind.ELMAN).hidden(8).bptt(10).epochs(12).seed(3).build();
        BpttForecaster.Result r = BpttForecaster.fit(series, o, e -> {
            if (e.number() == 4) e.requestStop();
        });
        assertEquals(4, r.history().epochs());
        assertEquals(History.StopReason.LISTENER, r.history().stop());
        // the errors of the epochs that ran are those of the full run
        double[] full = BpttForecaster.fit(series, o).history().trainErrorArray();
        assertArrayEquals(Arrays.copyOf(full, 4), r.history().trainErrorArray(), 0.0);
        assertTrue(Double.isFinite(r.testMse()), "the stopped net still predicts: " + r.testMse());
    }

    @Test
    void rejectsASeriesShorterThanTheWindow() {
        TimeSeries tiny = TimeSeries.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BpttForecaster.fit(tiny, BpttForecaster.Options.defaults(Kind.ELMAN)));
        assertTrue(e.getMessage().contains("fewer than the BPTT window of 20 steps"), e.getMessage());
        IllegalArgumentException f = assertThrows(IllegalArgumentException.class,
                () -> BpttForecaster.Options.builder(Kind.ELMAN).testFraction(1.0).build());
        assertTrue(f.getMessage().contains("test fraction"), f.getMessage());
    }
}
