package org.neurona.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neurona.io.DataFileException;
import org.neurona.math.Rng;
import picocli.CommandLine;

class ClusterCommandTest {

    @TempDir
    Path dir;

    /** What one in-process run of the command line printed and returned. */
    record Result(int exit, String out, String err) {
        JsonNode json() throws IOException {
            return new ObjectMapper().readTree(out);
        }
    }

    /**
     * Runs {@code neurona args...} in-process on Main's configured command line (exception
     * handling, exit codes) with the unsupervised commands added, capturing stdout and stderr.
     */
    static Result run(String... args) {
        CommandLine cl = Main.commandLine();
        for (Object c : List.of(new ClusterCommand(), new HopfieldCommand(), new AutoencodeCommand())) {
            if (!cl.getSubcommands().containsKey(new CommandLine(c).getCommandName())) cl.addSubcommand(c);
        }
        StringWriter out = new StringWriter(), err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int exit = cl.execute(args);
        return new Result(exit, out.toString(), err.toString());
    }

    /** No file in the directory but the given inputs: nothing partial was left behind. */
    static void assertOnly(Path dir, Path... inputs) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            List<Path> files = s.toList();
            assertEquals(List.of(inputs).stream().sorted().toList(), files.stream().sorted().toList(), "files in " + dir);
        }
    }

    /** Four blobs of 30 points at the corners of a 10 x 10 square, sigma 0.5, label column 'blob' (a..d). */
    Path blobs() throws IOException {
        Rng rng = new Rng(3);
        double[][] centres = {{0, 0}, {10, 0}, {0, 10}, {10, 10}};
        StringBuilder s = new StringBuilder("x,y,blob\n");
        for (int c = 0; c < 4; c++) {
            for (int i = 0; i < 30; i++) {
                s.append(String.format(Locale.ROOT, "%.4f,%.4f,%s%n", centres[c][0] + 0.5 * rng.nextGaussian(),
                        centres[c][1] + 0.5 * rng.nextGaussian(), "abcd".charAt(c)));
            }
        }
        Path p = dir.resolve("blobs.csv");
        Files.writeString(p, s);
        return p;
    }

    @Test
    void competitiveUnitsFindFourBlobsAndWriteEveryFile() throws IOException {
        Path data = blobs(), assign = dir.resolve("assign.csv"), plot = dir.resolve("clusters.png"), model = dir.resolve("m.json");
        Result r = run("cluster", "--data", data.toString(), "--units", "4", "--label", "blob", "--seed", "7",
                "--assign", assign.toString(), "--plot", plot.toString(), "--save", model.toString(), "--json");
        assertEquals(0, r.exit(), r.err());
        JsonNode j = r.json();
        assertEquals("competitive", j.get("kind").asText());
        assertTrue(j.get("purity").asDouble() >= 0.95, "purity " + j.get("purity"));
        assertEquals(0, j.get("dead_units").asInt());
        // 2-D Gaussian, sigma 0.5: mean distance to the centre sigma sqrt(pi/2) = 0.63
        assertEquals(0.5 * Math.sqrt(Math.PI / 2), j.get("quantization_error").asDouble(), 0.15);
        assertEquals(4, j.get("prototypes").size());

        List<String> in = Files.readAllLines(data), rows = Files.readAllLines(assign);
        assertEquals("x,y,blob,cluster", rows.get(0));
        assertEquals(in.size(), rows.size());
        int[] clusterOfBlob = {-1, -1, -1, -1};
        for (int i = 1; i < rows.size(); i++) {
            String row = rows.get(i);
            int cut = row.lastIndexOf(',');
            String[] orig = in.get(i).split(","), rep = row.substring(0, cut).split(",");
            assertEquals(Double.parseDouble(orig[0]), Double.parseDouble(rep[0]), 1e-6, "row " + i);
            assertEquals(Double.parseDouble(orig[1]), Double.parseDouble(rep[1]), 1e-6, "row " + i);
            assertEquals(orig[2], rep[2], "label kept in row " + i);
            int k = Integer.parseInt(row.substring(cut + 1));
            assertTrue(k >= 0 && k < 4, "cluster " + k);
            int blob = orig[2].charAt(0) - 'a';
            if (clusterOfBlob[blob] < 0) clusterOfBlob[blob] = k;
            assertEquals(clusterOfBlob[blob], k, "blob " + orig[2] + " split across clusters at row " + i);
        }
        Cli.assertPng(plot);

        UnsupervisedModels.Clusters m = UnsupervisedModels.read(model);
        assertEquals("competitive", m.kind());
        assertEquals(List.of("x", "y"), m.inputNames());
        float[] p = m.competitive().prototypes();
        for (int k = 0; k < 4; k++) {
            for (int c = 0; c < 2; c++) assertEquals((float) j.get("prototypes").get(k).get(c).asDouble(), p[k * 2 + c], 0f);
        }
        assertEquals(7, m.competitive().spec().seed());

        // the saved model assigns the same data to the same clusters, without training
        Path again = dir.resolve("again.csv");
        Result r2 = run("cluster", "--data", data.toString(), "--label", "blob", "--model", model.toString(), "--assign",
                again.toString(), "--json");
        assertEquals(0, r2.exit(), r2.err());
        assertEquals(Files.readAllLines(assign), Files.readAllLines(again));
        assertEquals(j.get("quantization_error").asDouble(), r2.json().get("quantization_error").asDouble(), 1e-12);
        assertEquals(0, r2.json().get("epochs").asInt());
    }

    @Test
    void kohonenMapWritesItsPictureAndUMatrix() throws IOException {
        Path data = blobs(), plot = dir.resolve("som.png"), um = dir.resolve("umatrix.png"), model = dir.resolve("som.json");
        Result r = run("cluster", "--data", data.toString(), "--som", "4x4", "--epochs", "30", "--label", "blob",
                "--plot", plot.toString(), "--umatrix", um.toString(), "--save", model.toString(), "--json");
        assertEquals(0, r.exit(), r.err());
        JsonNode j = r.json();
        assertEquals("som", j.get("kind").asText());
        assertEquals(16, j.get("units").asInt());
        assertEquals(4, j.get("u_matrix").size());
        assertEquals(4, j.get("u_matrix").get(0).size());
        assertTrue(j.get("topographic_error").asDouble() < 0.3, "topographic error " + j.get("topographic_error"));
        assertTrue(j.get("purity").asDouble() >= 0.95, "purity " + j.get("purity"));
        Cli.assertPng(plot);
        Cli.assertPng(um);
        UnsupervisedModels.Clusters m = UnsupervisedModels.read(model);
        assertEquals(4, m.som().rows());
        Path um2 = dir.resolve("umatrix2.png");
        Result r2 = run("cluster", "--data", data.toString(), "--label", "blob", "--model", model.toString(),
                "--umatrix", um2.toString(), "--json");
        assertEquals(0, r2.exit(), r2.err());
        assertEquals(j.get("u_matrix"), r2.json().get("u_matrix"));
        Cli.assertPng(um2);
        assertEquals(j.get("quantization_error").asDouble(), m.som().quantizationError(
                Patterns.load(data, null, "blob", new CsvLayout()).data()), 1e-6);
    }

    @Test
    void unlabelledDataWithoutHeaderGetsNoPurity() throws IOException {
        Path data = dir.resolve("pts.csv"), assign = dir.resolve("a.csv");
        Files.writeString(data, "0,0\n0.1,0\n5,5\n5.1,5\n");
        Result r = run("cluster", "--data", data.toString(), "--units", "2", "--assign", assign.toString(), "--json");
        assertEquals(0, r.exit(), r.err());
        assertFalse(r.json().has("purity"));
        List<String> rows = Files.readAllLines(assign);
        assertEquals(4, rows.size());
        assertEquals(rows.get(0).substring(rows.get(0).lastIndexOf(',')), rows.get(1).substring(rows.get(1).lastIndexOf(',')));
        assertFalse(rows.get(0).endsWith(rows.get(2).substring(rows.get(2).lastIndexOf(','))), String.join("|", rows));
        assertTrue(rows.get(2).startsWith("5,5,"), rows.get(2));
    }

    @Test
    void moreUnitsThanPatternsIsBadInputAndWritesNothing() throws IOException {
        Path data = dir.resolve("three.csv");
        Files.writeString(data, "1,2\n3,4\n5,6\n");
        Result r = run("cluster", "--data", data.toString(), "--units", "5", "--assign", dir.resolve("a.csv").toString(),
                "--plot", dir.resolve("p.png").toString(), "--save", dir.resolve("m.json").toString());
        assertEquals(Main.BAD_INPUT, r.exit());
        assertTrue(r.err().contains("--units 5") && r.err().contains("only 3 patterns"), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertOnly(dir, data);
    }

    @Test
    void badOptionsAreOneLineWithExitTwo() throws IOException {
        Path data = blobs();
        String[][] cases = {
            {"cluster", "--data", dir.resolve("missing.csv").toString(), "--units", "2"},
            {"cluster", "--data", data.toString()},
            {"cluster", "--data", data.toString(), "--units", "2", "--umatrix", dir.resolve("u.png").toString()},
            {"cluster", "--data", data.toString(), "--som", "3by3", "--label", "blob"},
            {"cluster", "--data", data.toString(), "--som", "3x3", "--units", "4", "--label", "blob"},
            {"cluster", "--data", data.toString(), "--units", "2", "--eta", "0.1", "--eta-end", "0.5", "--label", "blob"},
            {"cluster", "--data", data.toString(), "--units", "2", "--label", "nosuchcolumn"},
            {"cluster", "--data", data.toString(), "--units", "2"},
            {"cluster", "--data", data.toString(), "--units", "2", "--model", data.toString()},
            {"cluster", "--data", data.toString(), "--model", dir.resolve("nomodel.json").toString()},
            {"cluster", "--data", data.toString(), "--model", data.toString()},
        };
        String[] expect = {"missing.csv", "--units K", "--som", "3by3", "--units 4", "--eta-end", "nosuchcolumn",
            "'a' is not a number; expected a number; if that column holds class labels, name it with --label COL",
            "leave out --units and --som", "nomodel.json", "corrupt or truncated model file"};
        for (int i = 0; i < cases.length; i++) {
            Result r = run(cases[i]);
            assertEquals(Main.BAD_INPUT, r.exit(), String.join(" ", cases[i]) + ": " + r.err());
            assertTrue(r.err().startsWith("error: ") && r.err().contains(expect[i]), r.err());
            assertEquals(1, r.err().strip().lines().count(), r.err());
        }
        assertOnly(dir, data);
    }

    @Test
    void modelFileOfANewerVersionIsRefusedWithAClearMessage() throws IOException {
        Path f = dir.resolve("future.json");
        Files.writeString(f, "{\"format\": \"neurona-unsupervised\", \"format_version\": 99, \"written_by\": \"neurona 9\","
                + " \"kind\": \"som\", \"inputs\": 2, \"prototypes\": []}");
        DataFileException e = assertThrows(DataFileException.class, () -> UnsupervisedModels.read(f));
        assertTrue(e.getMessage().contains("newer") && e.getMessage().contains("neurona 9"), e.getMessage());
        Files.writeString(f, "{\"format\": \"neurona-unsupervised\", \"format_version\": 1, \"kind\": \"competitive\","
                + " \"inputs\": 2, \"spec\": {\"units\": 2, \"epochs\": 1, \"eta\": 0.1, \"eta_end\": 0.1},"
                + " \"prototypes\": [[1, 2], [3]]}");
        e = assertThrows(DataFileException.class, () -> UnsupervisedModels.read(f));
        assertTrue(e.getMessage().contains("prototypes[1]"), e.getMessage());
    }

    @Test
    void helpShowsExamples() {
        Result r = run("cluster", "--help");
        assertEquals(0, r.exit());
        assertTrue(r.out().contains("Examples:") && r.out().contains("--som 6x6"), r.out());
    }
}
