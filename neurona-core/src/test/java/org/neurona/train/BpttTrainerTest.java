package org.neurona.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.neurona.layer.Param;
import org.neurona.loss.Loss;
import org.neurona.math.Rng;
import org.neurona.net.recurrent.RecurrentNet;
import org.neurona.net.recurrent.RecurrentReference;
import org.neurona.net.recurrent.RecurrentSpec.Kind;
import org.neurona.net.recurrent.RecurrentSpec;
import org.neurona.train.rule.Sgd;

class BpttTrainerTest {

    /** Constant input 1, target 1, 0, 1, 0, ...: only the output history tells what comes next. */
    private static float[][] alternation(int n) {
        float[] x = new float[n], b = new float[n];
        for (int t = 0; t < n; t++) {
            x[t] = 1;
            b[t] = t % 2 == 0 ? 1 : 0;
        }
        return new float[][] {x, b};
    }

    /** One-step MSE of the net over the whole sequence from a zero context. */
    private static double evaluate(RecurrentNet net, float[] x, float[] b) {
        net.resetContext();
        float[] y = net.predict(x, b.length);
        double s = 0;
        for (int t = 0; t < b.length; t++) s += (y[t] - b[t]) * (y[t] - b[t]);
        return s / b.length;
    }

    @Test
    void oneWindowUpdateIsMinusEtaTimesTheBpttGradientWithL2() {
        Rng rng = new Rng(41);
        RecurrentNet net = RecurrentNet.create(RecurrentSpec.jordan(2, 4, 2).withMu(0.3).withInitScale(0.7), rng);
        int k = 6;
        float[] x = new float[k * 2], b = new float[k * 2];
        for (int i = 0; i < x.length; i++) {
            x[i] = rng.uniformFloat(-1, 1);
            b[i] = rng.uniformFloat(-1, 1);
        }
        double eta = 0.05, lambda = 0.02;
        RecurrentReference ref = new RecurrentReference(net);
        double[][] g = ref.gradient(toDouble(x), toDouble(b), k, new double[2], 1.0 / (k * 2), lambda);
        double[][] before = ref.weights();
        BpttOptions o = new BpttOptions(new Sgd(eta, 0), 1, 0, true, lambda, 0, Loss.MSE);
        new BpttTrainer(o).train(net, x, b, k);
        for (int p = 0; p < 5; p++) {
            Param param = net.params().get(p);
            for (int i = 0; i < param.size(); i++) {
                assertEquals(before[p][i] - eta * g[p][i], param.value()[i], 1e-6, param.name() + "[" + i + "]");
            }
        }
    }

    @Test
    void clippingScalesTheGradientToTheGivenNorm() {
        Param[] params = {new Param("a", new float[2], new float[] {3, 0}, true),
                new Param("b", new float[1], new float[] {4}, false)};
        BpttTrainer.clip(params, 1.0);
        assertEquals(0.6f, params[0].grad()[0], 1e-7);
        assertEquals(0.8f, params[1].grad()[0], 1e-7);
        BpttTrainer.clip(params, 2.0); // already shorter: unchanged
        assertEquals(0.6f, params[0].grad()[0], 1e-7);
    }

    @Test
    void clippedUpdateMovesTheWeightsByAtMostEtaTimesTheNorm() {
        Rng rng = new Rng(42);
        RecurrentNet net = RecurrentNet.create(RecurrentSpec.elman(1, 5, 1), rng);
        float[][] d = alternation(30);
        float[] before = flat(net);
        new BpttTrainer(new BpttOptions(new Sgd(0.1, 0), 1, 0, true, 0, 0.01, Loss.SSE))
                .train(net, d[0], d[1], 30);
        float[] after = flat(net);
        double step = 0;
        for (int i = 0; i < after.length; i++) step += (after[i] - before[i]) * (after[i] - before[i]);
        assertEquals(0.1 * 0.01, Math.sqrt(step), 1e-6, "one full-BPTT update, clipped to norm 0.01");
    }

