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

    /** Runs of equal values read as the values one by one, and equal the list of them. */
    @Test
    void runsReadAsTheirValues() {
        History.Series runs = History.Series.runs(new int[] {1, 4, 5, 99}, new double[] {0.5, 0.25, 0.125, 7}, 3);
        List<Double> each = List.of(0.5, 0.25, 0.25, 0.25, 0.125);
        assertEquals(each, runs);
        assertEquals(each.hashCode(), runs.hashCode());
        assertEquals(5, runs.size());
        for (int i = 0; i < each.size(); i++) assertEquals(each.get(i), runs.get(i), "element " + i);
        assertThrows(IndexOutOfBoundsException.class, () -> runs.get(5));
        assertThrows(IndexOutOfBoundsException.class, () -> runs.get(-1));
        History h = new History(runs, History.Series.constant(Double.NaN, 5), runs, History.StopReason.MAX_EPOCHS);
        assertArrayEquals(new double[] {0.5, 0.25, 0.25, 0.25, 0.125}, h.trainErrorArray());
        assertEquals(Double.NaN, h.finalValidationError());
        assertEquals(List.of(), History.Series.runs(new int[0], new double[0], 0));
        assertEquals(List.of(), History.Series.constant(1, 0));
    }

    @Test
    void emptyHistoryHasNaNFinalErrors() {
        History h = History.of(new double[0], new double[0], new double[0], 0, History.StopReason.LISTENER);
        assertEquals(0, h.epochs());
        assertEquals(Double.NaN, h.finalTrainError());
        assertEquals(Double.NaN, h.finalValidationError());
    }
}
