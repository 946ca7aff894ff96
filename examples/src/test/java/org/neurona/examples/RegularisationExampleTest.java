package org.neurona.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RegularisationExampleTest {
    @Test
    void weightDecayKeepsTheWeightsSmallAndXorSolved() {
        RegularisationExample.Run plain = RegularisationExample.train(0);
        RegularisationExample.Run decayed = RegularisationExample.train(RegularisationExample.LAMBDA);
        assertTrue(decayed.finalWeightSize() < 0.5 * plain.finalWeightSize(),
                decayed.finalWeightSize() + " vs " + plain.finalWeightSize());
        assertEquals(4, decayed.correct());
        assertEquals(4, plain.correct());
        assertEquals(2000, decayed.weightSize().length);
        // TOUR.md section 4 states these
        assertEquals(365.6, plain.finalWeightSize(), 0.05);
        assertEquals(159.1, decayed.finalWeightSize(), 0.05);
        assertEquals(0.0165, decayed.sse(), 5e-5);
        assertEquals(0.0003, plain.sse(), 5e-5);
    }
}
