package org.neurona.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LinealExampleTest {
    @Test
    void classifiesAllFifteenPointsAndTheErrorFalls() {
        LinealExample.Outcome o = LinealExample.run();
        assertEquals(15, o.points());
        assertEquals(15, o.correct());
        assertTrue(o.lastError() < 0.5 * o.firstError(), o.firstError() + " -> " + o.lastError());
    }
}
