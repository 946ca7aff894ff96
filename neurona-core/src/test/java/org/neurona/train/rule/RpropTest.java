package org.neurona.train.rule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.neurona.layer.Param;

class RpropTest {

    @Test
    void firstStepsByHand() {
        // Three weights, each given a gradient sequence by hand; delta0 = 0.1, deltamax = 50.
        Param p = Param.of("w", new float[] {1, 1, 1}, true);
        Optimizer rprop = new Rprop(0.1, 50, 0).create(List.of(p));
        // t=1: no previous step: w0 -= sign(2) 0.1 = 0.9; w1 += 0.1 (g < 0) = 1.1; w2: g = 0, stays.
        Problems.stepWith(rprop, p, 2f, -1f, 0f);
        assertEquals(0.9f, p.value()[0], 1e-7);
        assertEquals(1.1f, p.value()[1], 1e-7);
        assertEquals(1.0f, p.value()[2], 1e-7);
        // t=2: w0 same sign: Delta = 1.2 * 0.1 = 0.12, w0 = 0.9 - 0.12 = 0.78.
        //      w1 sign changed (last step +0.1, g > 0 means the step went uphill): Delta = 0.05, no step.
        //      w2 first real gradient: w2 -= 0.1 -> 0.9.
        Problems.stepWith(rprop, p, 1.5f, 3f, 4f);
        assertEquals(0.78f, p.value()[0], 1e-6);
        assertEquals(1.1f, p.value()[1], 1e-6);
        assertEquals(0.9f, p.value()[2], 1e-6);
        // t=3: w0 sign change: Delta = 0.06, no step. w1 restarts with Delta = 0.05: w1 = 1.1 - 0.05 = 1.05.
        //      w2 same sign: Delta = 0.12: w2 = 0.78.
        Problems.stepWith(rprop, p, -0.5f, 7f, 1f);
        assertEquals(0.78f, p.value()[0], 1e-6);
        assertEquals(1.05f, p.value()[1], 1e-6);
        assertEquals(0.78f, p.value()[2], 1e-6);
        // t=4: w0 restarts with Delta = 0.06 in the direction of -g: w0 = 0.78 + 0.06 = 0.84.
        //      w1 same sign: Delta = 0.06: w1 = 0.99. w2: Delta = 0.144: w2 = 0.636.
        Problems.stepWith(rprop, p, -0.3f, 1f, 1f);
        assertEquals(0.84f, p.value()[0], 1e-6);
        assertEquals(0.99f, p.value()[1], 1e-6);
        assertEquals(0.636f, p.value()[2], 1e-6);
    }

    @Test
    void stepSizeStopsAtDeltaMax() {
        // delta0 = 0.1, deltamax = 0.15: steps 0.1, 0.12, 0.144, then 0.15 (capped), 0.15.
        Param p = Param.of("w", new float[] {0}, true);
        Optimizer rprop = new Rprop(0.1, 0.15, 0).create(List.of(p));
        float[] expected = {-0.1f, -0.22f, -0.364f, -0.514f, -0.664f};
        for (float w : expected) {
            Problems.stepWith(rprop, p, 1f);
            assertEquals(w, p.value()[0], 1e-6);
        }
    }

    @Test
    void weightDecayExponentAsInSnns() {
        // a = 1: decay 10^-1 = 0.1; w = 2 with dE/dw = 0 sees g = 0 + 0.1 * 2 > 0 and steps down by delta0.
        Param p = Param.of("w", new float[] {2, -2}, true);
        Rprop rule = new Rprop(0.1, 50, 1);
        assertEquals(0.1, rule.decay(), 1e-15);
        assertEquals(0, new Rprop(0.1, 50, 0).decay(), "exponent 0 switches decay off");
        Optimizer rprop = rule.create(List.of(p));
        Problems.stepWith(rprop, p, 0f, 0f);
        assertEquals(1.9f, p.value()[0], 1e-6);
        assertEquals(-1.9f, p.value()[1], 1e-6);
    }

    @Test
    void minimisesQuadraticAndRosenbrock() {
        Problems.Quadratic q = new Problems.Quadratic(new double[] {1, 10, 100}, new double[] {0.5, -0.3, 0.2},
                new float[] {1, 1, 1});
        int quadratic = Problems.stepsToReach(new Rprop(), q, 1e-8, 200);
        assertTrue(quadratic > 0 && quadratic <= 60, "steps to E < 1e-8 on the quadratic: " + quadratic);
        Problems.Rosenbrock r = new Problems.Rosenbrock(-1.2f, 1f);
        int rosenbrock = Problems.stepsToReach(new Rprop(), r, 1e-6, 5000);
        assertTrue(rosenbrock > 0, "Rprop did not reach E < 1e-6 on Rosenbrock in 5000 steps");
        assertEquals(1, r.w.value()[0], 2e-3);
        assertEquals(1, r.w.value()[1], 4e-3);
    }

    @Test
    void fewerEpochsThanGradientDescentOnXor() {
        // XOR 2:3:1 logistic, full batch, SSE, weights uniform(-1, 1) from seed 6; target E < 0.01.
        // Measured: gradient descent with eta = 2 (the fastest plain eta of 0.5, 1, 2 here) 355 epochs,
        // Rprop with SNNS defaults 31.
        int gd = Problems.stepsToReach(new Sgd(2, 0), Problems.Mlp.xor(3, 6), 0.01, 5000);
        int rprop = Problems.stepsToReach(new Rprop(), Problems.Mlp.xor(3, 6), 0.01, 5000);
        assertEquals(355, gd);
        assertEquals(31, rprop);
        assertTrue(rprop < gd);
    }

    @Test
    void rejectsBadConfigurationAndSchedules() {
        assertThrows(IllegalArgumentException.class, () -> new Rprop(0, 50, 0));
        assertThrows(IllegalArgumentException.class, () -> new Rprop(0.1, 0.05, 0));
        assertThrows(IllegalArgumentException.class, () -> new Rprop(0.1, 50, -1));
        assertThrows(IllegalArgumentException.class, () -> new Rprop(Double.NaN, 50, 0));
        assertTrue(Double.isNaN(new Rprop().learningRate()));
        Optimizer rprop = new Rprop().create(List.of(Param.of("w", new float[1], true)));
        UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class, () -> rprop.learningRate(0.1));
        assertTrue(e.getMessage().contains("schedule"), e.getMessage());
        assertEquals("rprop:0.1:50.0:0.0", new Rprop().name());
    }
}
