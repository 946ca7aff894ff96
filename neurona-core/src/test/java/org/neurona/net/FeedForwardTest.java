package org.neurona.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.neurona.layer.Dense;
import org.neurona.math.Parallel;
import org.neurona.math.Rng;
import org.neurona.testing.Allocations;

class FeedForwardTest {

    @Test
    void forwardIsTheLecturesEquationsByHand() {
        // 2:2:1 logistic with fixed weights: A1 = W1 x + b1, a1 = f(A1), A2 = W2 a1 + b2
        FeedForward net = FeedForward.create(NetworkSpec.parse("2:2:1", "logistic"), 1);
        Dense l1 = net.layers().get(0), l2 = net.layers().get(1);
        System.arraycopy(new float[] {1, -1, 0.5f, 2}, 0, l1.weights(), 0, 4);
        System.arraycopy(new float[] {0, -1}, 0, l1.biases(), 0, 2);
        System.arraycopy(new float[] {2, -3}, 0, l2.weights(), 0, 2);
        l2.biases()[0] = 0.5f;
        double h1 = 1 / (1 + Math.exp(-(1 * 0.3 - 1 * 0.7 + 0))), h2 = 1 / (1 + Math.exp(-(0.5 * 0.3 + 2 * 0.7 - 1)));
        double y = 1 / (1 + Math.exp(-(2 * h1 - 3 * h2 + 0.5)));
        assertEquals(y, net.predict(new float[] {0.3f, 0.7f})[0], 1e-6);
    }

