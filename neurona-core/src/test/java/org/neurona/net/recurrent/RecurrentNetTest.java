package org.neurona.net.recurrent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.neurona.layer.Param;
import org.neurona.math.Rng;

class RecurrentNetTest {

    @Test
    void elmanStepComputedByHand() {
        // 1:1:1, tanh hidden, linear output: z = wx x + wc c + bh, h = tanh z, y = wy h + by
        RecurrentNet net = RecurrentNet.create(RecurrentSpec.elman(1, 1, 1), new Rng(1));
        float[][] w = {{0.5f}, {0.25f}, {0.1f}, {2f}, {-0.5f}};
        for (int p = 0; p < 5; p++) System.arraycopy(w[p], 0, net.params().get(p).value(), 0, 1);
        float[] y = net.predict(new float[] {1, -1}, 2);
        double h1 = Math.tanh(0.5 + 0.1), h2 = Math.tanh(-0.5 + 0.25 * h1 + 0.1);
        assertEquals(2 * h1 - 0.5, y[0], 1e-6);
        assertEquals(2 * h2 - 0.5, y[1], 1e-6);
        assertArrayEquals(new float[] {(float) h2}, net.contextState(), 1e-6f);
    }

    @Test
    void jordanStepComputedByHand() {
        // 1:1:1 Jordan with mu = 0.5: c_1 = 0, c_2 = y_1, c_3 = 0.5 y_1 + y_2
        RecurrentNet net = RecurrentNet.create(RecurrentSpec.jordan(1, 1, 1).withMu(0.5), new Rng(1));
        float[][] w = {{0.5f}, {0.25f}, {0.1f}, {2f}, {-0.5f}};
        for (int p = 0; p < 5; p++) System.arraycopy(w[p], 0, net.params().get(p).value(), 0, 1);
        float[] y = net.predict(new float[] {1, -1, 0}, 3);
        double y1 = 2 * Math.tanh(0.6) - 0.5;
        double y2 = 2 * Math.tanh(-0.5 + 0.25 * y1 + 0.1) - 0.5;
        double y3 = 2 * Math.tanh(0.25 * (0.5 * y1 + y2) + 0.1) - 0.5;
        assertArrayEquals(new float[] {(float) y1, (float) y2, (float) y3}, y, 1e-6f);
        assertArrayEquals(new float[] {(float) (0.5 * (0.5 * y1 + y2) + y3)}, net.contextState(), 1e-6f);
    }

