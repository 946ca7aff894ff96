package org.neurona.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.lang.invoke.MethodHandle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.function.IntFunction;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.neurona.activation.Activation;
import org.neurona.activation.Logistic;
import org.neurona.activation.Tanh;
import org.neurona.data.Dataset;
import org.neurona.layer.Param;
import org.neurona.loss.Loss;
import org.neurona.net.FeedForward;
import org.neurona.net.NetworkSpec;
import org.neurona.train.rule.LearningRule;
import org.neurona.train.rule.Optimizer;
import org.neurona.train.rule.Sgd;

/** The small-net online path does exactly what the generic batch path does with batches of one. */
class SmallNetOnlineTest {

    /** Sgd behind another type, so the trainer takes the generic path. */
    record Generic(Sgd sgd) implements LearningRule {
        public String name() { return sgd.name(); }
        public double learningRate() { return sgd.eta(); }
        public Optimizer create(List<Param> params) { return sgd.create(params); }
    }

    /** The trained weights followed by the per-epoch training errors, as floats to compare bit for bit. */
    private static float[] train(NetworkSpec spec, Loss loss, LearningRule rule, double lambda, Dataset d) {
        return train(spec, loss, rule, lambda, d, null);
    }

    /**
     * The same with a validation set (null: none), whose error after each epoch follows the
     * training errors: with one, the trainer's general loop runs the small-net path's epochs.
     */
    private static float[] train(NetworkSpec spec, Loss loss, LearningRule rule, double lambda, Dataset d,
                                 Dataset validation) {
        FeedForward net = FeedForward.create(spec, 3);
        TrainOptions o = TrainOptions.builder().mode(Mode.ONLINE).rule(rule).loss(loss).lambda(lambda).epochs(40)
                .shuffle(true).seed(5).build();
        History h = new Trainer(o).fit(net, d, validation);
        assertEquals(h.epochs(), h.validationError().size());
        assertEquals(h.epochs(), h.epochSeconds().size());
        float[] w = TrainerTest.flatten(net.params());
        double[] errors = new double[2 * h.epochs()];
        for (int e = 0; e < h.epochs(); e++) {
            errors[e] = h.trainError().get(e);
            errors[h.epochs() + e] = h.validationError().get(e);
            assertEquals(validation == null, Double.isNaN(errors[h.epochs() + e]), "validation error of epoch " + e);
        }
        return withErrors(w, errors);
    }

    /** {@code w} followed by each error as two floats: its value and its low digits. */
    private static float[] withErrors(float[] w, double... errors) {
        float[] out = Arrays.copyOf(w, w.length + 2 * errors.length);
        for (int e = 0; e < errors.length; e++) {
            out[w.length + 2 * e] = (float) errors[e];
            out[w.length + 2 * e + 1] = (float) (errors[e] - (float) errors[e]);
        }
        return out;
    }

    private static void assertSame(String layers, String act, boolean bias, Loss loss, Sgd sgd, double lambda,
                                   Dataset d) {
        assertSame(NetworkSpec.parse(layers, act).withBias(bias), loss, sgd, lambda, d);
    }

    private static void assertSame(NetworkSpec spec, Loss loss, Sgd sgd, double lambda, Dataset d) {
        float[] fast = train(spec, loss, sgd, lambda, d);
        float[] slow = train(spec, loss, new Generic(sgd), lambda, d);
        assertArrayEquals(slow, fast, spec + " " + loss + " " + sgd + " lambda " + lambda);
    }

    @Test
    void bitIdenticalToTheGenericPath() {
        Dataset d = TrainerTest.randomData(25, 3, 2, 8);
        for (Sgd sgd : new Sgd[] {new Sgd(0.3, 0), new Sgd(0.3, 0.9), new Sgd(0.1, 0.8, true)}) {
            for (double lambda : new double[] {0, 0.01}) {
                assertSame("3:4:2", "tanh,logistic", true, Loss.SSE, sgd, lambda, d);
            }
        }
        assertSame("3:5:3:2", "relu,tanh,softmax", true, Loss.CE, new Sgd(0.1, 0.5), 0, d);
        assertSame("3:4:2", "logistic,linear", true, Loss.MSE, new Sgd(0.1, 0.5), 0, d);
    }

