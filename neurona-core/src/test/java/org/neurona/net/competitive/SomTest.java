package org.neurona.net.competitive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.neurona.data.Dataset;
import org.neurona.math.Rng;

class SomTest {

    static Dataset uniform(int n, int dim, long seed) {
        Rng rng = new Rng(seed);
        float[] x = new float[n * dim];
        for (int i = 0; i < x.length; i++) x[i] = (float) rng.nextDouble();
        return new Dataset(x, new float[0], n, dim, 0);
    }

    @Test
    void gridNeighboursEndCloserInWeightSpaceThanDistantUnits() {
        Dataset data = uniform(1000, 2, 17);
        Som som = Som.train(SomSpec.of(6, 6).withEpochs(40).withSeed(4), data);
        double near = 0, far = 0;
        int nNear = 0, nFar = 0;
        for (int u = 0; u < 36; u++) {
            for (int v = u + 1; v < 36; v++) {
                int steps = Math.abs(u / 6 - v / 6) + Math.abs(u % 6 - v % 6);
                if (steps == 1) { near += som.weightDistance(u, v); nNear++; }
                if (steps >= 3) { far += som.weightDistance(u, v); nFar++; }
            }
        }
        near /= nNear;
        far /= nFar;
        // an ordered 6x6 map of the unit square has neighbours about 1/6 apart, 3+ steps about 0.6
        assertTrue(near < 0.5 * far, "neighbours " + near + ", 3+ steps apart " + far);
        SomResult r = som.evaluate(data);
        assertEquals(6, r.uMatrix().length);
        for (double[] row : r.uMatrix()) assertEquals(6, row.length);
        assertEquals(0, r.clusters().deadUnits());
        // 36 units tile the unit square: a cell has side ~1/6, mean distance to its centre ~0.07
        assertTrue(r.clusters().quantizationError() < 0.1, "quantisation error " + r.clusters().quantizationError());
        assertTrue(r.topographicError() < 0.2, "topographic error " + r.topographicError());
    }

    @Test
    void chainOnALineOrdersItsWeightsMonotonically() {
        // Kohonen's classic 1-D result: a chain trained on a segment ends up ordered along it
        Dataset data = uniform(500, 1, 5);
        Som som = Som.train(SomSpec.of(1, 10).withEpochs(50).withSeed(2), data);
        float[] w = som.weights();
        int sign = Float.compare(w[9], w[0]);
        assertTrue(sign != 0);
        for (int u = 1; u < 10; u++) assertEquals(sign, Float.compare(w[u], w[u - 1]), "weights " + java.util.Arrays.toString(w));
        assertTrue(Math.min(w[0], w[9]) < 0.15 && Math.max(w[0], w[9]) > 0.85, java.util.Arrays.toString(w));
    }

    @Test
    void uMatrixByHandOnAFixedMap() {
        // 2x2 map in 1-D: weights 0 1 / 0 3  (rows)
        Som som = Som.of(new SomSpec(2, 2, 1, 0.5, 0.5, 1, 1, CompetitiveDecay.LINEAR, 1), 1, new float[] {0, 1, 0, 3});
        double[][] um = som.uMatrix();
        assertEquals((1 + 0) / 2.0, um[0][0], 1e-12);  // right 1, down 0
        assertEquals((1 + 2) / 2.0, um[0][1], 1e-12);  // left 1, down 2
        assertEquals((0 + 3) / 2.0, um[1][0], 1e-12);  // up 0, right 3
        assertEquals((2 + 3) / 2.0, um[1][1], 1e-12);  // up 2, left 3
        assertEquals(3, som.winner(new float[] {2.5f}));
        // patterns at 0.4: best unit 0 or 2 (tie, lowest index 0), second 2: neighbours -> no error;
        // pattern at 2: best 3, second 1: neighbours
        Dataset d = Dataset.of(new double[][] {{0.4}, {2}}, new double[][] {{}, {}});
        assertEquals(0.0, som.topographicError(d), 1e-12);
    }

    @Test
    void gridParsingAndValidation() {
        assertEquals(6, SomSpec.parseGrid("6x4").rows());
        assertEquals(4, SomSpec.parseGrid("6x4").cols());
        assertEquals(1, SomSpec.parseGrid("10").rows());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SomSpec.parseGrid("6by6"));
        assertTrue(e.getMessage().contains("6by6"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SomSpec.of(0, 3));
        assertThrows(IllegalArgumentException.class, () -> SomSpec.of(3, 3).withRadius(1, 2));
        Som som = Som.train(SomSpec.of(2, 2).withEpochs(2), uniform(3, 2, 1)); // more units than patterns is fine
        IllegalArgumentException w = assertThrows(IllegalArgumentException.class, () -> som.assign(uniform(3, 3, 1)));
        assertTrue(w.getMessage().contains("3 inputs"), w.getMessage());
    }
}
