package org.neurona.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.neurona.Lecture;
import org.neurona.data.Dataset;
import org.neurona.layer.Param;
import org.neurona.loss.Loss;
import org.neurona.math.Rng;
import org.neurona.net.FeedForward;
import org.neurona.net.NetworkSpec;

class TrainerTest {
    static final Dataset XOR = Dataset.of(new double[][] {{0, 0}, {0, 1}, {1, 0}, {1, 1}},
            new double[][] {{0}, {1}, {1}, {0}});

    @Test
    void lectureLinealExampleClassifiesEveryPoint() {
        Dataset d = Lecture.lineal();
        assertEquals(15, d.rows());
        Lecture.Result r = Lecture.backprop(d, 500, 0.1);
        assertEquals(500, r.errors().length);
        assertTrue(r.errors()[499] < r.errors()[0], "error falls: " + r.errors()[0] + " -> " + r.errors()[499]);
        float[] y = r.net().predict(d.x(), d.rows());
        for (int i = 0; i < d.rows(); i++) {
            assertEquals(d.b()[i], y[i] > 0.5 ? 1f : 0f, "point " + (i + 1) + " output " + y[i]);
        }
        assertEquals(1, r.weights().length);
        assertEquals(2, r.weights()[0].length);
        assertEquals(1, r.biases().length);
    }

    @Test
    void lettersAreTwentySixBinaryMapsOfFiveBySeven() {
        Dataset d = Lecture.letters();
        assertEquals(26, d.rows());
        assertEquals(35, d.inputs());
        assertArrayEquals(d.x(), d.b());
        for (float v : d.x()) assertTrue(v == 0 || v == 1, "pixel " + v);
        // A: 7 rows of 5 pixels, top row .XXX.
        assertArrayEquals(new float[] {0, 1, 1, 1, 0}, java.util.Arrays.copyOf(d.inputRow(0), 5));
    }

    @Test
    void backpropReturnsTheNetsWeights() {
        Lecture.Result r = Lecture.backprop(new double[][] {{0, 1}, {1, 0}}, new double[][] {{1}, {0}}, 10, 0.5);
        float[] w = r.net().layers().get(0).weights();
        assertEquals(w[0], r.weights()[0][0], 0);
        assertEquals(w[1], r.weights()[0][1], 0);
        assertEquals(r.net().layers().get(0).biases()[0], r.biases()[0], 0);
    }

    @Test
    void xorOnlineWithMomentumConvergesForAtLeast90Of100Seeds() {
        TrainOptions o = TrainOptions.builder().mode(Mode.ONLINE).eta(0.5).momentum(0.9).epochs(2000).build();
        NetworkSpec spec = NetworkSpec.parse("2:3:1", "logistic");
        int ok = 0;
        for (long seed = 1; seed <= 100; seed++) {
            FeedForward net = FeedForward.create(spec, seed);
            new Trainer(o.toBuilder().seed(seed).build()).fit(net, XOR);
            if (Trainer.error(net, XOR, Loss.SSE) < 0.05) ok++;
        }
        assertTrue(ok >= 90, "converged for " + ok + " of 100 seeds");
    }

    @Test
    void miniBatchOfAllPatternsEqualsFullBatch() {
        Dataset d = randomData(40, 3, 2, 9);
        float[] full = train(d, TrainOptions.builder().mode(Mode.BATCH).eta(0.05).momentum(0.5).epochs(20).build());
        float[] mini = train(d, TrainOptions.builder().miniBatch(40).eta(0.05).momentum(0.5).epochs(20).build());
        assertArrayEquals(full, mini);
    }

    @Test
    void miniBatchOfOneWithoutShufflingEqualsOnline() {
        Dataset d = randomData(30, 3, 2, 10);
        float[] online = train(d, TrainOptions.builder().mode(Mode.ONLINE).eta(0.1).momentum(0.9).epochs(15).build());
        float[] mini = train(d, TrainOptions.builder().miniBatch(1).eta(0.1).momentum(0.9).epochs(15).build());
        assertArrayEquals(online, mini);
    }