    @Test
    void jordanLearnsAlternationThatAFeedforwardNetCannot() {
        float[][] d = alternation(200);
        for (int window : new int[] {0, 10}) {
            BpttOptions o = new BpttOptions(new Sgd(window == 0 ? 0.05 : 0.01, 0.9), window == 0 ? 1000 : 300, window, true, 0, 1,
                    window == 0 ? Loss.MSE : Loss.SSE);
            RecurrentSpec spec = RecurrentSpec.jordan(1, 8, 1).withInitScale(0.5);
            RecurrentNet jordan = RecurrentNet.create(spec, new Rng(3));
            new BpttTrainer(o).train(jordan, d[0], d[1], 200);
            RecurrentNet memoryless = RecurrentNet.create(spec.withKind(Kind.NONE), new Rng(3));
            new BpttTrainer(o).train(memoryless, d[0], d[1], 200);
            double withContext = evaluate(jordan, d[0], d[1]), without = evaluate(memoryless, d[0], d[1]);
            assertTrue(withContext < 1e-3, "window " + window + ": Jordan net MSE " + withContext);
            assertTrue(without > 0.24, "window " + window + ": without context the best is 0.25, got " + without);
        }
    }

    @Test
    void jordanLearnsAFlipFlopFromItsOwnOutput() {
        // y_t = y_(t-1) XOR x_t: the input says when to toggle, only the previous output says from what
        int n = 200;
        Rng data = new Rng(5);
        float[] x = new float[n], b = new float[n];
        int state = 0;
        for (int t = 0; t < n; t++) {
            x[t] = data.nextDouble() < 0.3 ? 1 : 0;
            state ^= (int) x[t];
            b[t] = state;
        }
        BpttOptions o = new BpttOptions(new Sgd(0.01, 0.9), 300, 10, true, 0, 1, Loss.SSE);
        RecurrentSpec spec = RecurrentSpec.jordan(1, 8, 1).withInitScale(0.5);
        RecurrentNet jordan = RecurrentNet.create(spec, new Rng(3));
        new BpttTrainer(o).train(jordan, x, b, n);
        RecurrentNet memoryless = RecurrentNet.create(spec.withKind(Kind.NONE), new Rng(3));
        new BpttTrainer(o).train(memoryless, x, b, n);
        double withContext = evaluate(jordan, x, b), without = evaluate(memoryless, x, b);
        assertTrue(withContext < 1e-3, "Jordan flip-flop MSE " + withContext);
        assertTrue(without > 0.2, "feedforward flip-flop MSE " + without);
    }

    @Test
    void carryingTheContextAcrossWindowsIsWhatLetsJordanAlternate() {
        // windows of 5 steps start alternately on a 1 and on a 0: from a reset (zero) context the
        // first step of a window cannot know which, from the carried context it can
        float[][] d = alternation(100);
        RecurrentSpec spec = RecurrentSpec.jordan(1, 6, 1).withInitScale(0.5);
        BpttOptions carry = new BpttOptions(new Sgd(0.01, 0.9), 200, 5, true, 0, 1, Loss.SSE);
        RecurrentNet carried = RecurrentNet.create(spec, new Rng(8));
        double[] h = new BpttTrainer(carry).train(carried, d[0], d[1], 100).trainErrorArray();
        RecurrentNet reset = RecurrentNet.create(spec, new Rng(8));
        new BpttTrainer(carry.toBuilder().carryContext(false).build()).train(reset, d[0], d[1], 100);
        assertTrue(evaluate(carried, d[0], d[1]) < 1e-3, "carried context MSE " + evaluate(carried, d[0], d[1]));
        assertTrue(evaluate(reset, d[0], d[1]) > 0.2, "reset context MSE " + evaluate(reset, d[0], d[1]));
        assertEquals(200, h.length);
        assertTrue(h[199] < 0.01 * h[0], "epoch error should fall: " + h[0] + " -> " + h[199]);

        double[] again = new BpttTrainer(carry).train(RecurrentNet.create(spec, new Rng(8)), d[0], d[1], 100)
                .trainErrorArray();
        assertEquals(java.util.Arrays.toString(h), java.util.Arrays.toString(again), "same seed, same run");
    }

