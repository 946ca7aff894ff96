package org.neurona.train.rule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.neurona.layer.Param;

class AdaGradTest {

    @Test
    void firstStepsByHand() {
        // eta = 0.1, eps = 1e-10, w = 1, gradients 0.5, -1, 2.
        // t=1: G = 0.25, sqrt = 0.5:        w = 1 - 0.1 * 0.5 / 0.5 = 0.9.
        // t=2: G = 1.25, sqrt = 1.1180340:  w = 0.9 + 0.1 / 1.1180340 = 0.9894427.
        // t=3: G = 5.25, sqrt = 2.2912878:  w = 0.9894427 - 0.2 / 2.2912878 = 0.9021556.
        Param p = Param.of("w", new float[] {1}, true);
        Optimizer ada = new AdaGrad(0.1, 1e-10).create(List.of(p));
        float[] grads = {0.5f, -1f, 2f};
        double[] expected = {0.9, 0.9894427191, 0.9021555630};
        for (int t = 0; t < 3; t++) {
            p.grad()[0] = grads[t];
            ada.step();
            assertEquals(expected[t], p.value()[0], 1e-6, "after step " + (t + 1));
        }
    }

    @Test
    void minimisesQuadraticAndLogisticRegression() {
        Problems.Quadratic q = new Problems.Quadratic(new double[] {1, 10, 100}, new double[] {0.5, -0.3, 0.2},
                new float[] {1, 1, 1});
        int quadratic = Problems.stepsToReach(new AdaGrad(0.5), q, 1e-8, 500);
        assertTrue(quadratic > 0, "AdaGrad did not reach E < 1e-8 on the quadratic in 500 steps");
        Problems.LogisticRegression lr = new Problems.LogisticRegression(7, 40, 0.01);
        Problems.train(new AdaGrad(0.5), lr, 2000);
        assertEquals(0, lr.errors(), "training points misclassified");
    }

    @Test
    void trainsXor() {
        // XOR 2:3:1, seed 6, E < 0.01 (see RpropTest): measured 125 epochs with eta = 0.5.
        assertEquals(125, Problems.stepsToReach(new AdaGrad(0.5), Problems.Mlp.xor(3, 6), 0.01, 5000));
    }

    @Test
    void rejectsBadConfiguration() {
        assertThrows(IllegalArgumentException.class, () -> new AdaGrad(0));
        assertThrows(IllegalArgumentException.class, () -> new AdaGrad(0.1, 0));
        assertEquals(0.1, new AdaGrad(0.1).learningRate());
    }
}
