package org.neurona.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.neurona.cli.ClusterCommandTest.assertOnly;
import static org.neurona.cli.Cli.assertPng;
import static org.neurona.cli.ClusterCommandTest.run;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neurona.cli.ClusterCommandTest.Result;
import org.neurona.math.Rng;

class HopfieldCommandTest {

    @TempDir
    Path dir;

    /** P random patterns of 100 units as 0/1 (or -1/+1) rows, drawn from a fixed seed. */
    static int[][] patterns(int p, long seed) {
        Rng rng = new Rng(seed);
        int[][] s = new int[p][100];
        for (int[] row : s) for (int i = 0; i < 100; i++) row[i] = rng.nextDouble() < 0.5 ? 1 : 0;
        return s;
    }

    /** The patterns with {@code flips} distinct units of each flipped. */
    static int[][] noisy(int[][] s, int flips, long seed) {
        Rng rng = new Rng(seed);
        int[][] out = new int[s.length][];
        for (int p = 0; p < s.length; p++) {
            out[p] = s[p].clone();
            int[] order = rng.permutation(s[p].length);
            for (int i = 0; i < flips; i++) out[p][order[i]] = 1 - out[p][order[i]];
        }
        return out;
    }

    Path csv(String name, int[][] rows, boolean bipolar) throws IOException {
        StringBuilder b = new StringBuilder();
        for (int[] r : rows) {
            for (int i = 0; i < r.length; i++) b.append(i == 0 ? "" : ",").append(bipolar ? 2 * r[i] - 1 : r[i]);
            b.append('\n');
        }
        Path p = dir.resolve(name);
        Files.writeString(p, b);
        return p;
    }

    @Test
    void noisyProbesAreRecalledAndWrittenInTheInputsConvention() throws IOException {
        int[][] stored = patterns(5, 11);
        Path store = csv("store.csv", stored, false), probes = csv("probes.csv", noisy(stored, 10, 12), false);
        Path out = dir.resolve("recalled.csv"), plot = dir.resolve("recall.png");
        Result r = run("hopfield", "--store", store.toString(), "--recall", probes.toString(), "--out", out.toString(),
                "--shape", "10x10", "--plot", plot.toString(), "--json");
        assertEquals(0, r.exit(), r.err());
        JsonNode j = r.json();
        assertEquals(5, j.get("probes").size());
        for (int k = 0; k < 5; k++) {
            JsonNode p = j.get("probes").get(k);
            assertEquals(k, p.get("matched").asInt(), "probe " + k);
            assertTrue(p.get("converged").asBoolean());
            assertTrue(p.get("sweeps").asInt() >= 2, "a noisy probe needs a changing sweep and a confirming one");
            assertTrue(p.get("energy").asDouble() < 0);
        }
        List<String> lines = Files.readAllLines(out);
        assertEquals(Files.readAllLines(store), lines, "recalled states equal the stored 0/1 rows");
        assertPng(plot);
    }

    @Test
    void bipolarPatternsStayBipolarAndSyncProjectionWorks() throws IOException {
        int[][] stored = patterns(4, 21);
        Path store = csv("store.csv", stored, true), probes = csv("probes.csv", noisy(stored, 8, 22), true);
        Path out = dir.resolve("recalled.csv");
        Result r = run("hopfield", "--store", store.toString(), "--recall", probes.toString(), "--mode", "sync",
                "--rule", "projection", "--out", out.toString(), "--json");
        assertEquals(0, r.exit(), r.err());
        assertEquals("projection", r.json().get("rule").asText());
        assertEquals("sync", r.json().get("mode").asText());
        assertEquals(Files.readAllLines(store), Files.readAllLines(out));
        assertTrue(Files.readAllLines(out).get(0).contains("-1"));
    }

    @Test
    void noiseOptionProbesWithFlippedCopies() throws IOException {
        Path store = csv("store.csv", patterns(3, 31), false), plot = dir.resolve("p.png");
        Result r = run("hopfield", "--store", store.toString(), "--noise", "0.1", "--seed", "4", "--plot", plot.toString(),
                "--json");
        assertEquals(0, r.exit(), r.err());
        assertEquals(3, r.json().get("recalled").asInt(), r.out());
        assertPng(plot); // 100 units: the square 10x10 shape is inferred
    }

