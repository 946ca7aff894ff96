package org.neurona.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ActivationTableExampleTest {
    @Test
    void errataGiveTheCorrectValuesAndTheTableGivesTheWrongOnes() {
        ActivationTableExample.Erratum[] e = ActivationTableExample.errata();
        assertEquals(0.25, e[0].correct(), 1e-12);
        assertEquals(0.75, e[0].table(), 1e-12);
        assertEquals(0.7616, e[1].correct(), 5e-5);
        assertEquals(-0.7616, e[1].table(), 5e-5);
        assertEquals(0.6468, e[2].correct(), 5e-5);
        assertEquals(0.5619, e[2].table(), 5e-5);
    }
}
