package org.neurona.net.competitive;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.neurona.data.Dataset;
import org.neurona.math.Rng;

class CompetitiveTest {

    /** n points per centre, Gaussian with the given sigma; labels[r] is the centre index. */
    static Dataset blobs(double[][] centres, int n, double sigma, long seed, int[] labels) {
        Rng rng = new Rng(seed);
        int dim = centres[0].length;
        float[] x = new float[centres.length * n * dim];
        for (int c = 0; c < centres.length; c++) {
            for (int i = 0; i < n; i++) {
                int r = c * n + i;
                labels[r] = c;
                for (int j = 0; j < dim; j++) x[r * dim + j] = (float) (centres[c][j] + sigma * rng.nextGaussian());
            }
        }
        return new Dataset(x, new float[0], centres.length * n, dim, 0);
    }

    static final double[][] SQUARE = {{0, 0}, {10, 0}, {0, 10}, {10, 10}};

    @Test
    void fourSeparatedBlobsGivePurityAbove095AndUseEveryUnit() {
        int[] labels = new int[400];
        Dataset data = blobs(SQUARE, 100, 0.8, 42, labels);
        Competitive net = Competitive.train(CompetitiveSpec.of(4).withSeed(7), data);
        CompetitiveResult r = net.evaluate(data, labels);
        assertTrue(r.purity().getAsDouble() >= 0.95, "purity " + r.purity());
        assertEquals(0, r.deadUnits(), "dead units");
        // each prototype sits near a different blob centre
        boolean[] taken = new boolean[4];
        for (int k = 0; k < 4; k++) {
            double best = Double.POSITIVE_INFINITY;
            int bestC = -1;
            for (int c = 0; c < 4; c++) {
                double dx = r.prototypes()[2 * k] - SQUARE[c][0], dy = r.prototypes()[2 * k + 1] - SQUARE[c][1];
                double d = Math.hypot(dx, dy);
                if (d < best) { best = d; bestC = c; }
            }
            assertTrue(best < 0.5, "prototype " + k + " is " + best + " from the nearest centre");
            assertTrue(!taken[bestC], "two prototypes at centre " + bestC);
            taken[bestC] = true;
        }
        // points of a 2-D Gaussian lie on average sigma sqrt(pi/2) from the centre
        assertEquals(0.8 * Math.sqrt(Math.PI / 2), r.quantizationError(), 0.15);
    }

    /**
     * Blobs at the corners of the unit square; three units start at three corners and the fourth
     * at (2, 2), farther from every pattern than some other unit: with plain winner-takes-all it
     * never wins.
     */
    private static final float[] BAD_START = {0, 0, 1, 0, 0, 1, 2, 2};
    private static final double[][] UNIT_SQUARE = {{0, 0}, {1, 0}, {0, 1}, {1, 1}};

    @Test
    void plainWinnerTakesAllLeavesADeadUnit() {
        int[] labels = new int[400];
        Dataset data = blobs(UNIT_SQUARE, 100, 0.05, 3, labels);
        CompetitiveSpec spec = CompetitiveSpec.of(4).plain().withEpochs(50).withSeed(3);
        CompetitiveResult r = Competitive.train(spec, data, BAD_START).evaluate(data, labels);
        assertEquals(0, r.wins()[3], "unit 3 should be dead");
        assertEquals(1, r.deadUnits());
        assertTrue(r.purity().getAsDouble() < 0.8, "purity " + r.purity());
        // the dead unit never moved
        assertEquals(2f, r.prototypes()[6]);
        assertEquals(2f, r.prototypes()[7]);
    }

    @Test
    void conscienceMakesEveryUnitWin() {
        int[] labels = new int[400];
        Dataset data = blobs(UNIT_SQUARE, 100, 0.05, 3, labels);
        CompetitiveSpec spec = CompetitiveSpec.of(4).plain().withEpochs(50).withSeed(3).withConscience(10, 1e-3);
        CompetitiveResult r = Competitive.train(spec, data, BAD_START).evaluate(data, labels);
        assertEquals(0, r.deadUnits(), "wins " + java.util.Arrays.toString(r.wins()));
        assertTrue(r.purity().getAsDouble() >= 0.95, "purity " + r.purity());
    }

    @Test
    void leakyLearningMakesEveryUnitWin() {
        int[] labels = new int[400];
        Dataset data = blobs(UNIT_SQUARE, 100, 0.05, 3, labels);
        CompetitiveSpec spec = CompetitiveSpec.of(4).plain().withEpochs(50).withSeed(3).withLeak(0.05);
        CompetitiveResult r = Competitive.train(spec, data, BAD_START).evaluate(data, labels);
        assertEquals(0, r.deadUnits(), "wins " + java.util.Arrays.toString(r.wins()));
        assertTrue(r.purity().getAsDouble() >= 0.95, "purity " + r.purity());
    }

