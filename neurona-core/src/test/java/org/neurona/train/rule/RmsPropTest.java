package org.neurona.train.rule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.neurona.layer.Param;

class RmsPropTest {

    @Test
    void firstStepsByHand() {
        // eta = 0.01, rho = 0.9, eps = 1e-8, w = 1, gradients 0.5, -1, 2.
        // t=1: v = 0.1 * 0.25 = 0.025, sqrt = 0.1581139: w = 1 - 0.01 * 0.5 / 0.1581139 = 0.9683772.
        // t=2: v = 0.0225 + 0.1 = 0.1225, sqrt = 0.35:      w = 0.9683772 + 0.01 / 0.35 = 0.9969487.
        // t=3: v = 0.11025 + 0.4 = 0.51025, sqrt = 0.7143179: w = 0.9969487 - 0.02 / 0.7143179 = 0.9689499.
        Param p = Param.of("w", new float[] {1}, true);
        Optimizer rms = new RmsProp(0.01, 0.9, 1e-8).create(List.of(p));
        float[] grads = {0.5f, -1f, 2f};
        double[] expected = {0.9683772254, 0.9969486532, 0.9689499135};
        for (int t = 0; t < 3; t++) {
            p.grad()[0] = grads[t];
            rms.step();
            assertEquals(expected[t], p.value()[0], 1e-6, "after step " + (t + 1));
        }
    }

    @Test
    void minimisesQuadraticAndLogisticRegression() {
        // With a constant eta RMSProp ends in a cycle of size about eta around the minimum: with
        // eta = 1e-3 on curvatures up to 100 that is E of order 1e-5.
        Problems.Quadratic q = new Problems.Quadratic(new double[] {1, 10, 100}, new double[] {0.5, -0.3, 0.2},
                new float[] {1, 1, 1});
        int quadratic = Problems.stepsToReach(new RmsProp(0.001), q, 1e-4, 5000);
        assertTrue(quadratic > 0, "RMSProp did not reach E < 1e-4 on the quadratic in 5000 steps");
        Problems.LogisticRegression lr = new Problems.LogisticRegression(7, 40, 0.01);
        Problems.train(new RmsProp(0.01), lr, 2000);
        assertEquals(0, lr.errors(), "training points misclassified");
    }

    @Test
    void trainsXor() {
        // XOR 2:3:1, seed 6, E < 0.01 (see RpropTest): measured 562 epochs with eta = 0.01.
        assertEquals(562, Problems.stepsToReach(new RmsProp(0.01), Problems.Mlp.xor(3, 6), 0.01, 5000));
    }

    @Test
    void rejectsBadConfiguration() {
        assertThrows(IllegalArgumentException.class, () -> new RmsProp(-1));
        assertThrows(IllegalArgumentException.class, () -> new RmsProp(0.01, 1, 1e-8));
        assertThrows(IllegalArgumentException.class, () -> new RmsProp(0.01, 0.9, -1));
    }
}