    @Test
    void predictionIsThreadSafe() throws Exception {
        FeedForward net = FeedForward.create(NetworkSpec.parse("5:16:8:3", "tanh,relu,softmax"), 3);
        Rng rng = new Rng(4);
        float[] x = new float[200 * 5];
        for (int i = 0; i < x.length; i++) x[i] = (float) rng.uniform(-2, 2);
        float[] expected = net.predict(x, 200);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<float[]>> results = new ArrayList<>();
            for (int t = 0; t < 16; t++) results.add(pool.submit(() -> net.predict(x, 200)));
            for (Future<float[]> f : results) assertArrayEquals(expected, f.get());
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void freshGradientsAreZeroingThenAccumulatingBitForBit() {
        // every kind of layer backward: the fused rectifier (split among two threads at 64 x 200),
        // plain activations, PReLU's slope, stochastic RReLU, flat-spot elimination, no bias
        String[][] nets = {
            {"50:200:100:5", "relu,relu,softmax", "0", "true"},
            {"50:200:100:5", "relu,relu,softmax", "0.1", "true"},
            {"12:30:20:3", "tanh,prelu,logistic", "0", "true"},
            {"12:30:20:3", "rrelu,relu,linear", "0.1", "false"},
        };
        try (Parallel par = new Parallel(2)) {
            for (String[] c : nets) {
                NetworkSpec spec = NetworkSpec.parse(c[0], c[1]);
                if (!Boolean.parseBoolean(c[3])) spec = spec.withBias(false);
                float flat = Float.parseFloat(c[2]);
                FeedForward fresh = FeedForward.create(spec, 11), zeroed = FeedForward.create(spec, 11);
                int rows = 64;
                Rng rng = new Rng(12);
                float[] x = new float[rows * fresh.inputs()], delta = new float[rows * fresh.outputs()];
                for (int i = 0; i < x.length; i++) x[i] = (float) rng.uniform(-1, 1);
                for (int i = 0; i < delta.length; i++) delta[i] = (float) rng.uniform(-1, 1);
                FeedForward.Workspace wf = fresh.workspace(rows, par), wz = zeroed.workspace(rows, par);
                for (int batch = 0; batch < 2; batch++) {
                    for (int p = 0; p < fresh.params().size(); p++) {
                        java.util.Arrays.fill(fresh.params().get(p).grad(), 3.5f); // stale: must be overwritten
                        zeroed.params().get(p).zeroGrad();
                    }
                    fresh.forward(wf, x, rows, new Rng(13 + batch));
                    zeroed.forward(wz, x, rows, new Rng(13 + batch));
                    System.arraycopy(delta, 0, wf.outputDelta(), 0, delta.length);
                    System.arraycopy(delta, 0, wz.outputDelta(), 0, delta.length);
                    fresh.backward(wf, x, rows, false, true, flat, true);
                    zeroed.backward(wz, x, rows, false, true, flat);
                    for (int p = 0; p < fresh.params().size(); p++) {
                        assertArrayEquals(zeroed.params().get(p).grad(), fresh.params().get(p).grad(),
                                c[0] + " " + c[1] + " flat " + flat + ": " + fresh.params().get(p).name());
                    }
                }
            }
        }
    }

    @Test
    void aTrainingStepOnTwoThreadsAllocatesNothing() {
        // large enough that products, rectifier passes and the update are split among the threads,
        // and the 10-wide output product is computed transposed
        FeedForward net = FeedForward.create(NetworkSpec.parse("100:200:100:10", "relu,relu,softmax"), 21);
        int rows = 64;
        Rng rng = new Rng(22);
        float[] x = new float[rows * 100];
        for (int i = 0; i < x.length; i++) x[i] = (float) rng.uniform(0, 1);
        try (Parallel par = new Parallel(2)) {
            FeedForward.Workspace ws = net.workspace(rows, par);
            org.neurona.train.rule.Optimizer opt = new org.neurona.train.rule.Sgd(0.01, 0.9).create(net.params());
            opt.parallel(par);
            Runnable step = () -> {
                float[] a = net.forward(ws, x, rows, rng);
                float[] d = ws.outputDelta();
                for (int i = 0; i < rows * 10; i++) d[i] = a[i] - (i % 10 == 3 ? 1f : 0f);
                net.backward(ws, x, rows, true, true, 0f, true);
                opt.step();
            };
            long bytes = Allocations.steadyBytes(step, 20_000);
            assertTrue(bytes < Allocations.NOTHING, "1,000 training steps allocated " + bytes + " bytes");
        }
    }

    @Test
    void sameSeedSameWeightsAndCounts() {
        NetworkSpec spec = NetworkSpec.parse("784:256:128:10", "relu,relu,softmax");
        FeedForward a = FeedForward.create(spec, 9), b = FeedForward.create(spec, 9);
        assertArrayEquals(a.layers().get(0).weights(), b.layers().get(0).weights());
        assertEquals(784 * 256 + 256 + 256 * 128 + 128 + 128 * 10 + 10, a.parameterCount());
        assertEquals(784, a.inputs());
        assertEquals(10, a.outputs());
    }

    @Test
    void workspaceMisuseIsNamed() {
        FeedForward net = FeedForward.create(NetworkSpec.parse("2:3:1", "logistic"), 1);
        FeedForward other = FeedForward.create(NetworkSpec.parse("2:3:1", "logistic"), 1);
        FeedForward.Workspace ws = net.workspace(4, Parallel.SERIAL);
        var e = assertThrows(IllegalArgumentException.class, () -> net.forward(ws, new float[10], 5, null));
        assertTrue(e.getMessage().contains("batch of 5 rows; workspace holds 1..4"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> other.forward(ws, new float[2], 1, null));
        assertTrue(e.getMessage().contains("another network"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> net.predict(new double[][] {{1, 2, 3}}));
        assertTrue(e.getMessage().contains("3 values; the network has 2 inputs"), e.getMessage());
    }

    @Test
    void specRejectsImpossibleShapes() {
        var e = assertThrows(IllegalArgumentException.class, () -> NetworkSpec.parse("2:3:1", "softmax,logistic"));
        assertTrue(e.getMessage().contains("softmax belongs on the output layer"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> NetworkSpec.parse("2:3:1", "tanh,tanh,tanh"));
        assertTrue(e.getMessage().contains("3 functions for 2 layers"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> NetworkSpec.parse("2", "tanh"));
        assertTrue(e.getMessage().contains("at least two sizes"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> NetworkSpec.parse("2:0:1", "tanh"));
        assertTrue(e.getMessage().contains("size 2 is 0"), e.getMessage());
        assertEquals("2:3:1", NetworkSpec.parse(" 2:3:1", "tanh").layers());
    }
}
