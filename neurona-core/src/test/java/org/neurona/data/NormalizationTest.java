package org.neurona.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.neurona.data.Normalization.Kind;
import org.neurona.math.Rng;

class NormalizationTest {

    // columns: (1, 3, 5) and (10, 20, 40)
    private static final float[] X = {1, 10, 3, 20, 5, 40};

    @Test
    void minMaxMapsTheTrainingRangeToZeroOne() {
        Normalization n = Normalization.fit(Kind.MIN_MAX, X, 3, 2);
        assertArrayEquals(new double[] {1, 10}, n.shift());
        assertArrayEquals(new double[] {4, 30}, n.scale());
        assertArrayEquals(new float[] {0, 0, 0.5f, 1f / 3, 1, 1}, n.apply(X, 3), 1e-7f);
        // new data uses the training statistics, so it may fall outside [0, 1] (as in RSNNS)
        assertArrayEquals(new float[] {1.5f, -1f / 3}, n.apply(new float[] {7, 0}, 1), 1e-7f);
    }

    @Test
    void zScoreUsesTheSampleStandardDeviationLikeR() {
        // R: sd(c(1, 3, 5)) = 2, sd(c(10, 20, 40)) = 15.2752523...
        Normalization n = Normalization.fit(Kind.Z_SCORE, X, 3, 2);
        assertArrayEquals(new double[] {3, 70.0 / 3}, n.shift(), 1e-12);
        assertEquals(2.0, n.scale()[0], 1e-12);
        assertEquals(15.275252316519467, n.scale()[1], 1e-12);
        float[] z = n.apply(X, 3);
        assertEquals(-1f, z[0], 1e-7f);
        assertEquals(0f, z[2], 1e-7f);
        assertEquals(1f, z[4], 1e-7f);
    }

    @Test
    void centerSubtractsTheMean() {
        Normalization n = Normalization.fit(Kind.CENTER, X, 3, 2);
        assertArrayEquals(new float[] {-2, 10 - 70f / 3, 0, 20 - 70f / 3, 2, 40 - 70f / 3}, n.apply(X, 3), 1e-5f);
        assertArrayEquals(new double[] {1, 1}, n.scale());
    }

    @Test
    void invertUndoesApplyForEveryKind() {
        Rng rng = new Rng(42);
        float[] x = new float[50 * 3];
        for (int i = 0; i < x.length; i++) x[i] = (float) (rng.nextGaussian() * 100 + 7);
        for (Kind k : Kind.values()) {
            Normalization n = Normalization.fit(k, x, 50, 3);
            assertArrayEquals(x, n.invert(n.apply(x, 50), 50), 1e-3f, k.toString());
        }
    }

    @Test
    void constantColumnsKeepApplyAndInvertExact() {
        float[] x = {2, 2, 2};
        for (Kind k : Kind.values()) {
            Normalization n = Normalization.fit(k, x, 3, 1);
            assertEquals(1.0, n.scale()[0], k.toString());
            assertArrayEquals(x, n.invert(n.apply(x, 3), 3), k.toString());
        }
    }

    @Test
    void rebuiltFromItsStatisticsItIsTheSame() {
        Normalization n = Normalization.fit(Kind.Z_SCORE, X, 3, 2);
        Normalization back = Normalization.of(n.kind(), n.shift(), n.scale());
        assertEquals(n, back);
        assertArrayEquals(n.apply(X, 3), back.apply(X, 3));
        assertEquals("normalisation scale of column 2 is 0.0; expected a positive number",
                assertThrows(IllegalArgumentException.class, () -> Normalization.of(Kind.MIN_MAX, new double[2], new double[] {1, 0})).getMessage());
    }

    @Test
    void datasetInputsAndTargetsSeparately() {
        Dataset train = Dataset.of(new double[][] {{0}, {10}}, new double[][] {{100}, {300}});
        Normalization in = Normalization.fitInputs(Kind.MIN_MAX, train);
        Normalization out = Normalization.fitTargets(Kind.MIN_MAX, train);
        Dataset d = out.applyTargets(in.applyInputs(train));
        assertArrayEquals(new float[] {0, 1}, d.x());
        assertArrayEquals(new float[] {0, 1}, d.b());
        assertArrayEquals(new float[] {200}, out.invert(new float[] {0.5f}, 1), "a net's output back in target units");
        assertEquals("normalisation fitted on 1 columns, but the data has 2 inputs",
                assertThrows(IllegalArgumentException.class, () -> in.applyInputs(Dataset.of(new double[][] {{1, 2}}, new double[][] {{1}}))).getMessage());
    }

    @Test
    void kindsHaveTheirRsnnsNames() {
        assertEquals(Kind.MIN_MAX, Kind.parse("0_1"));
        assertEquals(Kind.Z_SCORE, Kind.parse("norm"));
        assertEquals(Kind.CENTER, Kind.parse("center"));
        assertEquals("norm", Kind.Z_SCORE.rsnnsName());
        for (Kind k : Kind.values()) assertEquals(k, Kind.parse(k.id()));
        assertEquals("minmax", Kind.MIN_MAX.id());
        assertEquals("unknown normalisation 'log'; expected minmax (RSNNS 0_1), center or zscore (RSNNS norm)",
                assertThrows(IllegalArgumentException.class, () -> Kind.parse("log")).getMessage());
    }
}
