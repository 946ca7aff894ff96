package org.neurona.net.recurrent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.neurona.layer.Param;
import org.neurona.math.Rng;

/**
 * Backpropagation through time against central finite differences in double precision
 * (through {@link RecurrentReference}), and the float32 training path against that reference.
 */
class RecurrentGradientCheckTest {
    private static final int STEPS = 7;

    /** Random inputs (k, I), targets (k, O) and a non-zero initial context, as a carried window has; all float-exact. */
    private record Case(double[] x, double[] b, double[] c1) {
        static Case random(RecurrentSpec spec, int k, Rng rng) {
            double[] x = new double[k * spec.inputs()], b = new double[k * spec.outputs()], c1 = new double[spec.context()];
            for (int i = 0; i < x.length; i++) x[i] = (float) rng.uniform(-1, 1);
            for (int i = 0; i < b.length; i++) b[i] = (float) rng.uniform(-0.5, 0.5);
            for (int i = 0; i < c1.length; i++) c1[i] = (float) rng.uniform(-0.5, 0.5);
            return new Case(x, b, c1);
        }
    }

    /** Largest relative error |a - n| / max(|a|, |n|) over all weights, ignoring components below 1e-7. */
    private static double maxRelativeError(RecurrentReference ref, Case c, double s, double lambda) {
        double[][] grad = ref.gradient(c.x, c.b, STEPS, c.c1, s, lambda);
        double[][] w = ref.weights();
        double worst = 0, eps = 1e-5;
        int checked = 0;
        for (int p = 0; p < w.length; p++) {
            for (int i = 0; i < w[p].length; i++) {
                double keep = w[p][i];
                w[p][i] = keep + eps;
                double plus = ref.loss(c.x, c.b, STEPS, c.c1, s, lambda);
                w[p][i] = keep - eps;
                double minus = ref.loss(c.x, c.b, STEPS, c.c1, s, lambda);
                w[p][i] = keep;
                double numeric = (plus - minus) / (2 * eps), analytic = grad[p][i];
                double scale = Math.max(Math.abs(numeric), Math.abs(analytic));
                if (scale < 1e-7) {
                    assertTrue(Math.abs(numeric - analytic) < 1e-9, "tiny gradient component differs");
                    continue;
                }
                worst = Math.max(worst, Math.abs(numeric - analytic) / scale);
                checked++;
            }
        }
        assertTrue(checked > w[0].length, "too few gradient components were large enough to check: " + checked);
        return worst;
    }

    @Test
    void elmanBpttMatchesFiniteDifferences() {
        Rng rng = new Rng(11);
        RecurrentSpec spec = RecurrentSpec.elman(2, 4, 3).withActivations("tanh", "logistic").withInitScale(0.8);
        RecurrentReference ref = new RecurrentReference(RecurrentNet.create(spec, rng));
        double err = maxRelativeError(ref, Case.random(spec, STEPS, rng), 0.5, 0.01);
        assertTrue(err < 1e-6, "Elman relative gradient error " + err);
    }

    @Test
    void jordanBpttWithDecayMatchesFiniteDifferences() {
        Rng rng = new Rng(12);
        RecurrentSpec spec = RecurrentSpec.jordan(3, 5, 2).withMu(0.5).withInitScale(0.8);
        RecurrentReference ref = new RecurrentReference(RecurrentNet.create(spec, rng));
        double err = maxRelativeError(ref, Case.random(spec, STEPS, rng), 1.0 / (STEPS * 2), 0.01);
        assertTrue(err < 1e-6, "Jordan relative gradient error " + err);
    }

    @Test
    void jordanWithNonlinearOutputMatchesFiniteDifferences() {
        Rng rng = new Rng(13);
        RecurrentSpec spec = RecurrentSpec.jordan(1, 4, 2).withActivations("logistic", "tanh").withInitScale(1.0);
        RecurrentReference ref = new RecurrentReference(RecurrentNet.create(spec, rng));
        double err = maxRelativeError(ref, Case.random(spec, STEPS, rng), 0.5, 0);
        assertTrue(err < 1e-6, "Jordan (tanh output) relative gradient error " + err);
    }