    @Test
    void sameSeedGivesBitIdenticalTraining() {
        Dataset d = randomData(300, 5, 3, 4);
        TrainOptions o = TrainOptions.builder().miniBatch(16).shuffle(true).eta(0.1).momentum(0.9).epochs(5).seed(3)
                .threads(2).build();
        assertArrayEquals(train(d, o), train(d, o));
    }

    @Test
    void batchesGatheredOnTwoThreadsTrainAsOnOne() {
        // 64 x 800 floats a batch, enough for the gather to be split among the threads; 301 rows
        // leave a last batch of 45, split 22 + 23
        Dataset d = randomData(301, 800, 2, 5);
        TrainOptions o = TrainOptions.builder().miniBatch(64).shuffle(true).eta(0.05).momentum(0.9).epochs(3).seed(4)
                .build();
        assertArrayEquals(train(d, o), train(d, o.toBuilder().threads(2).build()));
    }

    @Test
    void shufflingChangesTheOrderAndStillLearns() {
        Dataset d = randomData(64, 3, 1, 12);
        TrainOptions o = TrainOptions.builder().miniBatch(8).eta(0.05).epochs(50).build();
        float[] inOrder = train(d, o);
        float[] shuffled = train(d, o.toBuilder().shuffle(true).build());
        assertTrue(!java.util.Arrays.equals(inOrder, shuffled));
    }

    @Test
    void l2RegularisationShrinksWeights() {
        Dataset d = randomData(50, 4, 1, 6);
        TrainOptions o = TrainOptions.builder().mode(Mode.BATCH).eta(0.02).epochs(300).build();
        double plain = norm(train(d, o)), decayed = norm(train(d, o.toBuilder().lambda(0.05).build()));
        assertTrue(decayed < 0.8 * plain, "L2 norm " + decayed + " vs " + plain);
    }

    @Test
    void targetErrorStopsEarly() {
        FeedForward net = FeedForward.create(NetworkSpec.parse("2:3:1", "logistic"), 2);
        History h = new Trainer(TrainOptions.builder().mode(Mode.ONLINE).eta(0.5).momentum(0.9).epochs(5000)
                .targetError(0.1).build()).fit(net, XOR);
        assertEquals(History.StopReason.TARGET_ERROR, h.stop());
        assertTrue(h.epochs() < 5000);
        assertTrue(h.finalTrainError() <= 0.1);
    }

    @Test
    void listenerSeesEveryEpochAndCanStop() {
        FeedForward net = FeedForward.create(NetworkSpec.parse("2:3:1", "logistic"), 2);
        int[] seen = {0};
        History h = new Trainer(TrainOptions.builder().epochs(100).build()).fit(net, XOR, XOR, e -> {
            seen[0]++;
            assertTrue(Double.isFinite(e.validationError()));
            if (e.number() == 7) e.requestStop();
        });
        assertEquals(7, seen[0]);
        assertEquals(7, h.epochs());
        assertEquals(History.StopReason.LISTENER, h.stop());
    }

    @Test
    void validationErrorIsTheErrorAfterTheEpoch() {
        FeedForward net = FeedForward.create(NetworkSpec.parse("2:3:1", "logistic"), 5);
        History h = new Trainer(TrainOptions.builder().epochs(3).build()).fit(net, XOR, XOR);
        assertEquals(Trainer.error(net, XOR, Loss.SSE), h.finalValidationError(), 1e-6);
    }

