package org.neurona.train.rule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.neurona.layer.Param;

class IRpropPlusTest {

    private static void step(Optimizer optimizer, Param p, double error, float... grads) {
        System.arraycopy(grads, 0, p.grad(), 0, grads.length);
        ((LossAware) optimizer).loss(error);
        optimizer.step();
    }

    @Test
    void firstStepsByHand() {
        // Two weights, delta0 = 0.1. Weight 0 backtracks when the error rises, weight 1 shows the
        // sign change at an error that fell.
        Param p = Param.of("w", new float[] {1, 1}, true);
        Optimizer rule = new IRpropPlus(0.1, 50).create(List.of(p));
        // t=1, E = 1: no history: both step -sign(g) 0.1: w0 = 0.9, w1 = 0.9.
        step(rule, p, 1.0, 2f, 1f);
        assertEquals(0.9f, p.value()[0], 1e-7);
        assertEquals(0.9f, p.value()[1], 1e-7);
        // t=2, E = 0.5: same signs: Delta = 0.12: w0 = 0.78, w1 = 0.78.
        step(rule, p, 0.5, 1.5f, 1f);
        assertEquals(0.78f, p.value()[0], 1e-6);
        assertEquals(0.78f, p.value()[1], 1e-6);
        // t=3, E = 0.8 > 0.5: w0's gradient changed sign: Delta = 0.06 and, because E rose, the last
        // step -0.12 is undone: w0 = 0.9. w1 keeps its sign: Delta = 0.144: w1 = 0.636.
        step(rule, p, 0.8, -0.5f, 1f);
        assertEquals(0.9f, p.value()[0], 1e-6);
        assertEquals(0.636f, p.value()[1], 1e-6);
        // t=4, E = 0.4: w0's stored gradient was zeroed, so it restarts: w0 += 0.06 = 0.96.
        //      w1's gradient changed sign but E fell (0.4 < 0.8): Delta = 0.072, no backtracking, w1 stays.
        step(rule, p, 0.4, -0.3f, -1f);
        assertEquals(0.96f, p.value()[0], 1e-6);
        assertEquals(0.636f, p.value()[1], 1e-6);
        // t=5, E = 0.3: w0 same sign: Delta = 0.072: w0 = 1.032. w1 restarts with Delta = 0.072: 0.708.
        step(rule, p, 0.3, -0.3f, -1f);
        assertEquals(1.032f, p.value()[0], 1e-6);
        assertEquals(0.708f, p.value()[1], 1e-6);
    }

    @Test
    void refusesToStepWithoutTheError() {
        Param p = Param.of("w", new float[] {1}, true);
        Optimizer rule = new IRpropPlus().create(List.of(p));
        IllegalStateException e = assertThrows(IllegalStateException.class, rule::step);
        assertTrue(e.getMessage().contains("loss(E)"), e.getMessage());
        ((LossAware) rule).loss(1);
        rule.step();
        assertThrows(IllegalStateException.class, rule::step, "the error is needed again for every step");
    }

    @Test
    void minimisesQuadraticAndRosenbrock() {
        Problems.Quadratic q = new Problems.Quadratic(new double[] {1, 10, 100}, new double[] {0.5, -0.3, 0.2},
                new float[] {1, 1, 1});
        int quadratic = Problems.stepsToReach(new IRpropPlus(), q, 1e-8, 200);
        assertTrue(quadratic > 0 && quadratic <= 60, "steps to E < 1e-8 on the quadratic: " + quadratic);
        Problems.Rosenbrock r = new Problems.Rosenbrock(-1.2f, 1f);
        assertTrue(Problems.stepsToReach(new IRpropPlus(), r, 1e-6, 5000) > 0);
        assertEquals(1, r.w.value()[0], 2e-3);
    }

    @Test
    void trainsXorFasterThanGradientDescent() {
        // Same benchmark as RpropTest: XOR 2:3:1, seed 6, E < 0.01; measured 31 epochs (GD eta = 2: 355).
        int epochs = Problems.stepsToReach(new IRpropPlus(), Problems.Mlp.xor(3, 6), 0.01, 5000);
        assertEquals(31, epochs);
    }

    @Test
    void rejectsBadConfiguration() {
        assertThrows(IllegalArgumentException.class, () -> new IRpropPlus(-0.1, 50));
        assertThrows(IllegalArgumentException.class, () -> new IRpropPlus(1, 0.5));
        assertTrue(Double.isNaN(new IRpropPlus().learningRate()));
        assertEquals("irprop+:0.1:50.0", new IRpropPlus().name());
    }
}