    @Test
    void aListenerSeesEveryEpochAndCanStopTraining() {
        float[][] d = alternation(40);
        RecurrentNet net = RecurrentNet.create(RecurrentSpec.elman(1, 4, 1), new Rng(10));
        java.util.List<Integer> seen = new java.util.ArrayList<>();
        History h = new BpttTrainer(BpttOptions.builder().window(10).build()).train(net, d[0], d[1], 40, e -> {
            seen.add(e.number());
            assertEquals(50, e.maxEpochs());
            if (e.number() == 3) e.requestStop();
        });
        assertEquals(java.util.List.of(1, 2, 3), seen);
        assertEquals(3, h.epochs());
        assertEquals(History.StopReason.LISTENER, h.stop());
    }

    @Test
    void divergenceIsReportedWithTheEpoch() {
        float[][] d = alternation(40);
        for (int t = 0; t < 40; t++) d[1][t] *= 1000;
        RecurrentNet net = RecurrentNet.create(RecurrentSpec.elman(1, 4, 1), new Rng(10));
        TrainingDivergedException e = assertThrows(TrainingDivergedException.class,
                () -> new BpttTrainer(BpttOptions.builder().eta(10).build()).train(net, d[0], d[1], 40));
        assertTrue(e.epoch() >= 1 && e.getMessage().contains("smaller learning rate"), e.getMessage());
    }

    @Test
    void rejectsBadSequences() {
        RecurrentNet net = RecurrentNet.create(RecurrentSpec.elman(1, 3, 1), new Rng(1));
        BpttTrainer trainer = new BpttTrainer(BpttOptions.defaults());
        IllegalArgumentException shortSeries = assertThrows(IllegalArgumentException.class,
                () -> trainer.train(net, new float[10], new float[10], 10));
        assertTrue(shortSeries.getMessage().contains("10 steps, shorter than the BPTT window of 20"), shortSeries.getMessage());
        float[] x = new float[30];
        x[17] = Float.NaN;
        IllegalArgumentException nan = assertThrows(IllegalArgumentException.class,
                () -> trainer.train(net, x, new float[30], 30));
        assertTrue(nan.getMessage().contains("input at step 17") && nan.getMessage().contains("NaN"), nan.getMessage());
        IllegalArgumentException size = assertThrows(IllegalArgumentException.class,
                () -> trainer.train(net, new float[30], new float[29], 30));
        assertTrue(size.getMessage().contains("target sequence has 29 values"), size.getMessage());
    }

    @Test
    void rejectsImpossibleOptions() {
        Sgd sgd = new Sgd(0.01, 0.9);
        var loss = Loss.SSE;
        assertThrows(IllegalArgumentException.class, () -> new BpttOptions(sgd, 0, 20, true, 0, 0, loss));
        assertThrows(IllegalArgumentException.class, () -> new BpttOptions(sgd, 5, -1, true, 0, 0, loss));
        assertThrows(IllegalArgumentException.class, () -> new BpttOptions(sgd, 5, 20, true, -0.1, 0, loss));
        assertThrows(IllegalArgumentException.class, () -> new BpttOptions(sgd, 5, 20, true, 0, Double.NaN, loss));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new BpttOptions(sgd, 5, 20, true, 0, 0, Loss.CE));
        assertTrue(e.getMessage().contains("squared error"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> RecurrentSpec.elman(1, 4, 1).withMu(0.5));
        assertThrows(IllegalArgumentException.class, () -> RecurrentSpec.jordan(1, 4, 1).withMu(1.0));
        assertThrows(IllegalArgumentException.class, () -> RecurrentSpec.elman(1, 4, 1).withActivations("tanh", "softmax"));
        assertThrows(IllegalArgumentException.class, () -> RecurrentSpec.elman(0, 4, 1));
    }

    private static float[] flat(RecurrentNet net) {
        float[] out = new float[net.spec().parameterCount()];
        int at = 0;
        for (Param p : net.params()) {
            System.arraycopy(p.value(), 0, out, at, p.size());
            at += p.size();
        }
        return out;
    }

    private static double[] toDouble(float[] v) {
        double[] d = new double[v.length];
        for (int i = 0; i < v.length; i++) d[i] = v[i];
        return d;
    }
}
