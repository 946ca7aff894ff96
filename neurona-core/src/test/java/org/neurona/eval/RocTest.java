package org.neurona.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.neurona.math.Rng;

class RocTest {

    @Test
    void handComputedCurve() {
        Roc roc = Roc.of(new float[] {0.9f, 0.8f, 0.7f, 0.6f}, new float[] {1, 0, 1, 0});
        List<Roc.Point> p = roc.points();
        double[][] want = {{0, 0}, {0, 0.5}, {0.5, 0.5}, {0.5, 1}, {1, 1}};
        assertEquals(want.length, p.size());
        for (int i = 0; i < want.length; i++) {
            assertEquals(want[i][0], p.get(i).fpr(), 1e-12, "fpr " + i);
            assertEquals(want[i][1], p.get(i).tpr(), 1e-12, "tpr " + i);
        }
        assertEquals(0.75, roc.auc(), 1e-12);
        assertEquals(Double.POSITIVE_INFINITY, p.get(0).threshold());
        assertEquals(0.8f, (float) p.get(1).threshold(), "scores above 0.8 count as positive");
    }

    @Test
    void perfectAndReversed() {
        assertEquals(1.0, Roc.of(new float[] {0.1f, 0.2f, 0.8f}, new float[] {0, 0, 1}).auc(), 1e-12);
        assertEquals(0.0, Roc.of(new float[] {0.9f, 0.2f, 0.1f}, new float[] {0, 1, 1}).auc(), 1e-12);
    }

    @Test
    void aucIsTheMannWhitneyStatisticWithTies() {
        Rng rng = new Rng(11);
        int n = 300;
        float[] s = new float[n], t = new float[n];
        for (int i = 0; i < n; i++) {
            t[i] = rng.nextDouble() < 0.4 ? 1 : 0;
            s[i] = (float) Math.round((rng.nextDouble() + 0.3 * t[i]) * 20) / 20;  // many ties
        }
        double wins = 0;
        long pairs = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (t[i] == 1 && t[j] == 0) {
                    pairs++;
                    wins += s[i] > s[j] ? 1 : s[i] == s[j] ? 0.5 : 0;
                }
            }
        }
        assertEquals(wins / pairs, Roc.of(s, t).auc(), 1e-12);
    }

    @Test
    void needsBothClasses() {
        assertEquals("a ROC curve needs positive and negative patterns; got 2 positives and 0 negatives",
                assertThrows(IllegalArgumentException.class, () -> Roc.of(new float[] {1, 2}, new float[] {1, 1})).getMessage());
        assertEquals("target 2 is 0.5; expected 0 or 1 for a ROC curve",
                assertThrows(IllegalArgumentException.class, () -> Roc.of(new float[] {1, 2}, new float[] {1, 0.5f})).getMessage());
    }
}