    /** Fan-ins of 1 and 12, no biases, softmax under SSE (not fused), logistic under CE (fused). */
    @Test
    void bitIdenticalAcrossShapesAndLosses() {
        Dataset one = TrainerTest.randomData(20, 1, 1, 9);
        assertSame("1:3:1", "selu,softsign", true, Loss.SSE, new Sgd(0.05, 0.9), 0, one);
        Dataset wide = TrainerTest.randomData(30, 12, 3, 10);
        assertSame("12:7:3", "logistic:2,tanh", false, Loss.SSE, new Sgd(0.05, 0.9), 0.001, wide);
        assertSame("12:7:3", "softplus,softmax", true, Loss.SSE, new Sgd(0.1, 0.5), 0, wide);
        assertSame("12:7:3", "leakyrelu,logistic", true, Loss.CE, new Sgd(0.1, 0), 0, wide);
        // one layer; two layers with softmax under cross-entropy (the x:h:y loop, fused delta)
        Dataset d = TrainerTest.randomData(25, 3, 2, 8);
        assertSame("3:2", "logistic", true, Loss.SSE, new Sgd(0.2, 0.9), 0, d);
        assertSame("3:2", "softmax", false, Loss.CE, new Sgd(0.2, 0), 0, d);
        assertSame("3:4:2", "tanh,softmax", true, Loss.CE, new Sgd(0.1, 0.9), 0.001, d);
    }

    /** With a validation set the trainer's general loop runs the small path's epochs: the same floats. */
    @Test
    void bitIdenticalWithAValidationSet() {
        Dataset d = TrainerTest.randomData(25, 3, 2, 8), validation = TrainerTest.randomData(10, 3, 2, 9);
        for (String[] net : new String[][] {{"3:4:2", "tanh,logistic"}, {"3:5:3:2", "relu,tanh,logistic"}}) {
            NetworkSpec spec = NetworkSpec.parse(net[0], net[1]);
            Sgd sgd = new Sgd(0.2, 0.9);
            assertArrayEquals(train(spec, Loss.SSE, new Generic(sgd), 0, d, validation),
                    train(spec, Loss.SSE, sgd, 0, d, validation), String.join(" ", net));
        }
    }

    /** 40 epochs straight through the small-net path, its layer steps copies per shape or not; the weights and loss. */
    private static float[] epochs(String layers, String act, boolean bias, Sgd sgd, double lambda, Dataset d,
                                  boolean shaped) {
        FeedForward net = FeedForward.create(NetworkSpec.parse(layers, act).withBias(bias), 7);
        TrainOptions o = TrainOptions.builder().mode(Mode.ONLINE).rule(sgd).lambda(lambda).build();
        SmallNetOnline small = new SmallNetOnline(net, o, shaped);
        for (OnlineLayer layer : small.layers) {
            assertEquals(shaped, layer.getClass().isHidden(), layers + " " + layer.getClass());
        }
        int[] order = new int[d.rows()];
        for (int i = 0; i < order.length; i++) order[i] = (i * 7) % order.length;
        double sum = 0;
        for (int e = 0; e < 40; e++) sum += small.epoch(d, order);
        return withErrors(TrainerTest.flatten(net.params()), sum);
    }

