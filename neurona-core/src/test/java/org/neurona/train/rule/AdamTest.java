package org.neurona.train.rule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.neurona.layer.Param;

class AdamTest {

    @Test
    void firstStepsByHand() {
        // eta = 0.1, beta1 = 0.9, beta2 = 0.999, eps = 1e-8, w = 1, gradients 0.5, -1, 2.
        // t=1: m = 0.05, v = 0.00025; m^ = 0.05 / 0.1 = 0.5, v^ = 0.00025 / 0.001 = 0.25;
        //      w = 1 - 0.1 * 0.5 / (0.5 + 1e-8) = 0.9 (+2e-9).
        // t=2: m = 0.045 - 0.1 = -0.055, v = 0.00024975 + 0.001 = 0.00124975;
        //      m^ = -0.055 / 0.19 = -0.2894737, v^ = 0.00124975 / 0.001999 = 0.6251876, sqrt = 0.7906881;
        //      w = 0.9 + 0.1 * 0.2894737 / 0.7906881 = 0.9366104.
        // t=3: m = -0.0495 + 0.2 = 0.1505, v = 0.00124850 + 0.004 = 0.00524850;
        //      m^ = 0.1505 / 0.271 = 0.5553506, v^ = 0.0052485 / 0.002997 = 1.7512508, sqrt = 1.3233483;
        //      w = 0.9366104 - 0.1 * 0.5553506 / 1.3233483 = 0.8946448.
        Param p = Param.of("w", new float[] {1}, true);
        Optimizer adam = new Adam(0.1, 0.9, 0.999, 1e-8).create(List.of(p));
        float[] grads = {0.5f, -1f, 2f};
        double[] expected = {0.900000002, 0.9366103542, 0.8946447927};
        for (int t = 0; t < 3; t++) {
            p.grad()[0] = grads[t];
            adam.step();
            assertEquals(expected[t], p.value()[0], 1e-6, "after step " + (t + 1));
        }
    }

    @Test
    void learningRateCanBeChanged() {
        // The first Adam step is eta * sign(g) (m^ / sqrt(v^) = g / |g|); after learningRate(0.01) it is 0.01.
        Param p = Param.of("w", new float[] {0}, true);
        Optimizer adam = new Adam(0.1).create(List.of(p));
        adam.learningRate(0.01);
        p.grad()[0] = 3;
        adam.step();
        assertEquals(-0.01, p.value()[0], 1e-7);
    }

    @Test
    void minimisesQuadraticAndRosenbrock() {
        Problems.Quadratic q = new Problems.Quadratic(new double[] {1, 10, 100}, new double[] {0.5, -0.3, 0.2},
                new float[] {1, 1, 1});
        int quadratic = Problems.stepsToReach(new Adam(0.05), q, 1e-8, 2000);
        assertTrue(quadratic > 0, "Adam did not reach E < 1e-8 on the quadratic in 2000 steps");
        Problems.Rosenbrock r = new Problems.Rosenbrock(-1.2f, 1f);
        int rosenbrock = Problems.stepsToReach(new Adam(0.05), r, 1e-6, 5000);
        assertTrue(rosenbrock > 0, "Adam did not reach E < 1e-6 on Rosenbrock in 5000 steps");
        assertEquals(1, r.w.value()[0], 2e-3);
    }

    @Test
    void trainsXor() {
        // XOR 2:3:1, seed 6, E < 0.01 (see RpropTest): measured 158 epochs with eta = 0.05.
        assertEquals(158, Problems.stepsToReach(new Adam(0.05), Problems.Mlp.xor(3, 6), 0.01, 5000));
    }

    @Test
    void rejectsBadConfiguration() {
        assertThrows(IllegalArgumentException.class, () -> new Adam(0));
        assertThrows(IllegalArgumentException.class, () -> new Adam(0.1, 1, 0.999, 1e-8));
        assertThrows(IllegalArgumentException.class, () -> new Adam(0.1, 0.9, -0.1, 1e-8));
        assertThrows(IllegalArgumentException.class, () -> new Adam(0.1, 0.9, 0.999, 0));
        assertEquals("adam:0.001:0.9:0.999:1.0E-8", new Adam(0.001).name());
    }
}