    @Test
    void finiteDifferencesSeeTheRecurrence() {
        // a gradient that ignored the context path would differ from the finite differences
        Rng rng = new Rng(14);
        RecurrentSpec spec = RecurrentSpec.elman(1, 3, 1).withInitScale(1.0);
        RecurrentReference ref = new RecurrentReference(RecurrentNet.create(spec, rng));
        Case c = Case.random(spec, STEPS, rng);
        double[][] grad = ref.gradient(c.x, c.b, STEPS, c.c1, 0.5, 0);
        double norm = 0;
        for (double g : grad[1]) norm += g * g;
        assertTrue(norm > 1e-6, "the context weights W_c must receive gradient");
    }

    /** The float path (forward, loss gradient, backward) agrees with the double reference. */
    private static void assertFloatPathMatchesReference(RecurrentSpec spec, long seed) {
        Rng rng = new Rng(seed);
        RecurrentNet net = RecurrentNet.create(spec, rng);
        Case c = Case.random(spec, STEPS, rng);
        RecurrentReference ref = new RecurrentReference(net);
        double s = 0.5;
        double[][] expected = ref.gradient(c.x, c.b, STEPS, c.c1, s, 0);

        float[] x = toFloat(c.x), c1 = toFloat(c.c1);
        net.setContextState(c1);
        RecurrentNet.Tape tape = net.newTape(STEPS + 3);
        net.forward(tape, x, 0, STEPS);
        float[] y = tape.outputs(), dy = tape.dy();
        for (int i = 0; i < STEPS * spec.outputs(); i++) dy[i] = (float) (2 * s * (y[i] - c.b[i]));
        for (Param p : net.params()) p.zeroGrad();
        net.backward(tape);
        for (int p = 0; p < 5; p++) {
            float[] g = net.params().get(p).grad();
            double max = 1e-3;
            for (double v : expected[p]) max = Math.max(max, Math.abs(v));
            for (int i = 0; i < g.length; i++) {
                assertEquals(expected[p][i], g[i], 2e-5 * max, net.params().get(p).name() + "[" + i + "]");
            }
        }
    }

    @Test
    void elmanFloatPathMatchesReference() {
        assertFloatPathMatchesReference(RecurrentSpec.elman(2, 6, 3).withInitScale(0.7), 21);
    }

    @Test
    void jordanFloatPathMatchesReference() {
        assertFloatPathMatchesReference(RecurrentSpec.jordan(2, 6, 3).withMu(0.4).withActivations("tanh", "logistic"), 22);
    }

    @Test
    void memorylessFloatPathMatchesReference() {
        assertFloatPathMatchesReference(RecurrentSpec.elman(2, 5, 2).withKind(RecurrentSpec.Kind.NONE), 23);
    }

    @Test
    void contextCarriesAcrossStretches() {
        for (RecurrentSpec spec : new RecurrentSpec[] {RecurrentSpec.elman(2, 5, 2), RecurrentSpec.jordan(2, 5, 2).withMu(0.3)}) {
            Rng rng = new Rng(31);
            RecurrentNet net = RecurrentNet.create(spec, rng);
            float[] x = new float[10 * 2];
            for (int i = 0; i < x.length; i++) x[i] = rng.uniformFloat(-1, 1);
            RecurrentNet.Tape tape = net.newTape(10);
            net.forward(tape, x, 0, 10);
            float[] whole = tape.outputs().clone();
            float[] end = net.contextState();
            net.resetContext();
            net.forward(tape, x, 0, 4);
            float[] first = java.util.Arrays.copyOf(tape.outputs(), 4 * 2);
            net.forward(tape, x, 4, 6);
            float[] second = java.util.Arrays.copyOf(tape.outputs(), 6 * 2);
            float[] joined = new float[20];
            System.arraycopy(first, 0, joined, 0, 8);
            System.arraycopy(second, 0, joined, 8, 12);
            assertArrayEquals(whole, joined, spec.kind() + ": two stretches must continue like one");
            assertArrayEquals(end, net.contextState(), spec.kind() + ": context after the stretches");
            net.resetContext();
            assertArrayEquals(whole, net.predict(x, 10), spec.kind() + ": predict runs the same forward pass");
        }
    }

    private static float[] toFloat(double[] v) {
        float[] f = new float[v.length];
        for (int i = 0; i < v.length; i++) f[i] = (float) v[i];
        return f;
    }
}
