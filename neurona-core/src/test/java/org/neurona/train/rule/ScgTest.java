package org.neurona.train.rule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.neurona.layer.Param;

class ScgTest {

    /** E = 1/2 (3 w0^2 + 4 w1^2), counting evaluations. */
    private static final class Counted implements Objective {
        final Problems.Quadratic q = new Problems.Quadratic(new double[] {3, 4}, new double[] {0, 0}, new float[] {1, 1});
        int evaluations;

        @Override
        public double lossAndGradient() {
            evaluations++;
            return q.lossAndGradient();
        }
    }

    @Test
    void firstStepByHand() {
        // At w = (1, 1): g = (3, 4), r = p = (-3, -4), |p|^2 = 25. sigma1 = 5 * 2^-16 makes
        // sigma = sigma1 / |p| = 2^-16, so w + sigma p and the gradient there are exact in float:
        // s = A p = (-9, -16), delta = p.s = 27 + 64 = 91, scaled: 91 + lambda1 |p|^2 = 91.000025.
        // mu = p.r = 25, alpha = 25 / 91.000025; the exact line minimum along p is 25 / 91.
        // E(w) = 3.5 and E(w + alpha p) < E(w): Delta >= 0, the step is taken: w = (1 - 3 alpha, 1 - 4 alpha).
        Counted f = new Counted();
        Scg.State scg = (Scg.State) new Scg(5 * Math.pow(2, -16), 1e-6, 1e-8).create(f.q.params(), f);
        scg.step();
        double alpha = 25 / 91.000025;
        assertEquals(1 - 3 * alpha, f.q.w.value()[0], 1e-6);
        assertEquals(1 - 4 * alpha, f.q.w.value()[1], 1e-6);
        assertEquals(3, f.evaluations, "E at w, E' at w + sigma p, E and E' at w + alpha p");
        // Conjugate gradient finds the minimum of an N-dimensional quadratic in N steps; here up to
        // the float precision of the second finite difference (relative 1e-4 of w at sigma = 1e-4).
        scg.step();
        assertEquals(0, f.q.w.value()[0], 1e-4);
        assertEquals(0, f.q.w.value()[1], 1e-4);
        assertEquals(5, f.evaluations);
    }

    @Test
    void restartsWhenTheWeightsAreChangedOutside() {
        Counted f = new Counted();
        Optimizer scg = new Scg().create(f.q.params(), f);
        scg.step();
        f.q.w.value()[0] = 1; // as early stopping's restore would
        int before = f.evaluations;
        scg.step();
        assertEquals(before + 3, f.evaluations, "a restart evaluates the new point first");
        for (int i = 0; i < 10; i++) {
            scg.step();
        }
        assertEquals(0, f.q.lossAndGradient(), 1e-10);
    }

    @Test
    void stopsMovingOnceConverged() {
        Counted f = new Counted();
        Scg.State scg = (Scg.State) new Scg().create(f.q.params(), f);
        for (int i = 0; i < 30 && !scg.converged(); i++) {
            scg.step();
        }
        assertTrue(scg.converged());
        float w0 = f.q.w.value()[0];
        int evaluations = f.evaluations;
        scg.step();
        assertEquals(w0, f.q.w.value()[0]);
        assertEquals(evaluations, f.evaluations);
    }

    @Test
    void minimisesQuadraticAndRosenbrock() {
        Problems.Quadratic q = new Problems.Quadratic(new double[] {1, 10, 100}, new double[] {0.5, -0.3, 0.2},
                new float[] {1, 1, 1});
        int quadratic = Problems.stepsToReach(new Scg(), q, 1e-8, 100);
        assertTrue(quadratic > 0 && quadratic <= 10, "steps to E < 1e-8 on the quadratic: " + quadratic);
        Problems.Rosenbrock r = new Problems.Rosenbrock(-1.2f, 1f);
        int rosenbrock = Problems.stepsToReach(new Scg(), r, 1e-6, 500);
        assertTrue(rosenbrock > 0 && rosenbrock <= 200, "steps to E < 1e-6 on Rosenbrock: " + rosenbrock);
        assertEquals(1, r.w.value()[0], 2e-3);
    }

    @Test
    void fewerEpochsThanGradientDescentOnXor() {
        // XOR 2:3:1, seed 6, E < 0.01 (see RpropTest): measured 24 SCG steps against 355 epochs of
        // gradient descent with eta = 2.
        int gd = Problems.stepsToReach(new Sgd(2, 0), Problems.Mlp.xor(3, 6), 0.01, 5000);
        int scg = Problems.stepsToReach(new Scg(), Problems.Mlp.xor(3, 6), 0.01, 5000);
        assertEquals(24, scg);
        assertTrue(scg < gd);
    }

    @Test
    void needsAnObjective() {
        List<Param> params = List.of(Param.of("w", new float[1], true));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> new Scg().create(params));
        assertTrue(e.getMessage().contains("objective"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Scg().create(params, null));
        LearningRule scg = new Scg(), rprop = new Rprop();
        assertTrue(scg instanceof FullBatchRule);
        assertFalse(rprop instanceof FullBatchRule);
    }

    @Test
    void rejectsBadConfiguration() {
        assertThrows(IllegalArgumentException.class, () -> new Scg(0, 1e-6, 1e-8));
        assertThrows(IllegalArgumentException.class, () -> new Scg(1e-3, 1e-6, 1e-8));
        assertThrows(IllegalArgumentException.class, () -> new Scg(1e-4, 1e-5, 1e-8));
        assertThrows(IllegalArgumentException.class, () -> new Scg(1e-4, 1e-6, 0));
        assertTrue(Double.isNaN(new Scg().learningRate()));
    }
}
