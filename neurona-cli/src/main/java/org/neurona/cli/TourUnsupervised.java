package org.neurona.cli;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.neurona.Lecture;
import org.neurona.data.Dataset;
import org.neurona.eval.Clustering;
import org.neurona.layer.Init;
import org.neurona.math.Rng;
import org.neurona.net.Autoencoder;
import org.neurona.net.AutoencoderSpec;
import org.neurona.net.NetworkSpec;
import org.neurona.net.competitive.Competitive;
import org.neurona.net.competitive.CompetitiveResult;
import org.neurona.net.competitive.CompetitiveSpec;
import org.neurona.net.competitive.Som;
import org.neurona.net.competitive.SomResult;
import org.neurona.net.competitive.SomSpec;
import org.neurona.net.hopfield.Hopfield;
import org.neurona.net.hopfield.HopfieldPatterns;
import org.neurona.net.hopfield.HopfieldRecall;
import org.neurona.net.hopfield.HopfieldSpec;
import org.neurona.train.Mode;
import org.neurona.train.TrainOptions;
import static org.neurona.cli.TourRun.f;

/** Tour sections 6 to 8: competitive learning and the SOM, Hopfield memory, autoencoders. */
final class TourUnsupervised {
    private TourUnsupervised() {}

    /** Letters stored in the Hopfield memory (as in the examples' HopfieldExample). */
    static final String STORED = "ACIJLX";

    /** Four Gaussian blobs (sigma 0.8, 100 points each) at the corners of [0, 10]^2, from seed 42; labels = blob. */
    static Dataset blobs(int[] labels) {
        double[][] centres = {{0, 0}, {10, 0}, {0, 10}, {10, 10}};
        Rng rng = new Rng(42);
        int per = labels.length / 4;
        float[] x = new float[labels.length * 2];
        for (int k = 0; k < 4; k++) {
            for (int i = 0; i < per; i++) {
                int r = k * per + i;
                x[2 * r] = (float) (centres[k][0] + 0.8 * rng.nextGaussian());
                x[2 * r + 1] = (float) (centres[k][1] + 0.8 * rng.nextGaussian());
                labels[r] = k;
            }
        }
        return new Dataset(x, new float[0], labels.length, 2, 0);
    }

