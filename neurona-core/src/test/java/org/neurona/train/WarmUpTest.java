package org.neurona.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.neurona.data.Dataset;
import org.neurona.layer.Dense;
import org.neurona.loss.Loss;
import org.neurona.math.Rng;
import org.neurona.net.FeedForward;
import org.neurona.net.NetworkSpec;

class WarmUpTest {
    private static final NetworkSpec SPEC = NetworkSpec.parse("20:16:3", "relu,softmax");
    private static final TrainOptions OPTIONS = TrainOptions.builder().loss(Loss.CE).eta(0.05).momentum(0.9)
            .miniBatch(8).epochs(3).shuffle(true).seed(4).threads(2).build();

    /** 40 patterns of 20 inputs, three classes. */
    private static Dataset data() {
        Rng rng = new Rng(9);
        float[] x = new float[40 * 20], b = new float[40 * 3];
        for (int i = 0; i < x.length; i++) x[i] = (float) rng.nextDouble();
        for (int r = 0; r < 40; r++) b[r * 3 + rng.nextInt(3)] = 1;
        return new Dataset(x, b, 40, 20, 3);
    }

    private static float[] weights(FeedForward net) {
        float[] all = new float[0];
        for (Dense d : net.layers()) {
            float[] w = d.weights(), b = d.biases(), more = java.util.Arrays.copyOf(all, all.length + w.length + b.length);
            System.arraycopy(w, 0, more, all.length, w.length);
            System.arraycopy(b, 0, more, all.length + w.length, b.length);
            all = more;
        }
        return all;
    }

    /** Waits (at most a minute) until {@code w}'s thread has ended; whether it has. */
    private static boolean ends(WarmUp w) throws InterruptedException {
        for (int i = 0; i < 6000 && !w.done(); i++) Thread.sleep(10);
        return w.done();
    }

    @Test
    void trainingBesideAWarmUpGivesTheSameFloatsAsWithoutOne() throws InterruptedException {
        FeedForward alone = FeedForward.create(SPEC, OPTIONS.seed());
        History h = new Trainer(OPTIONS).fit(alone, data());

        FeedForward beside = FeedForward.create(SPEC, OPTIONS.seed());
        History g;
        try (WarmUp w = WarmUp.start(SPEC, OPTIONS)) {
            while (w.steps() < 3 && !w.done()) Thread.sleep(1); // it is running while the real net trains
            g = new Trainer(OPTIONS).fit(beside, data());
            assertTrue(w.steps() >= 3, "warm-up steps taken: " + w.steps());
        }
        assertArrayEquals(weights(alone), weights(beside));
        assertArrayEquals(h.trainErrorArray(), g.trainErrorArray());
    }

    @Test
    void closeStopsTheThread() throws InterruptedException {
        WarmUp w = WarmUp.start(SPEC, OPTIONS.toBuilder().mode(Mode.BATCH).build());
        while (w.steps() == 0 && !w.done()) Thread.sleep(1);
        w.close();
        assertTrue(ends(w), "the warm-up's thread ended after close");
        int steps = w.steps();
        assertTrue(steps > 0 && steps < WarmUp.MOST_STEPS, "steps " + steps);
    }

    @Test
    void netsOfTheSmallNetPathGetNone() {
        TrainOptions online = TrainOptions.builder().mode(Mode.ONLINE).eta(0.5).momentum(0.9).build();
        try (WarmUp w = WarmUp.start(NetworkSpec.parse("2:3:1", "logistic,logistic"), online)) {
            assertTrue(w.done());
            assertEquals(0, w.steps());
        }
    }

    @Test
    void optionsTheTrainerRejectsEndItQuietly() throws InterruptedException {
        // cross-entropy does not suit a linear output: the real training says so, the warm-up just ends
        TrainOptions bad = OPTIONS.toBuilder().loss(Loss.CE).build();
        WarmUp w = WarmUp.start(NetworkSpec.parse("4:3:2", "tanh,linear"), bad);
        assertTrue(ends(w), "the warm-up's thread ended by itself");
        assertEquals(0, w.steps());
        w.close();
    }
}
