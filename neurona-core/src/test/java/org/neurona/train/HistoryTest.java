package org.neurona.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** History keeps its series as immutable lists over double arrays, equal to the lists it was given. */
class HistoryTest {

    @Test
    void arraysAndListsGiveEqualHistories() {
        double[] train = {4, 3, 2.5, 0}, valid = {5, 4, 3, 0}, secs = {0.1, 0.2, 0.3, 0};
        History fromArrays = History.of(train, valid, secs, 3, History.StopReason.TARGET_ERROR);
        History fromLists = new History(List.of(4.0, 3.0, 2.5), List.of(5.0, 4.0, 3.0), List.of(0.1, 0.2, 0.3),
                History.StopReason.TARGET_ERROR);
        assertEquals(fromLists, fromArrays);
        assertEquals(fromLists.hashCode(), fromArrays.hashCode());
        assertEquals(3, fromArrays.epochs());
        assertEquals(2.5, fromArrays.finalTrainError());
        assertEquals(3.0, fromArrays.finalValidationError());
        assertArrayEquals(new double[] {4, 3, 2.5}, fromArrays.trainErrorArray());
    }

    @Test
    void seriesAreImmutableAndCopied() {
        List<Double> given = new ArrayList<>(List.of(1.0, 2.0));
        History h = new History(given, given, given, History.StopReason.MAX_EPOCHS);
        given.set(0, 9.0);
        assertEquals(1.0, h.trainError().get(0));
        assertThrows(UnsupportedOperationException.class, () -> h.trainError().add(3.0));
        assertThrows(UnsupportedOperationException.class, () -> h.epochSeconds().set(0, 3.0));
        double[] out = h.trainErrorArray();
        out[0] = 7;
        assertEquals(1.0, h.trainError().get(0));
        assertThrows(NullPointerException.class,
                () -> new History(Arrays.asList(1.0, null), given, given, History.StopReason.MAX_EPOCHS));
    }

    @Test
    void emptyHistoryHasNaNFinalErrors() {
        History h = History.of(new double[0], new double[0], new double[0], 0, History.StopReason.LISTENER);
        assertEquals(0, h.epochs());
        assertEquals(Double.NaN, h.finalTrainError());
        assertEquals(Double.NaN, h.finalValidationError());
    }
}
