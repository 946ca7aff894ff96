package org.neurona.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.knowm.xchart.HeatMapChart;
import org.neurona.io.AtomicFiles;
import org.neurona.io.CsvReader;
import org.neurona.math.Rng;
import org.neurona.net.hopfield.Hopfield;
import org.neurona.net.hopfield.HopfieldPatterns;
import org.neurona.net.hopfield.HopfieldRecall;
import org.neurona.net.hopfield.HopfieldSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Stores patterns in a Hopfield memory and recalls probes from it: per probe whether recall
 * converged, the sweeps it took, the final energy E = -1/2 s^T W s and which stored pattern it
 * ended in; the recalled states as CSV and, for image-like patterns, as pictures.
 */
@Command(name = "hopfield", mixinStandardHelpOptions = true,
        header = "Store patterns in a Hopfield memory and recall noisy probes.",
        description = {"Store patterns in a Hopfield memory (Hebb or projection rule) and",
            "recall probes from it. Patterns are CSV rows of 0/1 or -1/+1 values, one",
            "pattern a row; probes use the stored patterns' convention, and --out",
            "writes the recalled states in it. In the JSON, 'matched' is the 0-based",
            "index of the stored pattern a recalled state equals, or -1 (spurious)."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  recall noisy letters; pictures of stored, noisy and recalled patterns:",
            "    neurona hopfield --store letters.csv --recall noisy.csv \\",
            "                     --shape 10x10 --plot recall.png --json",
            "  no probe file: flip 15%% of each stored pattern's units (seeded):",
            "    neurona hopfield --store letters.csv --noise 0.15 --seed 3 \\",
            "                     --shape 10x10 --plot recall.png",
            "  correlated patterns need the projection rule; states written out:",
            "    neurona hopfield --store letters.csv --recall noisy.csv \\",
            "                     --rule projection --mode sync --out recalled.csv",
        })
final class HopfieldCommand implements Callable<Integer> {

    /** Probes drawn in a picture at most; more would make the images too small to read. */
    static final int MAX_PICTURES = 10;

    @Option(names = "--store", paramLabel = "FILE", required = true, description = "Patterns to store (CSV, one per row).")
    Path store;

    @Option(names = "--recall", paramLabel = "FILE", description = "Probes to recall from (CSV, same width and values).")
    Path recall;

    @Option(names = "--noise", paramLabel = "FRACTION",
            description = "Instead of --recall: probe with every stored pattern, this fraction of its units flipped (from --seed).")
    Double noise;

    @Option(names = "--rule", paramLabel = "RULE", description = "Storage rule: hebb (default) or projection (pseudo-inverse).")
    String rule = "hebb";

    @Option(names = "--mode", paramLabel = "MODE",
            description = "Recall updates: async (default; one unit at a time, random order from --seed) or sync.")
    String mode = "async";

    @Option(names = "--max-sweeps", paramLabel = "N", description = "Sweep limit per probe (default 100).")
    int maxSweeps = 100;

    @Option(names = "--seed", paramLabel = "S", description = "Seed for the asynchronous update order and --noise (default 1).")
    long seed = 1;

    @Option(names = "--label", paramLabel = "COL",
            description = "Column naming each pattern (e.g. 'letter'): left out of the pattern, shown in pictures and as"
                    + " matched_label in the JSON; dropped from --recall rows too when that file has it.")
    String label;

    @Mixin
    CsvLayout layout;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the recalled states, one row per probe (CSV).")
    Path out;

    @Option(names = "--shape", paramLabel = "RxC", description = "Patterns are images of R rows and C columns (R * C = width), for --plot.")
    String shape;

    @Option(names = "--plot", paramLabel = "FILE",
            description = "Stored, noisy and recalled patterns as small images side by side (PNG; needs --shape unless square).")
    Path plot;

