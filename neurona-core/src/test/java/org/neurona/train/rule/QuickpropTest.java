package org.neurona.train.rule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.neurona.layer.Param;

class QuickpropTest {

    @Test
    void firstStepsByHand() {
        // eta = 0.1, mu = 1.75 (shrink factor s = 1.75 / 2.75 = 0.636364), no decay.
        // Weight 0 moves down, weight 1 up, so both branches of the rule are used.
        Param p = Param.of("w", new float[] {1, 0}, true);
        Optimizer qp = new Quickprop(0.1, 1.75, 0).create(List.of(p));
        // t=1: no previous step: plain gradient steps. w0 = 1 - 0.1 * 2 = 0.8; w1 = 0 + 0.1 * 1 = 0.1.
        Problems.stepWith(qp, p, 2f, -1f);
        assertEquals(0.8f, p.value()[0], 1e-7);
        assertEquals(0.1f, p.value()[1], 1e-7);
        // t=2: w0: last step -0.2 < 0, S = 1 > 0 adds -0.1 * 1; S = 1 < s * 2 = 1.2727, so the secant
        //      step 1 / (2 - 1) * -0.2 = -0.2: change -0.3, w0 = 0.5.
        //      w1: last step 0.1 > 0, S = -0.5 < 0 adds 0.05; S > s * -1 = -0.6364, secant
        //      -0.5 / (-1 + 0.5) * 0.1 = 0.1: change 0.15, w1 = 0.25.
        Problems.stepWith(qp, p, 1f, -0.5f);
        assertEquals(0.5f, p.value()[0], 1e-6);
        assertEquals(0.25f, p.value()[1], 1e-6);
        // t=3: w0: S = 0.9 adds -0.09; S >= s * 1 = 0.6364: the maximal step 1.75 * -0.3 = -0.525:
        //      change -0.615, w0 = -0.115.
        //      w1: S = -0.4 adds 0.04; S <= s * -0.5 = -0.3182: maximal step 1.75 * 0.15 = 0.2625:
        //      change 0.3025, w1 = 0.5525.
        Problems.stepWith(qp, p, 0.9f, -0.4f);
        assertEquals(-0.115f, p.value()[0], 1e-6);
        assertEquals(0.5525f, p.value()[1], 1e-6);
    }

    @Test
    void weightDecayAddsToTheSlope() {
        // nu = 0.01, w = 2, dE/dw = 0: S = 0.02, first step -0.1 * 0.02: w = 1.998.
        Param p = Param.of("w", new float[] {2}, true);
        Optimizer qp = new Quickprop(0.1, 1.75, 0.01).create(List.of(p));
        Problems.stepWith(qp, p, 0f);
        assertEquals(1.998f, p.value()[0], 1e-6);
    }

    @Test
    void jumpsToTheMinimumOfAParabola() {
        // On a separable quadratic the secant step is exact, so Quickprop needs only a few steps.
        Problems.Quadratic q = new Problems.Quadratic(new double[] {1, 10, 100}, new double[] {0.5, -0.3, 0.2},
                new float[] {1, 1, 1});
        int steps = Problems.stepsToReach(new Quickprop(0.005, 1.75, 0), q, 1e-10, 100);
        assertTrue(steps > 0 && steps <= 10, "steps to E < 1e-10: " + steps);
    }

    @Test
    void minimisesRosenbrock() {
        Problems.Rosenbrock r = new Problems.Rosenbrock(-1.2f, 1f);
        int steps = Problems.stepsToReach(new Quickprop(0.5, 1.75, 0), r, 1e-6, 2000);
        assertTrue(steps > 0, "Quickprop did not reach E < 1e-6 on Rosenbrock in 2000 steps");
        assertEquals(1, r.w.value()[0], 2e-3);
    }

    @Test
    void trainsXorFasterThanGradientDescent() {
        // XOR 2:3:1, seed 6, E < 0.01 (see RpropTest): measured 33 epochs with eta = 0.5, mu = 1.75,
        // nu = 1e-4 against 355 for gradient descent with eta = 2.
        int epochs = Problems.stepsToReach(new Quickprop(0.5, 1.75, 1e-4), Problems.Mlp.xor(3, 6), 0.01, 5000);
        assertEquals(33, epochs);
    }

    @Test
    void rejectsBadConfiguration() {
        assertThrows(IllegalArgumentException.class, () -> new Quickprop(0, 1.75, 0));
        assertThrows(IllegalArgumentException.class, () -> new Quickprop(0.1, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new Quickprop(0.1, 1.75, -1e-4));
        assertEquals(0.2, new Quickprop(0.2, 1.75, 0).learningRate());
    }
}