    /** Section 6: a competitive layer of 4 units and a 6 x 6 Kohonen map on the blobs. */
    static void competitive(TourRun run) throws IOException {
        int[] labels = new int[400];
        Dataset data = blobs(labels);
        Competitive net = Competitive.train(CompetitiveSpec.of(4).withSeed(7), data);
        CompetitiveResult r = net.evaluate(data, labels);
        run.say("\n6. Competitive learning, 4 units (conscience on, seed 7), on 4 Gaussian blobs of 100 points:");
        run.say("   purity %s, quantisation error %s, %d dead units.", f("%.3f", run.number("competitive.purity",
                Clustering.purity(r.assignment(), labels))), f("%.3f", run.number("competitive.qe", r.quantizationError())),
                (int) run.number("competitive.dead", r.deadUnits()));
        run.save(TourPlots.clusters("Competitive learning: 4 units on 4 blobs (winner-takes-all)", data.x(), data.rows(),
                r.assignment(), r.prototypes(), 4), "competitive-clusters.png");

        Som som = Som.train(SomSpec.of(6, 6).withEpochs(40).withSeed(4), data);
        SomResult s = som.evaluate(data);
        run.say("   Kohonen map 6 x 6 (40 epochs, seed 4): quantisation error %s, topographic error %s.",
                f("%.3f", run.number("som.qe", s.clusters().quantizationError())),
                f("%.3f", run.number("som.te", s.topographicError())));
        double[][] u = s.uMatrix();
        List<String> cols = new ArrayList<>(), rows = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            cols.add("col " + i);
            rows.add("row " + i);
        }
        run.save(TourPlots.heatMap("U-matrix of a 6 x 6 Kohonen map on the 4 blobs (dark = border)", "map column",
                "map row", u, cols, rows, true, "0.0", 800, 640), "som-umatrix.png");
    }

    /** The 26 letters A..Z, 5 x 7 pixels, from the SNNS example file shipped as a resource. */
    static Dataset letters() {
        return Lecture.letters();
    }

    static HopfieldPatterns letterPatterns(String which) {
        Dataset all = letters();
        float[] v = new float[which.length() * 35];
        for (int k = 0; k < which.length(); k++) System.arraycopy(all.x(), (which.charAt(k) - 'A') * 35, v, k * 35, 35);
        return HopfieldPatterns.parse(v, which.length(), 35, "letters " + which);
    }

    private static float[] image(int[] s) {
        float[] v = new float[s.length];
        for (int i = 0; i < s.length; i++) v[i] = s[i] > 0 ? 1 : 0;
        return v;
    }

    /** Caption under a recalled letter: right, another stored letter, or a state that is none of them. */
    private static String outcome(HopfieldRecall r, int mu) {
        if (r.matched() == mu) return "right";
        return r.matched() >= 0 ? "wrong: " + STORED.charAt(r.matched()) : "wrong: spurious";
    }

    /** Section 7: letters in a Hopfield memory, noisy probes, recall by both rules; the capacity curve. */
    static void hopfield(TourRun run) throws IOException {
        HopfieldPatterns stored = letterPatterns(STORED);
        Hopfield projection = Hopfield.store(HopfieldSpec.of().withRule(HopfieldSpec.Rule.PROJECTION), stored);
        Hopfield hebb = Hopfield.store(HopfieldSpec.of(), stored);
        Rng rng = new Rng(1);
        List<float[]> clean = new ArrayList<>(), noisy = new ArrayList<>(), byProjection = new ArrayList<>(), byHebb = new ArrayList<>();
        List<String> names = new ArrayList<>(), projNames = new ArrayList<>(), hebbNames = new ArrayList<>();
        int projOk = 0, hebbOk = 0;
        for (int mu = 0; mu < stored.rows(); mu++) {
            int[] probe = HopfieldPatterns.flip(stored.row(mu), 3, rng);
            HopfieldRecall p = projection.recall(probe, rng.split()), h = hebb.recall(probe, rng.split());
            clean.add(image(stored.row(mu)));
            noisy.add(image(probe));
            byProjection.add(image(p.state()));
            byHebb.add(image(h.state()));
            names.add(String.valueOf(STORED.charAt(mu)));
            projNames.add(outcome(p, mu));
            hebbNames.add(outcome(h, mu));
            if (p.matched() == mu) projOk++;
            if (h.matched() == mu) hebbOk++;
        }
        run.say("\n7. Hopfield memory of the letters %s (35 units), probes with 3 pixels flipped:", STORED);
        run.say("   projection rule recalls %d of %d, Hebb's rule %d of %d.", (int) run.number("hopfield.projection", projOk),
                stored.rows(), (int) run.number("hopfield.hebb", hebbOk), stored.rows());
        run.save(TourPlots.imageGrid("Hopfield memory of 6 letters (35 units): probes with 3 of 35 pixels flipped", List.of(
                new TourPlots.ImageRow("stored", clean, names),
                new TourPlots.ImageRow("noisy probe", noisy, null),
                new TourPlots.ImageRow("projection rule", byProjection, projNames),
                new TourPlots.ImageRow("Hebb rule", byHebb, hebbNames)), 7, 5, 14), "hopfield-letters.png");
        capacity(run);
    }

    /**
     * Exact recall from 10 % noise against the load P/N on 100 units, Hebb and projection rule:
     * the memory works below about 0.14 N (Hebb) and collapses beyond.
     */
    static void capacity(TourRun run) throws IOException {
        int n = 100, memories = 20;
        int[] loads = {5, 8, 10, 12, 14, 16, 20, 25, 30, 40};
        double[] alpha = new double[loads.length], hebb = new double[loads.length], proj = new double[loads.length];
        for (int i = 0; i < loads.length; i++) {
            alpha[i] = (double) loads[i] / n;
            hebb[i] = exactRecall(loads[i], n, memories, HopfieldSpec.Rule.HEBB);
            proj[i] = exactRecall(loads[i], n, memories, HopfieldSpec.Rule.PROJECTION);
        }
        run.say("   Capacity, 100 units, 10 %% noise, %d memories per load: Hebb recalls %s at P = 10, %s at P = 14,"
                + " %s at P = 25;", memories, f("%.3f", run.number("capacity.hebb.10", hebb[2])),
                f("%.3f", run.number("capacity.hebb.14", hebb[4])), f("%.3f", run.number("capacity.hebb.25", hebb[7])));
        run.say("   the projection rule %s at P = 25.", f("%.3f", run.number("capacity.projection.25", proj[7])));
        org.knowm.xchart.XYChart c = TourPlots.curves("Hopfield capacity: 100 units, probes with 10 % noise", "load P / N",
                "fraction of probes recalled exactly", false, List.of(
                        new TourPlots.Curve("Hebb rule", alpha, hebb, TourPlots.BLUE, TourPlots.Style.SOLID),
                        new TourPlots.Curve("projection rule", alpha, proj, TourPlots.RED, TourPlots.Style.SOLID),
                        new TourPlots.Curve("0.138 N (Amit et al. 1985)", new double[] {0.138, 0.138}, new double[] {0, 1},
                                TourPlots.GREY, TourPlots.Style.DASHED)));
        c.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideSW);
        c.getStyler().setYAxisMax(1.05);
        run.save(c, "hopfield-capacity.png");
    }

    /**
     * Fraction of probes (each stored pattern with 10 % of its units flipped) recalled exactly,
     * over {@code memories} memories of P random patterns, drawn from seed 1000 + P in the order
     * of the capacity table of docs/UNSUPERVISED.md, so both rules see the same patterns and probes.
     */
    static double exactRecall(int p, int n, int memories, HopfieldSpec.Rule rule) {
        Rng rng = new Rng(1000 + p);
        int hits = 0;
        for (int m = 0; m < memories; m++) {
            int[] s = new int[p * n];
            for (int j = 0; j < s.length; j++) s[j] = rng.nextDouble() < 0.5 ? 1 : -1;
            HopfieldPatterns stored = new HopfieldPatterns(s, p, n, HopfieldPatterns.Convention.BIPOLAR);
            Hopfield net = Hopfield.store(HopfieldSpec.of().withRule(rule), stored);
            for (int mu = 0; mu < p; mu++) {
                if (net.recall(HopfieldPatterns.flip(stored.row(mu), n / 10, rng), rng.split()).matched() == mu) hits++;
            }
        }
        return (double) hits / (p * memories);
    }

    /** Section 8: the 8-3-8 encoder's codes; image reconstructions (Fashion-MNIST, or the letters without it). */
    static void autoencoder(TourRun run) throws IOException {
        float[] eye = new float[64];
        for (int i = 0; i < 8; i++) eye[i * 9] = 1;
        Dataset d = new Dataset(eye, new float[0], 8, 8, 0);
        // the lecture's U(-1, 1) start, as the examples' AutoencoderExample and the command line use
        Autoencoder ae = Autoencoder.create(AutoencoderSpec.of(NetworkSpec.parse("8:3:8", "logistic").withInit(Init.LECTURE)), 3);
        ae.train(d, TrainOptions.builder().mode(Mode.ONLINE).eta(0.5).momentum(0.9).epochs(2000).shuffle(true).seed(3).build());
        float[] codes = ae.encode(d.x(), 8), r = ae.reconstruct(d.x(), 8);
        int exact = 0;
        for (int i = 0; i < 64; i++) if (Math.round(r[i]) == eye[i]) exact++;
        run.say("\n8. Autoencoder 8-3-8 (logistic, U(-1, 1) start, online, eta 0.5, momentum 0.9, 2000 epochs, seed 3): %d of 64 values"
                + " reconstructed after rounding, MSE %s.", (int) run.number("autoencoder.exact", exact),
                f("%.5f", run.number("autoencoder.mse", ae.reconstructionMse(d))));
        double[][] z = new double[8][3];
        List<String> rows = new ArrayList<>(), cols = List.of("code 1", "code 2", "code 3");
        StringBuilder bits = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            rows.add("input " + (i + 1));
            bits.append(i == 0 ? "" : " ");
            for (int c = 0; c < 3; c++) {
                z[i][c] = codes[i * 3 + c];
                bits.append(codes[i * 3 + c] > 0.5 ? '1' : '0');
            }
        }
        run.say("   codes of the 8 one-hot inputs, rounded: %s", bits);
        run.save(TourPlots.heatMap("8-3-8 encoder: the code layer's outputs for each one-hot input", "code unit", "input pattern",
                z, cols, rows, true, "0.00", 640, 700), "autoencoder-codes.png");
        if (TourFashion.available(run)) {
            TourFashion.reconstruct(run);
        } else {
            run.sayVarying("   Fashion-MNIST is not installed; the image autoencoder uses the 26 letters instead.");
            letters(run);
        }
    }

    /** Image autoencoder without Fashion-MNIST: 35:12:35 on the 26 letters. */
    static void letters(TourRun run) throws IOException {
        Dataset all = letters();
        Dataset x = new Dataset(all.x(), all.x(), 26, 35, 35);
        Autoencoder ae = Autoencoder.create(AutoencoderSpec.parse("35:12:35", "logistic"), 1);
        ae.train(x, TrainOptions.builder().mode(Mode.ONLINE).eta(0.3).momentum(0.5).epochs(3000).shuffle(true).seed(1)
                .build());
        double mse = ae.reconstructionMse(x);
        run.sayVarying("   Letters 35:12:35 (online, eta 0.3, momentum 0.5, 3000 epochs): reconstruction MSE %s.", f("%.2g", run.number("autoencoder.images.mse", mse)));
        float[] r = ae.reconstruct(x.x(), 26);
        List<float[]> orig = new ArrayList<>(), rec = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 13; i++) {
            orig.add(java.util.Arrays.copyOfRange(all.x(), i * 35, (i + 1) * 35));
            rec.add(java.util.Arrays.copyOfRange(r, i * 35, (i + 1) * 35));
            names.add(String.valueOf((char) ('A' + i)));
        }
        run.save(TourPlots.imageGrid(f("Autoencoder 35:12:35 on the letters (MSE %.2g)", mse), List.of(
                new TourPlots.ImageRow("original", orig, names),
                new TourPlots.ImageRow("from 12 numbers", rec, null)), 7, 5, 10), "autoencoder-images.png");
    }
}
