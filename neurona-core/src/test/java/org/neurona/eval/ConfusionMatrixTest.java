package org.neurona.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.neurona.data.OneHot;

class ConfusionMatrixTest {

    private static final List<String> ABC = List.of("a", "b", "c");

    @Test
    void countsAndRatesByHand() {
        int[] truth = {0, 0, 1, 1, 2, 2};
        int[] pred = {0, 1, 1, 1, 2, OneHot.UNCLASSIFIED};
        ConfusionMatrix m = ConfusionMatrix.of(truth, pred, ABC);
        assertEquals(1, m.count(0, 0));
        assertEquals(1, m.count(0, 1));
        assertEquals(2, m.count(1, 1));
        assertEquals(1, m.count(2, OneHot.UNCLASSIFIED));
        assertEquals(6, m.total());
        assertEquals(4, m.correct());
        assertEquals(1, m.unclassified());
        assertEquals(4.0 / 6, m.accuracy(), 1e-12);
        assertEquals(2.0 / 3, m.precision(1), 1e-12);
        assertEquals(1.0, m.precision(2), 1e-12);
        assertEquals(0.5, m.recall(0), 1e-12);
        assertEquals(0.5, m.recall(2), 1e-12);
    }

    @Test
    void prettyText() {
        ConfusionMatrix m = ConfusionMatrix.of(new int[] {0, 0, 1, 1, 2, 2}, new int[] {0, 1, 1, 1, 2, -1}, ABC);
        String t = m.toText();
        String[] lines = t.split("\\R");
        assertEquals("true\\pred          a         b         c unclassified    recall", lines[0]);
        assertEquals("a                  1         1         0            0     0.500", lines[1]);
        assertEquals("precision      1.000     0.667     1.000", lines[4]);
        assertEquals("accuracy 0.667 (4 of 6), 1 unclassified", lines[5]);
    }

    @Test
    void fromOutputsWithADecisionRule() {
        float[] targets = {1, 0, 0, 1, 1, 0};
        float[] outputs = {0.9f, 0.2f, 0.4f, 0.45f, 0.3f, 0.6f};
        ConfusionMatrix wta = ConfusionMatrix.of(targets, outputs, 3, List.of("x", "y"), OneHot.Rule.WTA);
        assertEquals(1, wta.count(0, 0));
        assertEquals(1, wta.count(1, 1));
        assertEquals(1, wta.count(0, 1));
        ConfusionMatrix r = ConfusionMatrix.of(targets, outputs, 3, List.of("x", "y"), OneHot.Rule.R402040);
        assertEquals(1, r.correct(), "402040: only (0.9, 0.2) is right; (0.4, 0.45) has no output >= 0.6");
        assertEquals(1, r.unclassified());
        assertEquals(1, r.count(0, 1), "(0.3, 0.6) is class y for both rules");
        assertTrue(r.accuracy() < wta.accuracy());
    }

    @Test
    void badIndices() {
        assertEquals("predicted class 3 of pattern 1; expected 0..2 or -1 (unclassified)",
                assertThrows(IllegalArgumentException.class, () -> ConfusionMatrix.of(new int[] {0}, new int[] {3}, ABC)).getMessage());
        assertEquals("2 true classes but 1 predictions",
                assertThrows(IllegalArgumentException.class, () -> ConfusionMatrix.of(new int[] {0, 1}, new int[] {3}, 3)).getMessage());
    }
}