    @Test
    void moreUnitsThanPatternsIsRejectedWithAClearMessage() {
        Dataset data = Dataset.of(new double[][] {{0, 0}, {1, 1}, {2, 2}}, new double[][] {{}, {}, {}});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Competitive.train(CompetitiveSpec.of(5), data));
        assertTrue(e.getMessage().contains("K = 5") && e.getMessage().contains("3 patterns"), e.getMessage());
    }

    @Test
    void dotProductRuleKeepsUnitWeightsAndSeparatesDirections() {
        // three bundles of directions in 3-D, patterns normalised to unit length
        int[] labels = new int[300];
        Dataset raw = blobs(new double[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}}, 100, 0.1, 11, labels);
        float[] x = raw.x().clone();
        for (int r = 0; r < 300; r++) {
            double s = Math.sqrt(x[3 * r] * x[3 * r] + x[3 * r + 1] * x[3 * r + 1] + x[3 * r + 2] * x[3 * r + 2]);
            for (int j = 0; j < 3; j++) x[3 * r + j] /= (float) s;
        }
        Dataset data = new Dataset(x, new float[0], 300, 3, 0);
        CompetitiveSpec spec = CompetitiveSpec.of(3).withWinner(CompetitiveSpec.Winner.DOT_PRODUCT).withSeed(5);
        Competitive net = Competitive.train(spec, data);
        CompetitiveResult r = net.evaluate(data, labels);
        assertTrue(r.purity().getAsDouble() >= 0.95, "purity " + r.purity());
        float[] w = net.prototypes();
        for (int k = 0; k < 3; k++) {
            double s = w[3 * k] * w[3 * k] + w[3 * k + 1] * w[3 * k + 1] + w[3 * k + 2] * w[3 * k + 2];
            assertEquals(1.0, s, 1e-5, "squared length of prototype " + k);
        }
    }

    @Test
    void sameSeedSameResultAndTrainingErrorFalls() {
        int[] labels = new int[400];
        Dataset data = blobs(SQUARE, 100, 0.8, 1, labels);
        Competitive a = Competitive.train(CompetitiveSpec.of(4).withSeed(9), data);
        Competitive b = Competitive.train(CompetitiveSpec.of(4).withSeed(9), data);
        assertArrayEquals(a.prototypes(), b.prototypes());
        double[] h = a.trainingError();
        assertEquals(100, h.length);
        assertTrue(h[h.length - 1] < h[0], "first epoch " + h[0] + ", last " + h[h.length - 1]);
    }

    @Test
    void loadedLayerAssignsByNearestPrototype() {
        Competitive net = Competitive.of(CompetitiveSpec.of(2), 2, new float[] {0, 0, 10, 10});
        assertEquals(0, net.winner(new float[] {1, 2}));
        assertEquals(1, net.winner(new float[] {6, 6}));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> net.winner(new float[] {1, 2, 3}));
        assertTrue(e.getMessage().contains("3 values"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Competitive.of(CompetitiveSpec.of(3), 2, new float[] {0, 0, 1, 1}));
    }

    @Test
    void specRejectsImpossibleValues() {
        assertThrows(IllegalArgumentException.class, () -> CompetitiveSpec.of(0));
        assertThrows(IllegalArgumentException.class, () -> CompetitiveSpec.of(2).withEta(0.1, 0.2));
        assertThrows(IllegalArgumentException.class, () -> CompetitiveSpec.of(2).withLeak(1));
        assertThrows(IllegalArgumentException.class, () -> CompetitiveSpec.of(2).withConscience(-1, 0.1));
        assertThrows(IllegalArgumentException.class, () -> CompetitiveSpec.of(2).withEpochs(0));
    }

    @Test
    void decaySchedulesHitBothEnds() {
        assertEquals(0.5, CompetitiveDecay.LINEAR.at(0.5, 0.1, 0, 5), 1e-12);
        assertEquals(0.3, CompetitiveDecay.LINEAR.at(0.5, 0.1, 2, 5), 1e-12);
        assertEquals(0.1, CompetitiveDecay.LINEAR.at(0.5, 0.1, 4, 5), 1e-12);
        assertEquals(0.1, CompetitiveDecay.EXPONENTIAL.at(1, 0.01, 2, 5), 1e-12);
        assertEquals(0.01, CompetitiveDecay.EXPONENTIAL.at(1, 0.01, 4, 5), 1e-12);
        assertEquals(0.7, CompetitiveDecay.EXPONENTIAL.at(0.7, 0.01, 0, 1), 1e-12);
        assertEquals(CompetitiveDecay.EXPONENTIAL, CompetitiveDecay.parse("Exp"));
        assertThrows(IllegalArgumentException.class, () -> CompetitiveDecay.parse("cosine"));
    }
}
