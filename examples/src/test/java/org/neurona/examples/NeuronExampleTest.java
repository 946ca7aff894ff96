package org.neurona.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class NeuronExampleTest {
    @Test
    void thresholdUnitsComputeAndAndOrAndThePerceptronRuleSeparatesLineal() {
        NeuronExample.Outcome o = NeuronExample.run();
        assertArrayEquals(new int[] {0, 0, 0, 1}, o.and());
        assertArrayEquals(new int[] {0, 1, 1, 1}, o.or());
        assertTrue(o.formsAgree());
        assertTrue(o.converged());
        assertEquals(0, o.errors());
        // TOUR.md section 1 states these
        assertEquals(4, o.epochs());
        assertArrayEquals(new double[] {0.633, 0.562, 0.597}, o.weights(), 5e-4);
    }
}
