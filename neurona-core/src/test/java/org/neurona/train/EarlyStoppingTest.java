package org.neurona.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.neurona.Lecture;
import org.neurona.data.Dataset;
import org.neurona.layer.Param;
import org.neurona.net.FeedForward;
import org.neurona.net.NetworkSpec;

class EarlyStoppingTest {

    @Test
    void stopsAfterPatienceEpochsWithoutImprovementAndRestoresTheBest() {
        // Validation errors 1.0, 0.5, 0.6, 0.49, 0.7 with patience 2, minDelta 0.05:
        // epoch 2 improves (0.5 < 1.0 - 0.05); 0.6 does not; 0.49 does not beat 0.5 by 0.05;
        // so epoch 4 is the second epoch without improvement: stop, put back epoch 2's weights.
        Param w = Param.of("w", new float[] {0, 0}, true);
        List<Param> params = List.of(w);
        EarlyStopping.Monitor monitor = new EarlyStopping(2, 0.05, true).monitor();
        double[] errors = {1.0, 0.5, 0.6, 0.49};
        boolean[] stop = {false, false, false, true};
        for (int epoch = 1; epoch <= errors.length; epoch++) {
            w.value()[0] = epoch; // the weights change every epoch
            w.value()[1] = -epoch;
            assertEquals(stop[epoch - 1], monitor.shouldStop(epoch, errors[epoch - 1], params), "epoch " + epoch);
        }
        assertArrayEquals(new float[] {2, -2}, w.value());
        assertEquals(2, monitor.bestEpoch());
        assertEquals(0.5, monitor.bestError());
    }

    @Test
    void withoutRestoreTheLastWeightsStay() {
        Param w = Param.of("w", new float[] {0}, true);
        EarlyStopping.Monitor monitor = new EarlyStopping(1, 0, false).monitor();
        w.value()[0] = 1;
        assertFalse(monitor.shouldStop(1, 0.3, List.of(w)));
        w.value()[0] = 2;
        assertTrue(monitor.shouldStop(2, 0.3, List.of(w)), "equal is not better with minDelta 0");
        assertEquals(2, w.value()[0]);
    }

    @Test
    void nanNeverImproves() {
        EarlyStopping.Monitor monitor = new EarlyStopping(2, 0, true).monitor();
        Param w = Param.of("w", new float[] {5}, true);
        assertFalse(monitor.shouldStop(1, 0.2, List.of(w)));
        w.value()[0] = Float.NaN;
        assertFalse(monitor.shouldStop(2, Double.NaN, List.of(w)));
        assertTrue(monitor.shouldStop(3, Double.NaN, List.of(w)));
        assertEquals(5, w.value()[0]);
    }

    @Test
    void stopsTheTrainerAndRestoresTheBestEpoch() {
        // The lineal example with a validation set whose targets are flipped: once the net fits the
        // training data, the validation error rises, so training stops patience = 3 epochs after the
        // best validation epoch, with that epoch's weights back in the net.
        Dataset train = Lecture.lineal();
        double[][] x = new double[train.rows()][2], flipped = new double[train.rows()][1];
        for (int i = 0; i < train.rows(); i++) {
            x[i][0] = train.x()[2 * i];
            x[i][1] = train.x()[2 * i + 1];
            flipped[i][0] = 1 - train.b()[i];
        }
        Dataset validation = Dataset.of(x, flipped);
        Trainer trainer = new Trainer(TrainOptions.builder().eta(0.1).epochs(500).build());
        FeedForward net = FeedForward.create(NetworkSpec.parse("2:1", "logistic"), 1);
        EarlyStopping.Monitor monitor = new EarlyStopping(3, 0, true).monitor();
        History history = trainer.fit(net, train, validation, monitor);
        int best = monitor.bestEpoch();
        assertEquals(best + 3, history.epochs(), "stopped 3 epochs after the best");
        assertEquals(History.StopReason.LISTENER, history.stop());
        for (int e = 1; e <= history.epochs(); e++) {
            double error = history.validationError().get(e - 1);
            if (e == best) {
                assertEquals(monitor.bestError(), error);
            } else {
                assertTrue(error >= monitor.bestError(), "epoch " + e + " validation error " + error);
            }
        }

        FeedForward bestNet = FeedForward.create(NetworkSpec.parse("2:1", "logistic"), 1);
        new Trainer(TrainOptions.builder().eta(0.1).epochs(best).build()).fit(bestNet, train);
        for (int i = 0; i < net.params().size(); i++) {
            assertArrayEquals(bestNet.params().get(i).value(), net.params().get(i).value());
        }
    }
    @Test
    void asAListenerItNeedsValidationData() {
        Trainer trainer = new Trainer(TrainOptions.builder().epochs(5).build());
        FeedForward net = FeedForward.create(NetworkSpec.parse("2:1", "logistic"), 1);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> trainer.fit(net, Lecture.lineal(), new EarlyStopping(2, 0, true).monitor()));
        assertTrue(e.getMessage().contains("pass a validation set"), e.getMessage());
    }

    @Test
    void rejectsBadConfiguration() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new EarlyStopping(0, 0, true));
        assertTrue(e.getMessage().contains("patience must be >= 1 epoch, got 0"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new EarlyStopping(5, -0.1, true));
    }
}