    /** The steps compiled for a layer's shape do what the class as loaded does, float for float. */
    @Test
    void copiesPerShapeTrainAsTheClassAsLoaded() {
        Dataset d = TrainerTest.randomData(24, 3, 2, 11);
        for (Sgd sgd : new Sgd[] {new Sgd(0.3, 0), new Sgd(0.3, 0.9), new Sgd(0.1, 0.8, true)}) {
            for (double lambda : new double[] {0, 0.01}) {
                for (String layers : new String[] {"3:2", "3:4:2", "3:5:4:3:2:2"}) {
                    int depth = layers.split(":").length - 1;
                    String act = String.join(",", Collections.nCopies(depth - 1, "tanh")) + (depth > 1 ? "," : "")
                            + "logistic";
                    for (boolean bias : new boolean[] {true, false}) {
                        assertArrayEquals(epochs(layers, act, bias, sgd, lambda, d, false),
                                epochs(layers, act, bias, sgd, lambda, d, true),
                                layers + " " + act + " bias " + bias + " " + sgd + " lambda " + lambda);
                    }
                }
            }
        }
        // the activation's parameter is a constant in the copy: each slope its own copy, each right
        for (String act : new String[] {"logistic", "logistic:2", "tanh:0.5", "softexponential:0.3"}) {
            assertArrayEquals(epochs("3:4:2", act, true, new Sgd(0.1, 0.9), 0, d, false),
                    epochs("3:4:2", act, true, new Sgd(0.1, 0.9), 0, d, true), act);
        }
    }

    /** One hidden class per small (inputs, units, rule, activation), shared by the layers of that shape. */
    @Test
    void oneCopyPerLayerShape() {
        FeedForward net = FeedForward.create(NetworkSpec.parse("4:4:4:2", "tanh,tanh,logistic"), 1);
        Sgd momentum = new Sgd(0.1, 0.9), plain = new Sgd(0.1, 0);
        OnlineLayer a = OnlineLayer.of(net.layers().get(0), momentum, 0);
        OnlineLayer b = OnlineLayer.of(net.layers().get(1), momentum, 0);
        OnlineLayer c = OnlineLayer.of(net.layers().get(2), momentum, 0);
        OnlineLayer p = OnlineLayer.of(net.layers().get(1), plain, 0);
        assertTrue(a.getClass().isHidden(), a.getClass().getName());
        assertEquals(a.getClass(), b.getClass());
        assertFalse(a.getClass() == c.getClass(), "4->2 shares the class of 4->4");
        assertFalse(b.getClass() == p.getClass(), "plain SGD shares the class of momentum");
        FeedForward other = FeedForward.create(NetworkSpec.parse("4:4:4", "tanh,logistic"), 2);
        assertEquals(a.getClass(), OnlineLayer.of(other.layers().get(0), momentum, 0).getClass());
        assertFalse(a.getClass() == OnlineLayer.of(other.layers().get(1), momentum, 0).getClass(),
                "a logistic layer shares the class of a tanh layer");
        FeedForward slopes = FeedForward.create(NetworkSpec.parse("4:4:4", "logistic:2,logistic"), 2);
        assertFalse(OnlineLayer.of(slopes.layers().get(0), momentum, 0).getClass()
                == OnlineLayer.of(slopes.layers().get(1), momentum, 0).getClass(), "logistic:2 shares logistic's class");
        FeedForward wide = FeedForward.create(NetworkSpec.parse("40:3", "logistic"), 1);
        assertEquals(OnlineLayerCode.class, OnlineLayer.of(wide.layers().get(0), momentum, 0).getClass(),
                "a layer of more than OnlineLayer.SMALL inputs takes the class as loaded");
    }

    /** tanh(k z), a user's activation whose {@code equals} calls every instance equal, whatever k. */
    static final class LooseTanh implements Activation {
        private final Tanh tanh;

        LooseTanh(double k) {
            tanh = new Tanh(k);
        }

        public String name() { return "loose-tanh"; }
        public double value(double x) { return tanh.value(x); }
        public double derivative(double x) { return tanh.derivative(x); }
        @Override public boolean equals(Object o) { return o instanceof LooseTanh; }
        @Override public int hashCode() { return 1; }
    }

