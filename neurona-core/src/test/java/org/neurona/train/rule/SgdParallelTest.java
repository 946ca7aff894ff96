package org.neurona.train.rule;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.neurona.layer.Param;
import org.neurona.math.Parallel;
import org.neurona.math.Rng;

/**
 * {@link Sgd}'s step split among two threads gives the weights and velocities of the serial
 * step bit for bit (parameter arrays of odd sizes, split points inside and between them), for
 * plain gradient descent, momentum and Nesterov momentum, and a learning rate changed between
 * steps; and one step computed by hand.
 */
class SgdParallelTest {

    private static List<Param> params(long seed) {
        Rng rng = new Rng(seed);
        List<Param> ps = new ArrayList<>();
        for (int size : new int[] {30001, 17, 9000, 5, 12345}) {
            float[] v = new float[size];
            for (int i = 0; i < size; i++) v[i] = rng.uniformFloat(-1f, 1f);
            ps.add(Param.of("p" + size, v, true));
        }
        return ps;
    }

    private static void gradients(List<Param> ps, Rng rng) {
        for (Param p : ps) for (int i = 0; i < p.size(); i++) p.grad()[i] = rng.uniformFloat(-1f, 1f);
    }

    @Test
    void twoThreadsGiveTheSerialStepBitForBit() {
        Sgd[] rules = {new Sgd(0.1, 0), new Sgd(0.05, 0.9), new Sgd(0.05, 0.9, true)};
        try (Parallel two = new Parallel(2)) {
            for (Sgd rule : rules) {
                List<Param> serial = params(1), split = params(1);
                Optimizer a = rule.create(serial), b = rule.create(split);
                b.parallel(two);
                Rng ga = new Rng(2), gb = new Rng(2);
                for (int step = 0; step < 3; step++) {
                    if (step == 2) {
                        a.learningRate(0.01);
                        b.learningRate(0.01);
                    }
                    gradients(serial, ga);
                    gradients(split, gb);
                    a.step();
                    b.step();
                }
                for (int p = 0; p < serial.size(); p++) {
                    assertArrayEquals(serial.get(p).value(), split.get(p).value(), rule.name() + " " + serial.get(p).name());
                }
            }
        }
    }

    @Test
    void oneMomentumStepByHand() {
        // Delta w(1) = -eta g = -0.5; Delta w(2) = alpha Delta w(1) - eta g = 0.9 * -0.5 - 0.5 * 1 = -0.95
        Param p = Param.of("w", new float[] {2f}, true);
        Optimizer o = new Sgd(0.5, 0.9).create(List.of(p));
        try (Parallel two = new Parallel(2)) {
            o.parallel(two); // one scalar: stays on the calling thread
            p.grad()[0] = 1f;
            o.step();
            assertEquals(1.5f, p.value()[0]);
            o.step();
            assertEquals(1.5f - 0.95f, p.value()[0], 1e-6f);
        }
    }
}