    @Mixin
    OutputOptions output;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        Out say = new Out(spec, output.json);
        new Outputs().reads(store, recall).writes("--out", out).writesPicture("--plot", plot).check();
        if ((recall == null) == (noise == null)) {
            throw new IllegalArgumentException(recall == null
                    ? "give probes with --recall FILE, or --noise FRACTION to probe with noisy copies of the stored patterns"
                    : "--recall and --noise both given; use one of them");
        }
        if (noise != null && !(noise >= 0 && noise <= 1)) {
            throw new IllegalArgumentException("--noise " + noise + ": expected a fraction of units in [0, 1], like 0.1");
        }
        HopfieldSpec hs = HopfieldSpec.of().withRule(HopfieldSpec.Rule.parse(rule)).withUpdate(HopfieldSpec.Update.parse(mode))
                .withMaxSweeps(maxSweeps).withSeed(seed);
        if (plot != null) UnsupervisedPlots.requirePng(plot);

        Patterns sp = Patterns.load(store, null, label, layout);
        List<String> names = new ArrayList<>();
        for (int p = 0; p < sp.data().rows(); p++) names.add(label == null ? "#" + p : sp.classes().get(sp.labels()[p]));
        HopfieldPatterns stored = HopfieldPatterns.from(sp.data());
        int n = stored.units();
        int[] image = plot == null && shape == null ? null : imageShape(n);

        HopfieldPatterns probes;
        String probeSource;
        int flips = 0;
        if (recall != null) {
            Patterns pp = Patterns.load(recall, null, hasColumn(recall, label) ? label : null, layout);
            if (pp.data().inputs() != n) {
                throw new IllegalArgumentException(recall + " has " + pp.data().inputs() + " values per row, but the stored patterns in "
                        + store + " have " + n + "; expected probes of the same width");
            }
            probes = HopfieldPatterns.parse(pp.data().x(), pp.data().rows(), n, recall.toString(), stored.convention());
            probeSource = recall.toString();
        } else {
            flips = (int) Math.round(noise * n);
            Rng rng = new Rng(seed).split();
            int[] s = new int[stored.rows() * n];
            for (int p = 0; p < stored.rows(); p++) System.arraycopy(HopfieldPatterns.flip(stored.row(p), flips, rng), 0, s, p * n, n);
            probes = stored.with(s, stored.rows());
            probeSource = "the stored patterns with " + flips + " of " + n + " units flipped";
        }

        say.say("storing %d patterns of %d units from %s (%s rule, %s values); recalling %d probes from %s, %s updates",
                stored.rows(), n, store, hs.rule().name().toLowerCase(Locale.ROOT),
                stored.convention() == HopfieldPatterns.Convention.BINARY ? "0/1" : "-1/+1", probes.rows(), probeSource,
                hs.update().name().toLowerCase(Locale.ROOT));
        if (hs.rule() == HopfieldSpec.Rule.HEBB && stored.rows() > 0.138 * n) {
            say.warn("%d patterns in %d units is past Hebb's capacity of about 0.14 N = %d; expect spurious states"
                    + " (try --rule projection)", stored.rows(), n, (int) Math.floor(0.138 * n));
        }
        Hopfield net = Hopfield.store(hs, stored);
        List<HopfieldRecall> results = net.recallAll(probes);

        List<Map<String, Object>> rows = new ArrayList<>();
        int matched = 0;
        for (int k = 0; k < results.size(); k++) {
            HopfieldRecall r = results.get(k);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("converged", r.converged());
            m.put("sweeps", r.sweeps());
            m.put("energy", r.energy());
            m.put("matched", r.matched());
            if (label != null) m.put("matched_label", r.matched() >= 0 ? names.get(r.matched()) : null);
            rows.add(m);
            if (r.matched() >= 0) matched++;
            if (!output.json || results.size() <= 50) {
                say.say("  probe %d: %s after %d sweep%s, energy %s, %s", k, r.converged() ? "converged" : "not converged",
                        r.sweeps(), r.sweeps() == 1 ? "" : "s", Out.num(r.energy()),
                        r.matched() >= 0 ? "= stored pattern " + r.matched() + (label == null ? "" : " (" + names.get(r.matched()) + ")")
                                : "no stored pattern (spurious state)");
            }
        }
        say.say("%d of %d probes ended in a stored pattern", matched, results.size());

