package org.neurona.examples;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import org.neurona.data.Dataset;
import org.neurona.io.AtomicFiles;
import org.neurona.math.Rng;
import org.neurona.net.competitive.Competitive;
import org.neurona.net.competitive.CompetitiveResult;
import org.neurona.net.competitive.CompetitiveSpec;

/**
 * Competitive learning (winner-takes-all) on four Gaussian blobs at the corners of a 10 x 10
 * square, sigma 0.8, 100 points each (data seed 42): four units find the four blobs. Then the
 * dead-unit problem: over training seeds 0..49, plain winner-takes-all sometimes lets two units
 * share a blob, while DeSieno's conscience (the default) and leaky learning always find all four
 * (the table of docs/UNSUPERVISED.md).
 *
 * <p>Targets (asserted by the test): with the default spec and seed 7, purity &gt;= 0.95, no dead
 * unit, quantisation error within 0.15 of sigma sqrt(pi/2) = 1.003; with conscience and with leak
 * 0.01, purity &gt;= 0.95 for every seed 0..49; plain learning below 0.95 for some seed.
 */
public final class CompetitiveExample {
    private CompetitiveExample() {}

    /** Blob centres: the corners of the square [0, 10]^2. */
    public static final double[][] CENTRES = {{0, 0}, {10, 0}, {0, 10}, {10, 10}};

    /**
     * Patterns with their blob index.
     *
     * @param data   (N, 2) points, no targets
     * @param labels blob index per point (N)
     */
    public record Blobs(Dataset data, int[] labels) {}

    /**
     * Gaussian blobs around {@link #CENTRES}: x = centre + sigma N(0, I).
     *
     * @param perBlob points per centre
     * @param sigma   standard deviation of each coordinate
     * @param seed    seed of the points
     * @return the points, blob by blob, with their blob index
     */
    public static Blobs blobs(int perBlob, double sigma, long seed) {
        Rng rng = new Rng(seed);
        int n = CENTRES.length * perBlob;
        float[] x = new float[n * 2];
        int[] labels = new int[n];
        for (int c = 0; c < CENTRES.length; c++) {
            for (int i = 0; i < perBlob; i++) {
                int r = c * perBlob + i;
                labels[r] = c;
                for (int j = 0; j < 2; j++) x[r * 2 + j] = (float) (CENTRES[c][j] + sigma * rng.nextGaussian());
            }
        }
        return new Blobs(new Dataset(x, new float[0], n, 2, 0), labels);
    }

    /**
     * The data of the example and of examples/data/blobs.csv.
     *
     * @return 100 points per blob, sigma 0.8, data seed 42
     */
    public static Blobs blobs() {
        return blobs(100, 0.8, 42);
    }

    /**
     * Trains a competitive layer and evaluates it on the same blobs.
     *
     * @param spec the layer's configuration
     * @param b    the blobs
     * @return assignment, prototypes, wins, quantisation error and purity
     */
    public static CompetitiveResult cluster(CompetitiveSpec spec, Blobs b) {
        return Competitive.train(spec, b.data()).evaluate(b.data(), b.labels());
    }

    /**
     * Purity over many training seeds.
     *
     * @param spec  the configuration; its seed is replaced by 0 .. seeds-1
     * @param b     the blobs
     * @param seeds how many seeds
     * @return the purity of each seed's run
     */
    public static double[] purities(CompetitiveSpec spec, Blobs b, int seeds) {
        double[] p = new double[seeds];
        for (int s = 0; s < seeds; s++) p[s] = cluster(spec.withSeed(s), b).purity().getAsDouble();
        return p;
    }

    /**
     * Writes the blobs as CSV with a header x,y,label (label = blob index 0..3), atomically.
     *
     * @param b    the blobs
     * @param file the CSV file
     * @throws IOException when the file cannot be written
     */
    public static void writeCsv(Blobs b, Path file) throws IOException {
        StringBuilder s = new StringBuilder("x,y,label\n");
        float[] x = b.data().x();
        for (int r = 0; r < b.data().rows(); r++) {
            s.append(x[2 * r]).append(',').append(x[2 * r + 1]).append(',').append(b.labels()[r]).append('\n');
        }
        AtomicFiles.writeString(file, s.toString());
    }

    /**
     * Prints the clustering and the dead-unit table.
     *
     * @param args optional: a file name to write the blobs to as CSV
     * @throws IOException when that file cannot be written
     */
    public static void main(String[] args) throws IOException {
        Blobs b = blobs();
        if (args.length > 0) writeCsv(b, Path.of(args[0]));
        CompetitiveResult r = cluster(CompetitiveSpec.of(4).withSeed(7), b);
        System.out.printf(Locale.ROOT, "4 units, seed 7: purity %.3f, quantisation error %.3f, dead units %d%n",
                r.purity().getAsDouble(), r.quantizationError(), r.deadUnits());
        for (int k = 0; k < 4; k++) {
            System.out.printf(Locale.ROOT, "  prototype %d at (%.2f, %.2f), %d patterns%n", k, r.prototypes()[2 * k],
                    r.prototypes()[2 * k + 1], r.wins()[k]);
        }
        System.out.println("| remedy | runs with purity >= 0.95 | mean purity |");
        System.out.println("|---|---|---|");
        row("none (plain())", purities(CompetitiveSpec.of(4).plain(), b, 50));
        row("conscience C = 10, B = 1e-4 (default)", purities(CompetitiveSpec.of(4), b, 50));
        row("leak 0.01", purities(CompetitiveSpec.of(4).plain().withLeak(0.01), b, 50));
    }

    private static void row(String name, double[] p) {
        int ok = 0;
        double sum = 0;
        for (double v : p) {
            if (v >= 0.95) ok++;
            sum += v;
        }
        System.out.printf(Locale.ROOT, "| %s | %d / %d | %.3f |%n", name, ok, p.length, sum / p.length);
    }
}
