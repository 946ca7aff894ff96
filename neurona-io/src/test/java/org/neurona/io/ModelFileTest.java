package org.neurona.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelFileTest {

    @TempDir
    Path dir;

    private Path resource(String name) throws IOException {
        Path p = dir.resolve(name);
        try (InputStream in = getClass().getResourceAsStream(name)) {
            Files.copy(in, p);
        }
        return p;
    }

    private static StoredModel randomModel(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] w1 = new float[3 * 4], b1 = new float[4], w2 = new float[4 * 2], b2 = new float[2];
        for (float[] a : List.of(w1, b1, w2, b2)) for (int i = 0; i < a.length; i++) a[i] = (float) r.nextGaussian();
        w1[0] = Float.MIN_VALUE;   // extremes must survive the decimal round trip too
        w1[1] = -Float.MAX_VALUE;
        w1[2] = 1e-38f;
        float[] slopes = {0.25f, 0.125f, 0.3f, 0.01f};
        return new StoredModel(
                List.of(new StoredModel.Layer(3, 4, "prelu", w1, b1, Map.of("slope", slopes)),
                        new StoredModel.Layer(4, 2, "softmax", w2, b2)),
                "ce", new StoredModel.Scaling("zscore", new double[] {1, 2.1, 3}, new double[] {0.5, 1, 0.1 + 0.2}),
                List.of("a", "b", "c"), List.of("label"), List.of("no", "yes"),
                Map.of("mode", "minibatch", "eta", 0.05, "batch_size", 32, "shuffle", true),
                7, 0.123, new double[] {0.9, 0.5, 0.123}, new double[] {1.0, 0.6, Double.NaN});
    }

    @Test
    void committedVersion1FileStillLoads() throws IOException {
        StoredModel m = ModelFile.read(resource("model-v1-xor.json"));
        assertArrayEquals(new int[] {2, 2, 1}, m.sizes());
        assertEquals("2:2:1", m.sizeSpec());
        assertEquals(List.of("logistic", "logistic"), m.activations());
        assertEquals("sse", m.loss());
        assertArrayEquals(new float[] {20f, 20f, -20f, -20f}, m.layers().get(0).weights());
        assertArrayEquals(new float[] {-10f, 30f}, m.layers().get(0).biases());
        assertArrayEquals(new float[] {-30f}, m.layers().get(1).biases());
        assertEquals(List.of("x1", "x2"), m.inputNames());
        assertFalse(m.isClassifier());
        assertNull(m.normalization());
        assertEquals(2000, m.epochs());
        assertEquals(0.5, ((Number) m.settings().get("eta")).doubleValue());
        assertEquals(3, m.history().length);
        assertFalse(m.isRecurrent());
    }

    @Test
    void committedRecurrentFileLoads() throws IOException {
        // written by: neurona train --net elman --data sine200.csv --column x --hidden 3 --bptt 10 --epochs 5 --seed 3
        StoredModel m = ModelFile.read(resource("model-v1-elman.json"));
        assertTrue(m.isRecurrent());
        assertEquals("elman", m.recurrent().kind());
        assertEquals(3, m.recurrent().context());
        assertEquals(0.0, m.recurrent().mu());
        assertArrayEquals(new int[] {1, 3, 1}, m.sizes());
        assertEquals(List.of("tanh", "linear"), m.activations());
        assertArrayEquals(new float[] {-0.9837437f, -0.23632704f, -1.4905354f}, m.layers().get(0).weights());
        assertArrayEquals(new float[] {-0.7540645f, -0.11963261f, -1.0799835f, -0.1347038f, 0.50959164f, -0.25644004f,
            0.41507205f, -0.069685735f, -1.0397586f}, m.recurrent().contextWeights());
        assertArrayEquals(new float[] {0.9847998f}, m.layers().get(1).biases());
        assertEquals("zscore", m.normalization().kind());
        assertEquals(List.of("x"), m.inputNames());
        assertEquals(List.of("x"), m.targetNames());
        assertEquals(5, m.epochs());
        assertEquals("elman", m.settings().get("net"));
    }

    private static StoredModel jordan(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        float[] wx = new float[4 * 2], bh = new float[4], wy = new float[2 * 4], by = new float[2], wc = new float[4 * 2];
        for (float[] a : List.of(wx, bh, wy, by, wc)) for (int i = 0; i < a.length; i++) a[i] = (float) r.nextGaussian();
        return new StoredModel(
                List.of(new StoredModel.Layer(2, 4, "tanh", wx, bh), new StoredModel.Layer(4, 2, "linear", wy, by)),
                "mse", new StoredModel.Scaling("minmax", new double[] {0.5, -1}, new double[] {2, 0.1 + 0.2}),
                List.of("u", "v"), List.of("u", "v"), List.of(), Map.of("net", "jordan", "bptt", 20), 3, 0.5,
                new double[] {2, 1, 0.5}, new double[0], new StoredModel.Recurrent("jordan", 2, 0.5, wc));
    }

    @Test
    void recurrentRoundTripIsBitExactAndStaysVersion1() throws IOException {
        StoredModel m = jordan(5);
        Path f = dir.resolve("rnn.json");
        ModelFile.write(f, m, "neurona test");
        String text = Files.readString(f);
        assertTrue(text.startsWith("{\n  \"format\": \"neurona-model\",\n  \"format_version\": 1,"), text);
        assertTrue(text.contains("\"type\": \"recurrent\""), text);
        StoredModel back = ModelFile.read(f);
        assertEquals(m.layers(), back.layers());
        assertEquals(m.recurrent(), back.recurrent());
        assertEquals(m.normalization(), back.normalization());
        assertEquals(List.of("u", "v"), back.inputNames());
        assertEquals("mse", back.loss());
        // W_c (4, 2): one line per hidden unit
        int at = text.indexOf("\"context_weights\"");
        String[] lines = text.substring(at).split("\n");
        for (int o = 1; o <= 4; o++) assertEquals(2, lines[o].trim().replaceAll("[\\[\\],]+$", "").split(",").length, lines[o]);
    }

    @Test
    void recurrentShapesAreCheckedWithTheirPath() throws IOException {
        Path f = resource("model-v1-elman.json");
        String text = Files.readString(f, StandardCharsets.UTF_8);
        Files.writeString(f, text.replace("[ -0.1347038, 0.50959164, -0.25644004 ]", "[ -0.1347038, 0.50959164 ]"));
        assertEquals(f + ": layers[0].context_weights[1] has 2 values, expected 3 (one per context unit)",
                assertThrows(DataFileException.class, () -> ModelFile.read(f)).getMessage());
        Files.writeString(f, text.replace("\"context\": 3", "\"context\": 1"));
        assertEquals(f + ": layers[0].context_weights[0] has 3 values, expected 1 (one per context unit)",
                assertThrows(DataFileException.class, () -> ModelFile.read(f)).getMessage());
        Files.writeString(f, text.replace("\"kind\": \"elman\"", "\"kind\": \"jordan\""));
        assertEquals(f + ": model: jordan net with 3 hidden units and 1 outputs has 1 context units, not 3",
                assertThrows(DataFileException.class, () -> ModelFile.read(f)).getMessage());
        Files.writeString(f, text.replace("\"kind\": \"elman\"", "\"kind\": \"hopfield\""));
        assertEquals(f + ": network: recurrent kind 'hopfield'; expected one of [elman, jordan, none]",
                assertThrows(DataFileException.class, () -> ModelFile.read(f)).getMessage());
        Files.writeString(f, text.replace("\"type\": \"recurrent\"", "\"type\": \"transformer\""));
        assertTrue(assertThrows(DataFileException.class, () -> ModelFile.read(f)).getMessage()
                .contains("network type 'transformer' is not supported by this reader"));
    }

    @Test
    void roundTripIsBitExact() throws IOException {
        StoredModel m = randomModel(42);
        Path f = dir.resolve("m.json");
        ModelFile.write(f, m, "neurona test");
        StoredModel back = ModelFile.read(f);
        assertEquals(m.layers(), back.layers());
        assertEquals(m.normalization(), back.normalization());
        assertEquals(m.classes(), back.classes());
        assertEquals(m.inputNames(), back.inputNames());
        assertEquals("ce", back.loss());
        assertEquals(7, back.epochs());
        assertEquals(0.123, back.finalError());
        assertArrayEquals(m.history(), back.history());
        assertTrue(Double.isNaN(back.validationHistory()[2]));
        assertEquals("minibatch", back.settings().get("mode"));
        assertEquals(32L, back.settings().get("batch_size"));
        assertEquals(true, back.settings().get("shuffle"));
    }

    @Test
    void fileIsReadableWithOneLinePerWeightRow() throws IOException {
        Path f = dir.resolve("m.json");
        ModelFile.write(f, randomModel(1), "neurona test");
        String text = Files.readString(f);
        assertTrue(text.startsWith("{\n  \"format\": \"neurona-model\",\n  \"format_version\": 1,"), text);
        // layer 1 has 4 units of 3 inputs: 4 rows, each on its own line holding 3 numbers
        int at = text.indexOf("\"weights\"");
        String[] lines = text.substring(at).split("\n");
        for (int o = 1; o <= 4; o++) {
            String row = lines[o].trim();
            assertTrue(row.startsWith("[") && (row.endsWith("]") || row.endsWith("],")), "row " + o + ": " + row);
            assertEquals(3, row.substring(1, row.indexOf(']')).split(",").length, "row " + o + ": " + row);
        }
        assertTrue(lines[5].trim().startsWith("]"), lines[5]);
        assertTrue(text.contains("\"sizes\": [ 3, 4, 2 ]"), text);
    }

    @Test
    void newerFormatVersionFailsClearly() throws IOException {
        Path f = dir.resolve("future.json");
        ModelFile.write(f, randomModel(2), "neurona test");
        Files.writeString(f, Files.readString(f).replace("\"format_version\": 1", "\"format_version\": 7"));
        DataFileException e = assertThrows(DataFileException.class, () -> ModelFile.read(f));
        assertTrue(e.getMessage().contains("format version 7 is newer"), e.getMessage());
        assertTrue(e.getMessage().contains("up to " + ModelFile.FORMAT_VERSION), e.getMessage());
    }

    @Test
    void committedVersion2FileStillLoads() throws IOException {
        StoredModel m = ModelFile.read(resource("model-v2-regression.json"));
        assertArrayEquals(new int[] {2, 2, 1}, m.sizes());
        assertEquals("zscore", m.targetNormalization().kind());
        assertEquals(1, m.targetNormalization().shift().length);
        assertTrue(m.targetNormalization().scale()[0] > 0);
        assertNull(m.normalization());
    }

    @Test
    void targetNormalizationIsVersion2AndRoundTrips() throws IOException {
        StoredModel plain = new StoredModel(List.of(new StoredModel.Layer(2, 1, "linear", new float[] {0.5f, -1f},
                new float[] {0.25f})), "sse", null, List.of("x1", "x2"), List.of("y"), List.of(), Map.of(), 3, 0.5,
                new double[] {1, 0.7, 0.5}, null);
        StoredModel scaled = plain.withTargetNormalization(new StoredModel.Scaling("zscore", new double[] {175},
                new double[] {42.5}));
        Path f = dir.resolve("scaled.json"), g = dir.resolve("plain.json");
        ModelFile.write(f, scaled, "neurona test");
        ModelFile.write(g, plain, "neurona test");
        assertTrue(Files.readString(f).contains("\"format_version\": 2,"), "a file that needs version 2 says so");
        assertTrue(Files.readString(g).contains("\"format_version\": 1,"), "every other file stays version 1");
        assertFalse(Files.readString(g).contains("target_normalization"));
        StoredModel back = ModelFile.read(f);
        assertEquals(scaled.targetNormalization(), back.targetNormalization());
        assertEquals(scaled.layers(), back.layers());
        assertNull(ModelFile.read(g).targetNormalization());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> plain.withTargetNormalization(
                new StoredModel.Scaling("zscore", new double[] {1, 2}, new double[] {1, 1})));
        assertTrue(e.getMessage().contains("target normalisation for 2 outputs, but the network has 1"), e.getMessage());
    }

    @Test
    void truncatedFileFailsClearly() throws IOException {
        Path f = dir.resolve("cut.json");
        ModelFile.write(f, randomModel(3), "neurona test");
        byte[] all = Files.readAllBytes(f);
        Files.write(f, java.util.Arrays.copyOf(all, all.length / 2));
        DataFileException e = assertThrows(DataFileException.class, () -> ModelFile.read(f));
        assertTrue(e.getMessage().startsWith(f + ", line "), e.getMessage());
        assertTrue(e.getMessage().contains("corrupt or truncated model file"), e.getMessage());
        assertFalse(e.getMessage().contains("Source:"), "no parser internals: " + e.getMessage());
    }

    @Test
    void emptyMissingAndForeignFilesFailClearly() throws IOException {
        Path empty = Files.createFile(dir.resolve("empty.json"));
        assertEquals(empty + ": the file is empty; expected a neurona model (JSON)",
                assertThrows(DataFileException.class, () -> ModelFile.read(empty)).getMessage());
        Path missing = dir.resolve("nope.json");
        assertEquals(missing + ": file not found",
                assertThrows(DataFileException.class, () -> ModelFile.read(missing)).getMessage());
        Path other = Files.writeString(dir.resolve("other.json"), "{\"name\": \"not a model\"}");
        assertTrue(assertThrows(DataFileException.class, () -> ModelFile.read(other)).getMessage()
                .contains("not a neurona model file"));
        Path garbage = Files.write(dir.resolve("bin.json"), new byte[] {0x1f, (byte) 0x8b, 8, 0, 0});
        assertTrue(assertThrows(DataFileException.class, () -> ModelFile.read(garbage)).getMessage()
                .contains("corrupt or truncated"));
    }

    @Test
    void inconsistentShapesAreNamed() throws IOException {
        Path f = resource("model-v1-xor.json");
        String text = Files.readString(f, StandardCharsets.UTF_8);
        Files.writeString(f, text.replace("[ 20.0, 20.0 ],\n        [ -20.0, -20.0 ]", "[ 20.0, 20.0 ],\n        [ -20.0 ]"));
        DataFileException e = assertThrows(DataFileException.class, () -> ModelFile.read(f));
        assertEquals(f + ": layers[0].weights[1] has 1 values, expected 2", e.getMessage());
        Files.writeString(f, text.replace("\"sizes\": [ 2, 2, 1 ]", "\"sizes\": [ 2, 3, 1 ]"));
        e = assertThrows(DataFileException.class, () -> ModelFile.read(f));
        assertEquals(f + ": layers[0] is 2 -> 2, but network.sizes says 2 -> 3", e.getMessage());
    }

    @Test
    void failedWriteKeepsThePreviousFileAndLeavesNoTemporaryFile() throws IOException {
        Path f = dir.resolve("keep.json");
        Files.writeString(f, "old");
        assertThrows(IOException.class, () -> AtomicFiles.write(f, out -> {
            out.write("partial".getBytes(StandardCharsets.UTF_8));
            throw new IOException("disk full");
        }));
        assertEquals("old", Files.readString(f));
        try (var s = Files.list(dir)) {
            assertEquals(List.of(f), s.toList());
        }
        Path inMissingDir = dir.resolve("no/such/dir/m.json");
        assertThrows(java.nio.file.NoSuchFileException.class, () -> AtomicFiles.writeString(inMissingDir, "x"));
    }
}
