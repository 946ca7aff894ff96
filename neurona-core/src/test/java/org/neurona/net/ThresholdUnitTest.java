package org.neurona.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.neurona.activation.Logistic;
import org.neurona.activation.Sign;
import org.neurona.activation.Step;
import org.neurona.math.Rng;

class ThresholdUnitTest {

    private static final double[][] BINARY2 = {{0, 0}, {0, 1}, {1, 0}, {1, 1}};

    @Test
    void andOrNotComputeTheirTruthTables() {
        ThresholdUnit and = ThresholdUnit.and(2), or = ThresholdUnit.or(2), not = ThresholdUnit.not();
        double[] andTable = {0, 0, 0, 1}, orTable = {0, 1, 1, 1};
        for (int i = 0; i < 4; i++) {
            assertEquals(andTable[i], and.output(BINARY2[i]), "AND" + java.util.Arrays.toString(BINARY2[i]));
            assertEquals(orTable[i], or.output(BINARY2[i]), "OR" + java.util.Arrays.toString(BINARY2[i]));
        }
        assertEquals(1, not.output(0));
        assertEquals(0, not.output(1));
        // AND of three: fires only when all three are on
        ThresholdUnit and3 = ThresholdUnit.and(3);
        assertEquals(1, and3.output(1, 1, 1));
        assertEquals(0, and3.output(1, 0, 1));
    }

    @Test
    void thresholdAsWeightOnConstantMinusOneGivesTheSameOutput() {
        ThresholdUnit[] units = {ThresholdUnit.and(2), ThresholdUnit.or(2),
                new ThresholdUnit(new double[] {0.7, -1.3}, 0.2, new Sign())};
        for (ThresholdUnit u : units) {
            double[] ext = u.extendedWeights();
            assertEquals(u.theta(), ext[0], 0, "w_0 = theta");
            ThresholdUnit same = ThresholdUnit.fromExtendedWeights(ext, u.activation());
            for (double[] x : BINARY2) {
                double[] xe = ThresholdUnit.extend(x);
                assertEquals(-1, xe[0]);
                assertEquals(u.output(x), u.outputExtended(xe), u + " at " + java.util.Arrays.toString(x));
                assertEquals(u.output(x), same.output(x));
                // sum_{j=0..n} w_j x_j with x_0 = -1 is the net input sum w_j x_j - theta
                double s = 0;
                for (int j = 0; j < ext.length; j++) s += ext[j] * xe[j];
                assertEquals(u.net(x), s, 1e-15);
            }
        }
        // the same on random real inputs
        Rng rng = new Rng(5);
        ThresholdUnit u = new ThresholdUnit(new double[] {0.4, -0.9, 1.5}, -0.3, new Step());
        for (int t = 0; t < 200; t++) {
            double[] x = {rng.uniform(-2, 2), rng.uniform(-2, 2), rng.uniform(-2, 2)};
            assertEquals(u.output(x), u.outputExtended(ThresholdUnit.extend(x)));
        }
    }

    @Test
    void signUnitOutputsPlusOrMinusOneAndFiresAtTheThreshold() {
        ThresholdUnit u = new ThresholdUnit(new double[] {1, 1}, 1, new Sign());
        assertEquals(-1, u.output(0, 0));
        assertEquals(1, u.output(1, 0), "net input exactly at theta fires");
        assertEquals(1, u.output(1, 1));
    }

    @Test
    void badInputsAreRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ThresholdUnit(new double[] {1}, 0, new Logistic()));
        assertTrue(e.getMessage().contains("'logistic'; expected a step function"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ThresholdUnit.and(2).output(1, 0, 1));
        assertTrue(e.getMessage().contains("input has 3 values; the unit expects 2"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ThresholdUnit.and(2).outputExtended(1, 1, 1));
        assertTrue(e.getMessage().contains("x_0 is 1.0; expected the constant -1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new ThresholdUnit(new double[] {Double.NaN}, 0, new Step()));
        assertTrue(e.getMessage().contains("w_1 is NaN"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new ThresholdUnit(new double[] {1}, Double.POSITIVE_INFINITY, new Step()));
        assertThrows(IllegalArgumentException.class, () -> ThresholdUnit.and(0));
    }

    @Test
    void weightsAreCopied() {
        double[] w = {1, 2};
        ThresholdUnit u = new ThresholdUnit(w, 0.5, new Step());
        w[0] = 99;
        assertArrayEquals(new double[] {1, 2}, u.weights());
        assertArrayEquals(new double[] {0.5, 1, 2}, u.extendedWeights());
    }
}