    /** Rows with a header u1..u100 and, when names are given, a last column 'name'. */
    Path named(String file, int[][] rows, String[] names) throws IOException {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 100; i++) b.append(i == 0 ? "" : ",").append("u").append(i + 1);
        b.append(names == null ? "" : ",name").append('\n');
        for (int r = 0; r < rows.length; r++) {
            for (int i = 0; i < 100; i++) b.append(i == 0 ? "" : ",").append(rows[r][i]);
            b.append(names == null ? "" : "," + names[r]).append('\n');
        }
        return Files.writeString(dir.resolve(file), b);
    }

    @Test
    void labelColumnNamesThePatternsInJsonAndIsLeftOutOfThem() throws IOException {
        int[][] stored = patterns(3, 61);
        Path store = named("store.csv", stored, new String[] {"alpha", "beta", "gamma"});
        Path plain = named("probes.csv", noisy(stored, 5, 62), null);
        Path withNames = named("probes-named.csv", noisy(stored, 5, 63), new String[] {"?", "?", "?"});
        Path out = dir.resolve("out.csv");
        for (Path probes : List.of(plain, withNames)) {
            Result r = run("hopfield", "--store", store.toString(), "--recall", probes.toString(), "--label", "name",
                    "--out", out.toString(), "--json");
            assertEquals(0, r.exit(), r.err());
            JsonNode p = r.json().get("probes");
            assertEquals("alpha", p.get(0).get("matched_label").asText());
            assertEquals("gamma", p.get(2).get("matched_label").asText());
            List<String> lines = Files.readAllLines(out);
            assertEquals(4, lines.size());
            assertEquals(100, lines.get(0).split(",").length, "header: the 100 unit columns only, " + lines.get(0));
            assertEquals(100, lines.get(1).split(",").length, "recalled states have the pattern's 100 units only");
        }
    }

    @Test
    void capacityWarningPastPointOneFourN() throws IOException {
        Path store = csv("store.csv", patterns(20, 41), false);
        Result r = run("hopfield", "--store", store.toString(), "--noise", "0.1", "--json");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.err().contains("warning: 20 patterns in 100 units is past"), r.err());
        assertTrue(r.json().get("recalled").asInt() < 20, r.out());
    }

    @Test
    void badPatternsAndShapesAreOneLineWithExitTwoAndWriteNothing() throws IOException {
        Path store = csv("store.csv", patterns(3, 51), false), probes = csv("probes.csv", patterns(2, 52), false);
        Path bad = dir.resolve("bad.csv"), narrow = dir.resolve("narrow.csv"), bip = csv("bipolar.csv", patterns(2, 53), true);
        Files.writeString(bad, "0,1,0\n1,0,2\n");
        Files.writeString(narrow, "0,1,0\n1,0,1\n");
        String out = dir.resolve("o.csv").toString(), plot = dir.resolve("o.png").toString();
        String[][] cases = {
            {"--store", bad.toString(), "--noise", "0.1"},
            {"--store", store.toString(), "--recall", narrow.toString()},
            {"--store", store.toString(), "--recall", bip.toString()},
            {"--store", store.toString(), "--recall", probes.toString(), "--shape", "9x10", "--plot", plot},
            {"--store", store.toString(), "--recall", probes.toString(), "--shape", "ten"},
            {"--store", store.toString()},
            {"--store", dir.resolve("missing.csv").toString(), "--noise", "0.1"},
            {"--store", store.toString(), "--noise", "0.1", "--rule", "oja"},
            {"--store", store.toString(), "--noise", "1.5"},
        };
        String[] expect = {"row 2, column 3 is 2", "3 values per row", "expected 0 or 1", "90 pixels", "ROWSxCOLS",
            "--recall FILE", "missing.csv", "oja", "--noise 1.5"};
        for (int i = 0; i < cases.length; i++) {
            String[] args = new String[cases[i].length + 3];
            args[0] = "hopfield";
            System.arraycopy(cases[i], 0, args, 1, cases[i].length);
            args[args.length - 2] = "--out";
            args[args.length - 1] = out;
            Result r = run(args);
            assertEquals(Main.BAD_INPUT, r.exit(), String.join(" ", args) + ": " + r.err());
            assertTrue(r.err().startsWith("error: ") && r.err().contains(expect[i]), r.err());
            assertEquals(1, r.err().strip().lines().count(), r.err());
        }
        assertOnly(dir, store, probes, bad, narrow, bip);
    }

    @Test
    void helpShowsExamples() {
        Result r = run("hopfield", "--help");
        assertEquals(0, r.exit());
        assertTrue(r.out().contains("Examples:") && r.out().contains("--noise 0.15"), r.out());
    }
}
