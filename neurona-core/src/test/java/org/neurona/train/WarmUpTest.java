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
    void closeStopsTheThreadAfterTheStepInProgress() throws InterruptedException {
        WarmUp w = WarmUp.start(SPEC, OPTIONS.toBuilder().mode(Mode.BATCH).build());
        while (w.steps() == 0 && !w.done()) Thread.sleep(1);
        w.close();
        int atClose = w.steps();
        assertTrue(ends(w), "the warm-up's thread ended after close");
        assertTrue(atClose > 0 && w.steps() <= atClose + 1, "steps at close " + atClose + ", after " + w.steps());
    }

    @Test
    void aWarmUpBesideAThreadedRunOfThePackedKernelsChangesNothing() throws InterruptedException {
        // products large enough for the packed kernels and both threads, a stochastic and a parametric activation
        NetworkSpec spec = NetworkSpec.parse("64:256:128:10", "rrelu,prelu,softmax");
        TrainOptions o = TrainOptions.builder().loss(Loss.CE).eta(0.02).momentum(0.9).miniBatch(64).epochs(2)
                .shuffle(true).seed(3).threads(2).build();
        Rng rng = new Rng(5);
        float[] x = new float[256 * 64], b = new float[256 * 10];
        for (int i = 0; i < x.length; i++) x[i] = (float) rng.nextDouble();
        for (int r = 0; r < 256; r++) b[r * 10 + rng.nextInt(10)] = 1;
        Dataset data = new Dataset(x, b, 256, 64, 10);

        FeedForward alone = FeedForward.create(spec, o.seed());
        new Trainer(o).fit(alone, data);
        FeedForward beside = FeedForward.create(spec, o.seed());
        try (WarmUp w = WarmUp.start(spec, o)) {
            while (w.steps() < 2 && !w.done()) Thread.sleep(1);
            new Trainer(o).fit(beside, data);
            assertTrue(w.steps() >= 2, "warm-up steps taken: " + w.steps());
        }
        assertArrayEquals(weights(alone), weights(beside));
    }

    @Test
    void netsTooLargeForTheHeapGetNone() {
        // 10 million inputs: its made-up batch alone would take gigabytes
        try (WarmUp w = WarmUp.start(NetworkSpec.parse("10000000:1", "logistic"), OPTIONS.toBuilder().loss(Loss.SSE)
                .build())) {
            assertTrue(w.done());
        }
        assertTrue(WarmUp.bytes(new int[] {10_000_000, 1}, 8) > WarmUp.mostBytes());
        // 784:256:128:10 in batches of 128: about 5 MB
        long fmnist = WarmUp.bytes(new int[] {784, 256, 128, 10}, 128);
        assertTrue(fmnist > 4_000_000 && fmnist < 6_000_000, "bytes " + fmnist);
    }

    @Test
    void aUsersActivationGetsNone() {
        NetworkSpec spec = new NetworkSpec(new int[] {20, 16, 3}, java.util.List.of(new SmallNetOnlineTest.LooseTanh(1),
                new org.neurona.activation.Softmax()), true, SPEC.init());
        try (WarmUp w = WarmUp.start(spec, OPTIONS)) {
            assertTrue(w.done(), "a user's class is not called from another thread");
        }
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
        java.io.PrintStream err = System.err;
        java.io.ByteArrayOutputStream printed = new java.io.ByteArrayOutputStream();
        System.setErr(new java.io.PrintStream(printed, true));
        try {
            WarmUp w = WarmUp.start(NetworkSpec.parse("4:3:2", "tanh,linear"), bad);
            assertTrue(ends(w), "the warm-up's thread ended by itself");
            assertEquals(0, w.steps());
            w.close();
        } finally {
            System.setErr(err);
        }
        assertEquals("", printed.toString(), "nothing printed");
    }
}