    @Test
    void badInputIsRejectedWithAMessageNamingIt() {
        FeedForward net = FeedForward.create(NetworkSpec.parse("3:2:1", "logistic"), 1);
        Trainer t = new Trainer(TrainOptions.builder().build());
        var e = assertThrows(IllegalArgumentException.class, () -> t.fit(net, XOR));
        assertTrue(e.getMessage().contains("2 input columns") && e.getMessage().contains("3 inputs"), e.getMessage());
        FeedForward oneSoftmax = FeedForward.create(NetworkSpec.parse("2:3:1", "tanh,softmax"), 1);   // a model may hold one
        e = assertThrows(IllegalArgumentException.class, () -> t.fit(oneSoftmax, XOR));
        assertTrue(e.getMessage().contains("softmax over one output unit always gives 1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> TrainOptions.builder().epochs(0).build());
        assertTrue(e.getMessage().contains("epochs must be >= 1, got 0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> TrainOptions.builder().eta(-0.1).build());
        assertTrue(e.getMessage().contains("eta must be positive, got -0.1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> TrainOptions.builder().eta(0).build());
        assertTrue(e.getMessage().contains("got 0.0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> NetworkSpec.parse("2::1", "logistic"));
        assertTrue(e.getMessage().contains("'2::1'") && e.getMessage().contains("size 2"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> NetworkSpec.parse("2:3:1", "logistik"));
        assertTrue(e.getMessage().contains("logistik"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Dataset.of(new double[][] {{0, Double.NaN}},
                new double[][] {{1}}));
        assertTrue(e.getMessage().contains("row 1, column 2 is NaN"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Dataset.of(new double[][] {{0, 1}},
                new double[][] {{Double.POSITIVE_INFINITY}}));
        assertTrue(e.getMessage().contains("Infinity"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> net.predict(new float[] {1, 2}));
        assertTrue(e.getMessage().contains("3 inputs"), e.getMessage());
    }

    @Test
    void crossEntropyNeedsProbabilityOutputs() {
        FeedForward net = FeedForward.create(NetworkSpec.parse("2:3:1", "logistic,linear"), 1);
        var e = assertThrows(IllegalArgumentException.class,
                () -> new Trainer(TrainOptions.builder().loss(Loss.CE).build()).fit(net, XOR));
        assertTrue(e.getMessage().contains("softmax or logistic"), e.getMessage());
    }

    @Test
    void divergingTrainingStopsWithTheEpochAndAdvice() {
        Dataset d = randomData(20, 2, 1, 1);
        Dataset big = new Dataset(scale(d.x(), 1e3f), scale(d.b(), 1e3f), d.rows(), 2, 1);
        FeedForward net = FeedForward.create(NetworkSpec.parse("2:8:1", "linear"), 1);
        var e = assertThrows(TrainingDivergedException.class,
                () -> new Trainer(TrainOptions.builder().eta(10).epochs(100).build()).fit(net, big));
        assertTrue(e.getMessage().matches("training diverged at epoch \\d+: .*try a smaller learning rate than 10.0"),
                e.getMessage());
    }

    private static float[] scale(float[] v, float k) {
        float[] r = v.clone();
        for (int i = 0; i < r.length; i++) r[i] *= k;
        return r;
    }

    static Dataset randomData(int rows, int in, int out, long seed) {
        Rng rng = new Rng(seed);
        double[][] x = new double[rows][in], b = new double[rows][out];
        for (int r = 0; r < rows; r++) {
            double s = 0;
            for (int i = 0; i < in; i++) s += x[r][i] = rng.uniform(-1, 1);
            for (int o = 0; o < out; o++) b[r][o] = s + o > 0 ? 0.9 : 0.1;
        }
        return Dataset.of(x, b);
    }

    private static float[] train(Dataset d, TrainOptions o) {
        FeedForward net = FeedForward.create(NetworkSpec.parse(d.inputs() + ":4:" + d.outputs(), "logistic"), 42);
        new Trainer(o).fit(net, d);
        return flatten(net.params());
    }

    static float[] flatten(List<Param> ps) {
        int n = 0;
        for (Param p : ps) n += p.size();
        float[] out = new float[n];
        int k = 0;
        for (Param p : ps) {
            System.arraycopy(p.value(), 0, out, k, p.size());
            k += p.size();
        }
        return out;
    }

    private static double norm(float[] w) {
        double s = 0;
        for (float v : w) s += v * v;
        return Math.sqrt(s);
    }
}