    @Test
    void forecastFeedsTheOutputBack() {
        RecurrentNet net = RecurrentNet.create(RecurrentSpec.elman(2, 4, 2), new Rng(2));
        float[] f = net.forecast(new float[] {0.3f, -0.2f}, 3);
        net.resetContext();
        float[] y1 = net.predict(new float[] {0.3f, -0.2f}, 1);
        float[] y2 = net.predict(y1, 1);
        float[] y3 = net.predict(y2, 1);
        assertArrayEquals(new float[] {y1[0], y1[1], y2[0], y2[1], y3[0], y3[1]}, f);
        RecurrentNet wide = RecurrentNet.create(RecurrentSpec.elman(2, 4, 1), new Rng(2));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> wide.forecast(new float[2], 3));
        assertTrue(e.getMessage().contains("inputs (2) and outputs (1) must be equal"), e.getMessage());
    }

    @Test
    void parametersHaveTheDocumentedShapes() {
        RecurrentNet elman = RecurrentNet.create(RecurrentSpec.elman(3, 5, 2), new Rng(3));
        RecurrentNet jordan = RecurrentNet.create(RecurrentSpec.jordan(3, 5, 2), new Rng(3));
        int[] elmanSizes = {15, 25, 5, 10, 2}, jordanSizes = {15, 10, 5, 10, 2};
        for (int p = 0; p < 5; p++) {
            assertEquals(elmanSizes[p], elman.params().get(p).size(), elman.params().get(p).name());
            assertEquals(jordanSizes[p], jordan.params().get(p).size(), jordan.params().get(p).name());
        }
        assertEquals(57, elman.spec().parameterCount());
        assertTrue(elman instanceof Elman && jordan instanceof Jordan);
        for (Param p : elman.params()) {
            for (float v : p.value()) assertTrue(v >= -1 && v < 1, p.name() + " starts uniform(-1, 1)");
        }
        float max = 0;
        for (Param p : RecurrentNet.create(RecurrentSpec.elman(3, 5, 2).withInitScale(0.1), new Rng(3)).params()) {
            for (float v : p.value()) max = Math.max(max, Math.abs(v));
        }
        assertTrue(max < 0.1f && max > 0.05f, "init scale 0.1, largest |w| " + max);
    }

    @Test
    void trainingStepsDoNotAllocate() {
        Assumptions.assumeTrue(ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean,
                "this JVM cannot count allocated bytes; skipping");
        com.sun.management.ThreadMXBean bean = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        Assumptions.assumeTrue(bean.isThreadAllocatedMemorySupported() && bean.isThreadAllocatedMemoryEnabled(),
                "allocation counting is off in this JVM; skipping");
        Rng rng = new Rng(4);
        RecurrentNet net = RecurrentNet.create(RecurrentSpec.jordan(2, 16, 2).withMu(0.3), rng);
        float[] x = new float[20 * 2];
        for (int i = 0; i < x.length; i++) x[i] = rng.uniformFloat(-1, 1);
        RecurrentNet.Tape tape = net.newTape(20);
        for (int i = 0; i < 200; i++) windowStep(net, tape, x);
        long before = bean.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < 1000; i++) windowStep(net, tape, x);
        long allocated = bean.getCurrentThreadAllocatedBytes() - before;
        // 1000 windows of 20 steps: one array per step would be over a megabyte
        assertTrue(allocated < 16_384, "forward/backward allocated " + allocated + " bytes in 20000 steps");
    }

    private static void windowStep(RecurrentNet net, RecurrentNet.Tape tape, float[] x) {
        net.forward(tape, x, 0, 20);
        float[] dy = tape.dy(), y = tape.outputs();
        for (int i = 0; i < 40; i++) dy[i] = y[i] * 1e-3f;
        net.backward(tape);
        for (int p = 0; p < 5; p++) net.params().get(p).zeroGrad(); // indexed: an iterator would allocate
    }

    @Test
    void restoredNetPredictsLikeTheOriginal() {
        RecurrentSpec spec = RecurrentSpec.jordan(2, 5, 2).withMu(0.25);
        RecurrentNet net = RecurrentNet.create(spec, new Rng(6));
        java.util.List<float[]> saved = new java.util.ArrayList<>();
        for (Param p : net.params()) saved.add(p.value().clone());
        float[] x = {0.1f, 0.2f, -0.3f, 0.4f, 0.5f, -0.6f};
        RecurrentNet copy = RecurrentNet.restore(spec, saved);
        assertArrayEquals(net.predict(x, 3), copy.predict(x, 3));
        saved.set(1, new float[3]);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RecurrentNet.restore(spec, saved));
        assertEquals("W_c has 3 values; jordan 2:5:2 needs 10", e.getMessage());
    }

    @Test
    void rejectsMisuse() {
        RecurrentNet net = RecurrentNet.create(RecurrentSpec.elman(1, 3, 1), new Rng(5));
        RecurrentNet other = RecurrentNet.create(RecurrentSpec.elman(1, 3, 1), new Rng(5));
        RecurrentNet.Tape tape = net.newTape(4);
        assertThrows(IllegalArgumentException.class, () -> net.forward(tape, new float[10], 0, 5), "longer than the tape");
        assertThrows(IllegalArgumentException.class, () -> net.forward(tape, new float[10], 8, 4), "past the end");
        assertThrows(IllegalArgumentException.class, () -> other.forward(tape, new float[10], 0, 2), "another net's tape");
        assertThrows(IllegalArgumentException.class, () -> net.setContextState(new float[2]));
        assertThrows(IllegalArgumentException.class, () -> net.predict(new float[3], 4));
        IllegalArgumentException kind = assertThrows(IllegalArgumentException.class, () -> RecurrentSpec.Kind.parse("lstm"));
        assertEquals("unknown recurrent net 'lstm'; expected elman, jordan or none", kind.getMessage());
    }
}
