package org.neurona.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.neurona.data.Dataset;
import org.neurona.net.FeedForward;
import org.neurona.net.NetworkSpec;

/** History keeps its series as immutable lists over double arrays, equal to the lists it was given. */
class HistoryTest {

    @Test
    void arraysAndListsGiveEqualHistories() {
        double[] train = {4, 3, 2.5, 0}, valid = {5, 4, 3, 0}, secs = {0.1, 0.2, 0.3, 0};
        History fromArrays = new History(History.Series.of(train, 3), History.Series.of(valid, 3), History.Series.of(secs, 3),
                History.StopReason.TARGET_ERROR);
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
    void printsASummaryNotEveryEpoch() {
        History h = new History(List.of(4.0, 2.0, 1.0), List.of(Double.NaN, Double.NaN, Double.NaN),
                List.of(0.5, 0.25, 0.25), History.StopReason.MAX_EPOCHS);
        assertEquals("History[3 epochs, training error 4.0 -> 1.0, 1.00 s, stop MAX_EPOCHS]", h.toString());
        History v = new History(List.of(4.0), List.of(3.0), List.of(0.5), History.StopReason.TARGET_ERROR);
        assertEquals("History[1 epochs, training error 4.0 -> 4.0, validation error 3.0, 0.500 s, stop TARGET_ERROR]",
                v.toString());
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

    /**
     * A trainer's history has one entry per epoch in each series, whichever loop ran and however
     * many times its arrays grew, and equals the history made from its own lists.
     */
    @Test
    void trainersRecordEveryEpochOnce() {
        Dataset d = TrainerTest.randomData(20, 3, 2, 4), validation = TrainerTest.randomData(8, 3, 2, 5);
        NetworkSpec spec = NetworkSpec.parse("3:4:2", "tanh,logistic");
        // the general loop, 150 epochs timed one by one (runs grown from 64), with and without validation
        for (Dataset v : new Dataset[] {validation, null}) {
            History h = new Trainer(TrainOptions.builder().mode(Mode.BATCH).epochs(150).build())
                    .fit(FeedForward.create(spec, 1), d, v);
            assertWhole(h, 150, v != null);
        }
        // the small-net loop, 5,000 XOR epochs timed in blocks of up to 64 (more than 64 blocks)
        Dataset xor = Dataset.of(new double[][] {{0, 0}, {0, 1}, {1, 0}, {1, 1}}, new double[][] {{0}, {1}, {1}, {0}});
        History h = new Trainer(TrainOptions.builder().mode(Mode.ONLINE).eta(0.5).momentum(0.9).epochs(5000).build())
                .fit(FeedForward.create(NetworkSpec.parse("2:3:1", "logistic"), 1), xor);
        assertWhole(h, 5000, false);
    }

    private static void assertWhole(History h, int epochs, boolean validated) {
        assertEquals(epochs, h.epochs());
        assertEquals(epochs, h.validationError().size());
        assertEquals(epochs, h.epochSeconds().size());
        for (int e = 0; e < epochs; e++) {
            assertTrue(Double.isFinite(h.trainError().get(e)), "training error of epoch " + e);
            assertEquals(validated, Double.isFinite(h.validationError().get(e)), "validation error of epoch " + e);
            assertTrue(h.epochSeconds().get(e) > 0, "time of epoch " + e);
        }
        History copy = new History(new ArrayList<>(h.trainError()), new ArrayList<>(h.validationError()),
                new ArrayList<>(h.epochSeconds()), h.stop());
        assertEquals(copy, h);
        assertEquals(copy.hashCode(), h.hashCode());
    }

    @Test
    void emptyHistoryHasNaNFinalErrors() {
        History h = new History(List.of(), List.of(), List.of(), History.StopReason.LISTENER);
        assertEquals(0, h.epochs());
        assertEquals(Double.NaN, h.finalTrainError());
        assertEquals(Double.NaN, h.finalValidationError());
    }
}
