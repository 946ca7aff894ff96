package org.neurona.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ClusteringTest {

    @Test
    void purityByHand() {
        // cluster 0: labels 0,0,1 -> 2 ; cluster 1: labels 1,1 -> 2 ; cluster 2: labels 2,0,2,2 -> 3
        int[] a = {0, 0, 0, 1, 1, 2, 2, 2, 2};
        int[] l = {0, 0, 1, 1, 1, 2, 0, 2, 2};
        assertEquals(7.0 / 9, Clustering.purity(a, l), 1e-12);
        assertEquals(1.0, Clustering.purity(new int[] {3, 3, 1}, new int[] {0, 0, 5}), 1e-12);
    }

    @Test
    void purityRejectsMismatchedLengthsAndNegativeLabels() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Clustering.purity(new int[] {0, 1}, new int[] {0}));
        assertTrue(e.getMessage().contains("2 cluster indices but 1 labels"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Clustering.purity(new int[] {0, 1}, new int[] {0, -3}));
        assertTrue(e.getMessage().contains("label of pattern 1 is -3"), e.getMessage());
    }

    @Test
    void quantizationErrorByHand() {
        float[] x = {0, 0, 3, 4, 10, 10};
        float[] w = {0, 0, 10, 10};
        // distances: 0, 5, 0 (pattern 1 assigned to unit 0)
        assertEquals(5.0 / 3, Clustering.quantizationError(x, 3, 2, w, new int[] {0, 0, 1}), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> Clustering.quantizationError(x, 3, 2, w, new int[] {0, 2, 1}));
    }

    @Test
    void nearestBreaksTiesTowardsTheLowestIndexAndCountsFindDeadUnits() {
        float[] w = {1, 0, -1, 0, 5, 5};
        assertEquals(0, Clustering.nearest(new float[] {0, 0}, 0, w, 3, 2));
        assertEquals(1, Clustering.nearest(new float[] {9, -2, 0}, 1, w, 3, 2));
        assertArrayEquals(new int[] {2, 0, 1}, Clustering.counts(new int[] {0, 2, 0}, 3));
    }
}