    /**
     * A user's activation is not a constant in the copy, which reads it from the layer: layers
     * of two functions its {@code equals} confuses share a class and still each compute their own.
     */
    @Test
    void aUsersActivationIsReadFromTheLayer() {
        NetworkSpec shape = NetworkSpec.parse("3:4:2", "tanh,tanh");
        NetworkSpec one = new NetworkSpec(shape.sizes(), List.of(new LooseTanh(1), new Logistic()), true, shape.init());
        NetworkSpec three = new NetworkSpec(shape.sizes(), List.of(new LooseTanh(3), new Logistic()), true, shape.init());
        Sgd sgd = new Sgd(0.1, 0.9);
        OnlineLayer a = OnlineLayer.of(FeedForward.create(one, 1).layers().get(0), sgd, 0);
        OnlineLayer b = OnlineLayer.of(FeedForward.create(three, 1).layers().get(0), sgd, 0);
        assertTrue(a.getClass().isHidden());
        assertEquals(a.getClass(), b.getClass());
        assertNull(a.shape().f(), "a user's activation in the class data");
        Dataset d = TrainerTest.randomData(25, 3, 2, 12);
        assertSame(one, Loss.SSE, sgd, 0, d);
        assertSame(three, Loss.SSE, sgd, 0, d);
        assertFalse(Arrays.equals(train(one, Loss.SSE, sgd, 0, d), train(three, Loss.SSE, sgd, 0, d)));
    }

    /** A copy's constructor takes only layers of the shape it was made for. */
    @Test
    void aCopyRefusesALayerOfAnotherShape() {
        OnlineLayer.Copies copies = new OnlineLayer.Copies(OnlineLayer.Copies.read(), 4);
        Sgd sgd = new Sgd(0.1, 0.9);
        MethodHandle make = copies.constructor(OnlineLayer.Shape.of(3, 2, OnlineLayer.MOMENTUM, new Logistic()));
        assertNotNull(make);
        FeedForward right = FeedForward.create(NetworkSpec.parse("3:2", "logistic"), 1);
        assertTrue(OnlineLayer.Copies.make(make, right.layers().get(0), sgd, 0).getClass().isHidden());
        for (String[] wrong : new String[][] {{"3:2", "tanh"}, {"2:2", "logistic"}, {"3:3", "logistic"},
                {"3:2", "logistic:2"}}) {
            FeedForward net = FeedForward.create(NetworkSpec.parse(wrong[0], wrong[1]), 1);
            assertThrows(IllegalStateException.class, () -> OnlineLayer.Copies.make(make, net.layers().get(0), sgd, 0),
                    String.join(" ", wrong));
        }
        assertThrows(IllegalStateException.class,
                () -> OnlineLayer.Copies.make(make, right.layers().get(0), new Sgd(0.1, 0), 0), "plain SGD");
        assertThrows(IllegalStateException.class,
                () -> OnlineLayer.Copies.make(make, right.layers().get(0), sgd, 0.01), "weight decay");
    }

    private static byte[] classFile(Class<?> c) throws IOException {
        try (InputStream in = c.getResourceAsStream(c.getSimpleName() + ".class")) {
            return in.readAllBytes();
        }
    }

    /**
     * Copies are made only from a class file that computes what the class as loaded computes:
     * another class's file (which would make copies) or one that does not load is refused.
     */
    @Test
    void onlyTheLoadedClassesOwnFileMakesCopies() throws IOException {
        byte[] own = OnlineLayer.Copies.read();
        assertArrayEquals(classFile(OnlineLayerCode.class), own);
        assertNotNull(OnlineLayer.Copies.checked(own));
        byte[] skewed = classFile(SkewedCode.class);
        OnlineLayer.Shape shape = OnlineLayer.Shape.of(3, 2, OnlineLayer.MOMENTUM, new Logistic());
        assertNotNull(new OnlineLayer.Copies(skewed, 4).constructor(shape), "the skewed class file defines no copy");
        assertNull(OnlineLayer.Copies.checked(skewed));
        assertNull(OnlineLayer.Copies.checked(Arrays.copyOf(own, own.length / 2)));
        assertNull(OnlineLayer.Copies.checked(null));
    }

