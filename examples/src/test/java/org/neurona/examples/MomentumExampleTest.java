package org.neurona.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.neurona.train.History;

class MomentumExampleTest {
    @Test
    void momentumReachesTheTargetTenTimesSooner() {
        History without = MomentumExample.train(0), with = MomentumExample.train(0.9);
        // TOUR.md section 4 states these
        assertEquals(1475, MomentumExample.epochsTo(without, 0.05));
        assertEquals(138, MomentumExample.epochsTo(with, 0.05));
        assertEquals(0.0100, without.finalTrainError(), 5e-5);
        assertEquals(0.00028, with.finalTrainError(), 5e-6);
    }
}
