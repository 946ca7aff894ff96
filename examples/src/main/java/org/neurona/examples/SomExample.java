package org.neurona.examples;

import java.util.Locale;
import org.neurona.data.Dataset;
import org.neurona.math.Rng;
import org.neurona.net.competitive.Som;
import org.neurona.net.competitive.SomResult;
import org.neurona.net.competitive.SomSpec;

/**
 * A Kohonen map learns the shape of its data: a 6 x 6 map trained on 1000 points uniform in the
 * unit square (data seed 17, 40 epochs, map seed 4, the library's defaults otherwise) unfolds
 * into a grid over the square, so units next to each other on the map end next to each other
 * in the plane. Then the same map on the four blobs of {@link CompetitiveExample}: its U-matrix
 * shows the blobs as valleys separated by ridges.
 *
 * <p>Targets (asserted by the test): on the square, the mean weight distance of grid neighbours
 * is below half that of units 3 or more grid steps apart (measured 0.155 vs 0.588), the
 * quantisation error is below 0.1 (0.064) and the topographic error below 0.05 (0.012), every
 * unit wins; on the blobs, the U-matrix's largest value is at least 3 times its smallest.
 */
public final class SomExample {
    private SomExample() {}

    /**
     * Points uniform in the unit square.
     *
     * @param n    number of points
     * @param seed seed of the points
     * @return (n, 2) points in [0, 1]^2
     */
    public static Dataset square(int n, long seed) {
        Rng rng = new Rng(seed);
        float[] x = new float[n * 2];
        for (int i = 0; i < x.length; i++) x[i] = (float) rng.nextDouble();
        return new Dataset(x, new float[0], n, 2, 0);
    }

    /**
     * Trains the example's map.
     *
     * @param data the patterns
     * @return a 6x6 map, 40 epochs, seed 4
     */
    public static Som train(Dataset data) {
        return Som.train(SomSpec.of(6, 6).withEpochs(40).withSeed(4), data);
    }

    /**
     * Mean weight-space distance of unit pairs at a given grid distance.
     *
     * @param som      the map
     * @param minSteps least grid (city-block) distance counted
     * @param maxSteps largest grid distance counted
     * @return the mean Euclidean distance of their weight vectors
     */
    public static double meanDistance(Som som, int minSteps, int maxSteps) {
        int units = som.rows() * som.cols(), cols = som.cols(), n = 0;
        double sum = 0;
        for (int u = 0; u < units; u++) {
            for (int v = u + 1; v < units; v++) {
                int steps = Math.abs(u / cols - v / cols) + Math.abs(u % cols - v % cols);
                if (steps < minSteps || steps > maxSteps) continue;
                sum += som.weightDistance(u, v);
                n++;
            }
        }
        return sum / n;
    }

    /**
     * Prints the map's measures on the square and its U-matrix on the blobs.
     *
     * @param args not used
     */
    public static void main(String[] args) {
        Dataset data = square(1000, 17);
        Som som = train(data);
        SomResult r = som.evaluate(data);
        System.out.printf(Locale.ROOT, "6x6 map on the unit square: neighbours %.3f apart, units 3+ steps apart %.3f%n",
                meanDistance(som, 1, 1), meanDistance(som, 3, Integer.MAX_VALUE));
        System.out.printf(Locale.ROOT, "  quantisation error %.3f, topographic error %.3f, dead units %d%n",
                r.clusters().quantizationError(), r.topographicError(), r.clusters().deadUnits());
        Som blobs = train(CompetitiveExample.blobs().data());
        System.out.println("U-matrix of the same map trained on the four blobs (high = border):");
        for (double[] row : blobs.uMatrix()) {
            StringBuilder b = new StringBuilder(" ");
            for (double v : row) b.append(String.format(Locale.ROOT, " %5.2f", v));
            System.out.println(b);
        }
    }
}