    /**
     * Past the cap, or when copies cannot be defined, layers take the class as loaded, and the
     * copies made stay in use.
     */
    @Test
    void pastTheCapOrWhenCopiesFailLayersTakeTheClassAsLoaded() {
        List<LogRecord> said = new ArrayList<>();
        Logger log = Logger.getLogger(OnlineLayer.class.getName());
        Handler keep = new Handler() {
            @Override public void publish(LogRecord r) { said.add(r); }
            @Override public void flush() {}
            @Override public void close() {}
        };
        boolean parents = log.getUseParentHandlers();
        log.addHandler(keep);
        log.setUseParentHandlers(false); // heard here, not printed
        try {
            OnlineLayer.Copies two = new OnlineLayer.Copies(OnlineLayer.Copies.read(), 2);
            FeedForward net = FeedForward.create(NetworkSpec.parse("3:4:5:2", "tanh"), 1);
            Sgd sgd = new Sgd(0.1, 0.9);
            Class<?>[] classes = new Class<?>[3];
            for (int l = 0; l < 3; l++) classes[l] = OnlineLayer.of(net.layers().get(l), sgd, 0, two).getClass();
            assertTrue(classes[0].isHidden() && classes[1].isHidden());
            assertEquals(OnlineLayerCode.class, classes[2]);
            assertEquals(2, two.size());
            assertEquals(classes[0], OnlineLayer.of(net.layers().get(0), sgd, 0, two).getClass());
            OnlineLayer.of(FeedForward.create(NetworkSpec.parse("3:6:2", "tanh"), 1).layers().get(0), sgd, 0, two);
            assertEquals(1, said.size(), "the cap is told once");
            assertEquals(Level.INFO, said.get(0).getLevel());

            OnlineLayer.Copies broken = new OnlineLayer.Copies(new byte[] {(byte) 0xCA, (byte) 0xFE, 0, 1}, 8);
            for (int l = 0; l < 3; l++) {
                assertEquals(OnlineLayerCode.class, OnlineLayer.of(net.layers().get(l), sgd, 0, broken).getClass());
            }
            assertEquals(0, broken.size());
            assertEquals(2, said.size(), "the failure is told once");
            assertEquals(Level.WARNING, said.get(1).getLevel());
            assertTrue(said.get(1).getMessage().contains("ClassFormatError"), said.get(1).getMessage());
        } finally {
            log.removeHandler(keep);
            log.setUseParentHandlers(parents);
        }
    }

    /**
     * The step may not use lambdas or method references: the JDK would generate classes naming
     * it, which a hidden copy cannot be (string concatenation's call sites are allowed).
     */
    @Test
    void theStepHasNoLambdas() throws IOException {
        String constants = new String(classFile(OnlineLayerCode.class), StandardCharsets.ISO_8859_1);
        assertFalse(constants.contains("LambdaMetafactory"), "OnlineLayerCode makes a lambda");
        assertFalse(constants.contains("lambda$"), "OnlineLayerCode has a lambda body");
    }

