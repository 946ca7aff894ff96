package org.neurona.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class HopfieldCapacityExampleTest {

    /** Rows of the table in docs/UNSUPERVISED.md: P, exact, fixed, overlap. */
    static final double[][] DOC = {
        {5, 1.000, 1.000, 1.000},
        {8, 0.981, 0.988, 0.997},
        {10, 0.965, 0.965, 0.997},
        {14, 0.664, 0.771, 0.946},
        {20, 0.240, 0.385, 0.763},
    };

    @Test
    void reproducesTheDocumentsCapacityTable() {
        for (double[] row : DOC) {
            HopfieldCapacityExample.Row r = HopfieldCapacityExample.measure((int) row[0], HopfieldCapacityExample.MEMORIES);
            assertEquals(row[1], r.exact(), 0.0005, "exact at P = " + row[0]);
            assertEquals(row[2], r.fixed(), 0.0005, "fixed at P = " + row[0]);
            assertEquals(row[3], r.overlap(), 0.0005, "overlap at P = " + row[0]);
        }
    }
}
