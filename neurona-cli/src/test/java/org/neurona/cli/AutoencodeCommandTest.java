package org.neurona.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.neurona.cli.ClusterCommandTest.assertOnly;
import static org.neurona.cli.Cli.assertPng;
import static org.neurona.cli.ClusterCommandTest.run;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neurona.cli.ClusterCommandTest.Result;
import org.neurona.math.Rng;

class AutoencodeCommandTest {

    @TempDir
    Path dir;

    /** The 8-3-8 encoder problem: eight one-hot rows. */
    Path encoder() throws IOException {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            for (int j = 0; j < 8; j++) b.append(j == 0 ? "" : ",").append(i == j ? 1 : 0);
            b.append('\n');
        }
        Path p = dir.resolve("encoder.csv");
        Files.writeString(p, b);
        return p;
    }

    static final String[] ENCODER = {"--layers", "8:3:8", "--mode", "online", "--eta", "0.5", "--momentum", "0.9",
        "--epochs", "2000", "--shuffle", "--seed", "3"};

    static String[] args(String[] head, String[] tail) {
        String[] a = new String[head.length + tail.length];
        System.arraycopy(head, 0, a, 0, head.length);
        System.arraycopy(tail, 0, a, head.length, tail.length);
        return a;
    }

    @Test
    void encoderProblemReconstructsAndWritesCodesAndModel() throws IOException {
        Path data = encoder(), codes = dir.resolve("codes.csv"), model = dir.resolve("ae.json"), plot = dir.resolve("err.png");
        Result r = run(args(new String[] {"autoencode", "--data", data.toString(), "--codes", codes.toString(),
            "--save", model.toString(), "--plot", plot.toString(), "--json"}, ENCODER));
        assertEquals(0, r.exit(), r.err());
        JsonNode j = r.json();
        double mse = j.get("reconstruction_mse").asDouble();
        assertTrue(mse < 0.01, "reconstruction MSE " + mse);
        assertEquals(3, j.get("code_size").asInt());
        assertEquals(2000, j.get("history").size());

        List<String> lines = Files.readAllLines(codes);
        assertEquals("code1,code2,code3", lines.get(0));
        assertEquals(9, lines.size());
        for (String l : lines.subList(1, 9)) {
            String[] f = l.split(",");
            assertEquals(3, f.length, l);
            for (String v : f) assertTrue(Double.parseDouble(v) >= 0 && Double.parseDouble(v) <= 1, l);
        }
        assertPng(plot); // no --shape, a 3-unit code, 8 patterns: the codes as a table

        // the saved model is an ordinary neurona model: loaded, it reconstructs with the same error
        Model m = Model.load(model);
        float[] x = new float[64];
        for (int i = 0; i < 8; i++) x[i * 9] = 1;
        float[] y = m.predict(x, 8);
        double s = 0;
        for (int i = 0; i < 64; i++) {
            assertEquals(x[i], Math.round(y[i]), "value " + i + ": " + y[i]);
            s += (x[i] - y[i]) * (double) (x[i] - y[i]);
        }
        assertEquals(mse, s / 64, 1e-6);

        // evaluate scores an autoencoder against its own inputs
        Result e = run("evaluate", "--model", model.toString(), "--data", data.toString(), "--json");
        assertEquals(0, e.exit(), e.err());
        assertEquals(mse, e.json().get("mse").asDouble(), 1e-6);
    }

    /** 12 images of 4x4 pixels, each a bar at one of four rows, as gzip IDX, with labels 0..3. */
    Path[] idx() throws IOException {
        Path images = dir.resolve("images.gz"), labels = dir.resolve("labels.gz");
        try (DataOutputStream o = new DataOutputStream(new GZIPOutputStream(Files.newOutputStream(images)))) {
            o.writeInt(0x0803);
            o.writeInt(12);
            o.writeInt(4);
            o.writeInt(4);
            for (int n = 0; n < 12; n++) for (int p = 0; p < 16; p++) o.writeByte(p / 4 == n % 4 ? 255 : 0);
        }
        try (DataOutputStream o = new DataOutputStream(new GZIPOutputStream(Files.newOutputStream(labels)))) {
            o.writeInt(0x0801);
            o.writeInt(12);
            for (int n = 0; n < 12; n++) o.writeByte(n % 4);
        }
        return new Path[] {images, labels};
    }

    @Test
    void idxImagesGiveOriginalsNextToReconstructions() throws IOException {
        Path[] f = idx();
        Path plot = dir.resolve("recon.png"), codes = dir.resolve("codes.csv"), model = dir.resolve("idx-ae.json");
        Result r = run("autoencode", "--data", f[0].toString(), "--labels", f[1].toString(), "--layers", "16:3:16",
                "--mode", "online", "--eta", "0.5", "--epochs", "500", "--seed", "2", "--shape", "4x4", "--plot", plot.toString(),
                "--codes", codes.toString(), "--save", model.toString(), "--json");
        assertEquals(0, r.exit(), r.err());
        double mse = r.json().get("reconstruction_mse").asDouble();
        assertTrue(mse < 0.05, r.json().get("reconstruction_mse").toString());
        // evaluate scores the images' reconstructions, the labels aside
        Result e = run("evaluate", "--model", model.toString(), "--data", f[0].toString(), "--labels", f[1].toString(),
                "--json");
        assertEquals(0, e.exit(), e.err());
        assertEquals(mse, e.json().get("mse").asDouble(), 1e-6);
        assertPng(plot);
        List<String> lines = Files.readAllLines(codes);
        assertEquals("code1,code2,code3,label", lines.get(0));
        assertTrue(lines.get(2).endsWith(",1"), lines.get(2));
        // without --labels the images still load: an autoencoder needs no labels
        Result r2 = run("autoencode", "--data", f[0].toString(), "--layers", "16:3:16", "--epochs", "5", "--json");
        assertEquals(0, r2.exit(), r2.err());
    }

    @Test
    void twoUnitCodesOfLabelledDataArePlottedByClass() throws IOException {
        Rng rng = new Rng(9);
        StringBuilder b = new StringBuilder("a,b,c,d,e,f,kind\n");
        for (int n = 0; n < 40; n++) {
            int k = n % 2;
            for (int j = 0; j < 6; j++) b.append(String.format(Locale.ROOT, "%.3f,", (j % 2 == k ? 0.9 : 0.1) + 0.05 * rng.nextGaussian()));
            b.append(k == 0 ? "even" : "odd").append('\n');
        }
        Path data = dir.resolve("six.csv"), plot = dir.resolve("codes.png");
        Files.writeString(data, b);
        Result r = run("autoencode", "--data", data.toString(), "--label", "kind", "--layers", "6:2:6", "--epochs", "300",
                "--mode", "online", "--eta", "0.5", "--plot", plot.toString(), "--json");
        assertEquals(0, r.exit(), r.err());
        assertEquals(2, r.json().get("code_size").asInt());
        assertPng(plot);
    }

    @Test
    void badLayersAndShapesAreOneLineWithExitTwoAndWriteNothing() throws IOException {
        Path data = encoder();
        String save = dir.resolve("ae.json").toString(), plot = dir.resolve("p.png").toString(), codes = dir.resolve("c.csv").toString();
        String[][] cases = {
            {"--layers", "9:3:9"},
            {"--layers", "8:3:7"},
            {"--layers", "8:8:8"},
            {"--layers", "8:3:8", "--shape", "3x3"},
            {"--layers", "8:3:8", "--noise", "1.5"},
            {"--layers", "8:3:8", "--activation", "sigmoidal"},
        };
        String[] expect = {"use --layers 8:3:8", "inputs but 7 outputs", "not narrower", "9 pixels", "[0, 1)", "sigmoidal"};
        for (int i = 0; i < cases.length; i++) {
            Result r = run(args(args(new String[] {"autoencode", "--data", data.toString(), "--save", save, "--plot", plot,
                "--codes", codes, "--epochs", "3"}, cases[i]), new String[0]));
            assertEquals(Main.BAD_INPUT, r.exit(), String.join(" ", cases[i]) + ": " + r.err());
            assertTrue(r.err().startsWith("error: ") && r.err().contains(expect[i]), r.err());
            assertEquals(1, r.err().strip().lines().count(), r.err());
        }
        assertOnly(dir, data);
    }

    @Test
    void helpShowsExamples() {
        Result r = run("autoencode", "--help");
        assertEquals(0, r.exit());
        assertTrue(r.out().contains("Examples:") && r.out().contains("--layers 8:3:8"), r.out());
    }
}