    @Test
    void everyEpochGetsATimeAndTheTimesAddUpToTheRun() {
        // XOR epochs take about a microsecond once compiled, so most are timed in blocks
        Dataset xor = Dataset.of(new double[][] {{0, 0}, {0, 1}, {1, 0}, {1, 1}}, new double[][] {{0}, {1}, {1}, {0}});
        FeedForward net = FeedForward.create(NetworkSpec.parse("2:3:1", "logistic"), 1);
        TrainOptions o = TrainOptions.builder().mode(Mode.ONLINE).eta(0.5).momentum(0.9).epochs(20_000).build();
        long t0 = System.nanoTime();
        History h = new Trainer(o).fit(net, xor);
        double wall = (System.nanoTime() - t0) / 1e9;
        assertEquals(20_000, h.epochSeconds().size());
        double sum = 0;
        for (double s : h.epochSeconds()) {
            assertTrue(s > 0 && s < wall, "an epoch of " + s + " s in a run of " + wall + " s");
            sum += s;
        }
        // no epoch is left without a time (a block not closed would leave zeros), and none is
        // counted twice; how much of the run is set-up outside the epochs depends on the machine
        assertTrue(sum <= wall, "epochs add up to " + sum + " s of a " + wall + " s run");

        // stopping at the target error closes the open block: the last epoch has its time too
        FeedForward again = FeedForward.create(NetworkSpec.parse("2:3:1", "logistic"), 1);
        double target = h.trainError().get(9_999);
        t0 = System.nanoTime();
        History stopped = new Trainer(TrainOptions.builder().mode(Mode.ONLINE).eta(0.5).momentum(0.9).epochs(20_000)
                .targetError(target).build()).fit(again, xor);
        wall = (System.nanoTime() - t0) / 1e9;
        assertEquals(History.StopReason.TARGET_ERROR, stopped.stop());
        assertEquals(10_000, stopped.epochSeconds().size());
        sum = 0;
        for (double s : stopped.epochSeconds()) {
            assertTrue(s > 0, "an epoch of the stopped run has no time");
            sum += s;
        }
        assertTrue(sum <= wall, "the stopped run's epochs add up to " + sum + " s of " + wall);
    }

    @Test
    void makingATrainingSetThatChangesIsNotTrainingTime() {
        // the set is the same object for 300 epochs, then made afresh each epoch by a maker that
        // sleeps 50 ms: a training set given as a function is timed epoch by epoch, each epoch
        // from the moment its set is ready, so none of the sleeps counts
        Dataset xor = Dataset.of(new double[][] {{0, 0}, {0, 1}, {1, 0}, {1, 1}}, new double[][] {{0}, {1}, {1}, {0}});
        int epochs = 310, changeFrom = 301;
        IntFunction<Dataset> sets = epoch -> {
            if (epoch < changeFrom) return xor;
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Dataset.of(new double[][] {{0, 0}, {0, 1}, {1, 0}, {1, 1}}, new double[][] {{0}, {1}, {1}, {0}});
        };
        FeedForward net = FeedForward.create(NetworkSpec.parse("2:3:1", "logistic"), 1);
        TrainOptions o = TrainOptions.builder().mode(Mode.ONLINE).eta(0.5).momentum(0.9).epochs(epochs).build();
        long t0 = System.nanoTime();
        History h = new Trainer(o).fit(net, sets, null);
        double wall = (System.nanoTime() - t0) / 1e9;
        assertEquals(epochs, h.epochSeconds().size());
        double sum = 0;
        for (int e = 0; e < epochs; e++) {
            double s = h.epochSeconds().get(e);
            assertTrue(s > 0, "epoch " + (e + 1) + " has no time");
            if (e + 1 >= changeFrom) assertTrue(s < 0.040, "epoch " + (e + 1) + " took " + s + " s: its set's making counted");
            sum += s;
        }
        // the ten sleeps of 50 ms lie outside the epochs
        assertTrue(sum < wall - 0.45, "epochs add up to " + sum + " s of a " + wall + " s run");
    }

    @Test
    void appliesOnlyToOnlineSgd() {
        FeedForward net = FeedForward.create(NetworkSpec.parse("2:3:1", "logistic"), 1);
        assertTrue(SmallNetOnline.applies(net, TrainOptions.builder().mode(Mode.ONLINE).build(), 4));
        assertFalse(SmallNetOnline.applies(net, TrainOptions.builder().mode(Mode.BATCH).build(), 4));
        assertFalse(SmallNetOnline.applies(net, TrainOptions.builder().mode(Mode.ONLINE)
                .rule(new Generic(new Sgd(0.1, 0))).build(), 4));
    }
}