        if (out != null) {
            StringBuilder b = new StringBuilder();
            if (sp.header()) b.append(String.join(",", sp.inputNames().stream().map(CsvText::quote).toList())).append('\n');
            for (HopfieldRecall r : results) {
                float[] v = stored.toValues(r.state());
                for (int i = 0; i < n; i++) b.append(i == 0 ? "" : ",").append(CsvText.number(v[i]));
                b.append('\n');
            }
            AtomicFiles.writeString(out, b.toString());
            say.say("recalled states written to %s", out);
        }
        if (plot != null) {
            int shown = Math.min(MAX_PICTURES, results.size());
            if (shown < results.size()) say.warn("--plot shows the first %d of %d probes", shown, results.size());
            Plots.saveGrid(pictures(stored, probes, results, shown, image[0], image[1], names), shown, plot);
            say.say("stored / noisy / recalled pictures written to %s", plot);
        }
        if (output.json) {
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("probes", rows);
            result.put("units", n);
            result.put("patterns", stored.rows());
            result.put("rule", hs.rule().name().toLowerCase(Locale.ROOT));
            result.put("mode", hs.update().name().toLowerCase(Locale.ROOT));
            result.put("recalled", matched);
            say.printJson(result);
        }
        return Main.OK;
    }

    /** Whether a CSV file's header names the column (only names are looked for; a file without header has none). */
    private static boolean hasColumn(Path file, String column) {
        if (column == null) return false;
        Data.requireFile(file);
        return new CsvReader().sniff(file).columns().contains(column);
    }

    /** (rows, cols) of the pattern images: --shape, or the square root of a square width. */
    private int[] imageShape(int n) {
        if (shape == null) {
            int r = (int) Math.round(Math.sqrt(n));
            if (r * r != n) {
                throw new IllegalArgumentException("--plot needs the pattern's image shape: give --shape RxC with R * C = " + n
                        + " (e.g. 5x7 letters have 35 units)");
            }
            return new int[] {r, r};
        }
        return Patterns.parseShape("--shape", shape, n, store.toString());
    }

    /** Three rows of images, one column per probe: the stored pattern it is nearest to, the probe, the recalled state. */
    private static List<HeatMapChart> pictures(HopfieldPatterns stored, HopfieldPatterns probes, List<HopfieldRecall> results,
                                               int shown, int r, int c, List<String> names) {
        List<HeatMapChart> top = new ArrayList<>(), mid = new ArrayList<>(), bottom = new ArrayList<>();
        for (int k = 0; k < shown; k++) {
            int[] probe = probes.row(k);
            HopfieldRecall res = results.get(k);
            int target = nearest(stored, probe);
            int differ = hamming(stored.row(target), probe);
            top.add(UnsupervisedPlots.image("stored " + names.get(target), pixels(stored.row(target)), 0, r, c, 0, 1));
            mid.add(UnsupervisedPlots.image("probe " + k + ": " + differ + " pixels off", pixels(probe), 0, r, c, 0, 1));
            String title = res.matched() >= 0 ? "recalled = " + names.get(res.matched())
                    : res.converged() ? "spurious state" : "no fixed point";
            bottom.add(UnsupervisedPlots.image(title, pixels(res.state()), 0, r, c, 0, 1));
        }
        List<HeatMapChart> all = new ArrayList<>(top);
        all.addAll(mid);
        all.addAll(bottom);
        return all;
    }

    private static float[] pixels(int[] s) {
        float[] v = new float[s.length];
        for (int i = 0; i < s.length; i++) v[i] = s[i] > 0 ? 1 : 0;
        return v;
    }

    private static int nearest(HopfieldPatterns stored, int[] s) {
        int best = 0, bestD = Integer.MAX_VALUE;
        for (int p = 0; p < stored.rows(); p++) {
            int d = hamming(stored.row(p), s);
            if (d < bestD) {
                bestD = d;
                best = p;
            }
        }
        return best;
    }

    private static int hamming(int[] a, int[] b) {
        int d = 0;
        for (int i = 0; i < a.length; i++) if (a[i] != b[i]) d++;
        return d;
    }
}
