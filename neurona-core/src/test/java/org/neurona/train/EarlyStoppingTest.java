package org.neurona.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.neurona.layer.Param;

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
    void rejectsBadConfiguration() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new EarlyStopping(0, 0, true));
        assertTrue(e.getMessage().contains("patience must be >= 1 epoch, got 0"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new EarlyStopping(5, -0.1, true));
    }
}
