package org.neurona.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.neurona.train.BpttForecaster;

class RecurrentExamplesTest {
    @Test
    void elmanPredictsOneStepAheadAndTheNetWithoutContextCannot() {
        BpttForecaster.Result e = ElmanExample.run(), f = ElmanExample.feedforward();
        assertTrue(e.testMse() < 1e-4, "Elman test MSE " + e.testMse());
        assertTrue(f.testMse() > 3000 * e.testMse(), f.testMse() + " vs " + e.testMse());
        assertEquals(1600, e.split());
        // TOUR.md section 9 states these
        assertEquals(9.70e-6, e.testMse(), 0.01e-6);
        assertEquals(1.04e-5, e.trainMse(), 0.01e-5);
        assertEquals(0.681, e.testForecastMse(), 5e-4);
        assertEquals(0.0316, f.testMse(), 5e-5);
    }

    @Test
    void jordanDoesLittleBetterThanNoContextOnThisSeries() {
        BpttForecaster.Result j = JordanExample.run();
        assertTrue(j.testMse() < 0.05, "Jordan test MSE " + j.testMse());
        // TOUR.md section 9 states these
        assertEquals(0.0236, j.testMse(), 5e-5);
        assertEquals(0.0239, j.trainMse(), 5e-5);
        assertEquals(0.659, j.testForecastMse(), 5e-4);
    }
}
