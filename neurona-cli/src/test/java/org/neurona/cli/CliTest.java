package org.neurona.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The commands end to end, in-process, on small data so the whole class runs in seconds. */
class CliTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void demoWritesItsPlotsAndSaysWhere() throws IOException {
        Path out = dir.resolve("plots");
        Cli.Run r = Cli.run("demo", "--out", out.toString());
        assertEquals(0, r.exit(), r.toString());
        assertEquals(List.of("activations.png", "lineal-boundary.png", "lineal-data.png", "lineal-error.png",
                "xor-boundary.png", "xor-error.png"), Cli.files(out));
        for (String f : List.of("lineal-boundary.png", "lineal-data.png", "lineal-error.png", "xor-boundary.png", "xor-error.png")) {
            Cli.assertPng(out.resolve(f), Plots.WIDTH, Plots.HEIGHT);
        }
        assertTrue(Files.size(out.resolve("activations.png")) > 10_000);
        assertTrue(r.out().contains("15 of 15 points classified correctly"), r.out());
        assertTrue(r.out().contains("4 of 4 correct"), r.out());
        assertTrue(r.out().contains("Plots written to " + out.toAbsolutePath().normalize()), r.out());
        assertTrue(r.err().contains("perceptron: epoch 500/500"), r.err());   // plain progress lines off a terminal
    }

    @Test
    void trainSaveEvaluateReproducesTheTrainingAccuracy() throws IOException {
        Path data = Cli.blobs(dir, "iris.csv", 40, 7);
        Path model = dir.resolve("iris.json");
        Cli.Run t = Cli.run(Cli.args("train", "--data", data, "--layers", "2:5:3", "--activation", "tanh,softmax",
                "--loss", "ce", "--mode", "minibatch", "--batch-size", 8, "--eta", 0.1, "--momentum", 0.9,
                "--epochs", 40, "--normalize", "zscore", "--shuffle", "--seed", 3, "--save", model, "--json"));
        assertEquals(0, t.exit(), t.toString());
        JsonNode tj = JSON.readTree(t.out());
        double acc = tj.get("accuracy").doubleValue();
        assertTrue(acc > 0.9, "training accuracy " + acc);

        Cli.Run e = Cli.run(Cli.args("evaluate", "--model", model, "--data", data, "--json"));
        assertEquals(0, e.exit(), e.toString());
        JsonNode ej = JSON.readTree(e.out());
        assertEquals(acc, ej.get("accuracy").doubleValue());
        assertEquals(List.of("setosa", "versicolor", "virginica"),
                JSON.convertValue(ej.get("classes"), List.class));
        long total = 0;
        for (JsonNode row : ej.get("confusion_matrix")) for (JsonNode v : row) total += v.longValue();
        assertEquals(120, total);
        assertTrue(ej.get("sse").doubleValue() > 0 && ej.get("mse").doubleValue() > 0);

        Path preds = dir.resolve("preds.csv");
        Cli.Run p = Cli.run(Cli.args("predict", "--model", model, "--data", data, "--out", preds));
        assertEquals(0, p.exit(), p.toString());
        List<String> lines = Files.readAllLines(preds);
        assertEquals("predicted,output_setosa,output_versicolor,output_virginica", lines.get(0));
        assertEquals(121, lines.size());
        List<String> truth = Files.readAllLines(data).subList(1, 121).stream().map(l -> l.substring(l.lastIndexOf(',') + 1)).toList();
        long same = 0;
        for (int i = 0; i < 120; i++) if (lines.get(i + 1).startsWith(truth.get(i) + ",")) same++;
        assertEquals(Math.round(acc * 120), same);
    }

    /** Class names with a comma stay one field in predict's header, quoted as in its rows. */
    @Test
    void predictQuotesClassNamesInItsHeader() throws Exception {
        Path data = dir.resolve("commas.csv");
        StringBuilder csv = new StringBuilder("x1,x2,colour\n");
        for (int i = 0; i < 20; i++) csv.append(i % 2).append(',').append(i % 3).append(i % 2 == 0 ? ",\"red, dark\"\n" : ",blue\n");
        Files.writeString(data, csv);
        Path model = dir.resolve("commas.json");
        Cli.Run t = Cli.run(Cli.args("train", "--data", data, "--layers", "2:3:2", "--activation", "tanh,softmax",
                "--loss", "ce", "--epochs", 5, "--seed", 1, "--save", model));
        assertEquals(0, t.exit(), t.toString());
        Cli.Run p = Cli.run(Cli.args("predict", "--model", model, "--data", data));
        assertEquals(0, p.exit(), p.toString());
        assertEquals("predicted,output_blue,\"output_red, dark\"", p.out().lines().findFirst().orElseThrow());
    }

    @Test
    void jsonOutputParsesAndHasTheFields() throws IOException {
        Path data = Cli.blobs(dir, "b.csv", 20, 11);
        Cli.Run r = Cli.run(Cli.args("train", "--data", data, "--layers", "2:4:3", "--activation", "logistic,softmax",
                "--loss", "ce", "--eta", 0.5, "--epochs", 30, "--validation", 0.25, "--json"));
        assertEquals(0, r.exit(), r.toString());
        JsonNode j = JSON.readTree(r.out());
        assertEquals(30, j.get("epochs").intValue());
        assertEquals(30, j.get("history").size());
        assertEquals(30, j.get("epoch_seconds").size());
        assertEquals(30, j.get("validation_history").size());
        assertEquals(j.get("history").get(29).doubleValue(), j.get("train_error").doubleValue());
        assertTrue(j.get("accuracy").isNumber());
        assertTrue(j.get("validation_error").doubleValue() > 0);
        assertEquals("ce", j.get("loss").asText());
        assertTrue(r.err().contains("training 2:4:3"), "human text goes to stderr under --json: " + r.err());
        assertFalse(r.out().contains("training 2:4:3"));
    }

    @Test
    void xorWithClassifyGivesAccuracyAndAHistoryPlot() throws IOException {
        Path data = Cli.xor(dir);
        Path model = dir.resolve("xor.json"), plot = dir.resolve("err.png"), hist = dir.resolve("h.csv");
        Cli.Run r = Cli.run(Cli.args("train", "--data", data, "--layers", "2:3:1", "--classify", "--mode", "online",
                "--eta", 0.5, "--momentum", 0.9, "--epochs", 2000, "--save", model, "--plot", plot, "--history", hist, "--json"));
        assertEquals(0, r.exit(), r.toString());
        JsonNode j = JSON.readTree(r.out());
        assertEquals(1.0, j.get("accuracy").doubleValue());
        assertTrue(j.get("train_error").doubleValue() < 0.05);
        Cli.assertPng(plot, Plots.WIDTH, Plots.HEIGHT);
        assertEquals("epoch,train_error,seconds", Files.readAllLines(hist).get(0));

        Path fromModel = dir.resolve("from-model.png"), fromCsv = dir.resolve("from-csv.svg"), boundary = dir.resolve("b.png");
        assertEquals(0, Cli.run(Cli.args("plot", "history", "--model", model, "--out", fromModel)).exit());
        Cli.assertPng(fromModel, Plots.WIDTH, Plots.HEIGHT);
        assertEquals(0, Cli.run(Cli.args("plot", "history", "--history", hist, "--out", fromCsv)).exit());
        assertTrue(Files.readString(fromCsv).contains("<svg"));
        Cli.Run b = Cli.run(Cli.args("plot", "boundary", "--model", model, "--data", data, "--classify", "--out", boundary));
        assertEquals(0, b.exit(), b.toString());
        Cli.assertPng(boundary, Plots.WIDTH, Plots.HEIGHT);

        Cli.Run p = Cli.run(Cli.args("predict", "--model", model, "--data", data));
        assertEquals(List.of("predicted,output", "0", "1", "1", "0"),
                p.out().lines().map(l -> l.contains(",") && !l.startsWith("predicted") ? l.substring(0, l.indexOf(',')) : l).toList());
    }

    @Test
    void committedVersion1ModelFilePredictsXor() throws IOException {
        // the sample of format version 1 that neurona-io's tests also load
        Path v1 = Path.of("../neurona-io/src/test/resources/org/neurona/io/model-v1-xor.json");
        assertTrue(Files.exists(v1), "sample model file missing: " + v1.toAbsolutePath());
        Cli.Run p = Cli.run(Cli.args("predict", "--model", v1, "--data", Cli.xor(dir)));
        assertEquals(0, p.exit(), p.toString());
        List<String> lines = p.out().lines().toList();
        assertEquals("xor", lines.get(0));
        double[] want = {0, 1, 1, 0};
        for (int i = 0; i < 4; i++) assertEquals(want[i], Double.parseDouble(lines.get(i + 1)), 1e-3, lines.get(i + 1));
        Cli.Run e = Cli.run(Cli.args("evaluate", "--model", v1, "--data", dir.resolve("xor.csv"), "--json"));
        assertEquals(0, e.exit(), e.toString());
        assertTrue(JSON.readTree(e.out()).get("sse").doubleValue() < 1e-6, e.out());
    }

    /** Targets a logistic output cannot reach get a warning; a linear output none. */
    @Test
    void targetsOutsideTheOutputsRangeAreWarnedAbout() throws IOException {
        Path reg = Files.writeString(dir.resolve("reg.csv"), "x1,x2,y\n0,0,50\n0,1,120\n1,0,180\n1,1,300\n");
        Cli.Run r = Cli.run(Cli.args("train", "--data", reg, "--layers", "2:3:1", "--epochs", 5));
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.err().contains("warning: the targets of " + reg + " range from 50 to 300, but the output activation"
                + " logistic gives values in [0, 1]"), r.err());
        Cli.Run linear = Cli.run(Cli.args("train", "--data", reg, "--layers", "2:3:1", "--activation", "tanh,linear",
                "--eta", "0.001", "--epochs", 5));
        assertEquals(0, linear.exit(), linear.toString());
        assertFalse(linear.err().contains("warning"), linear.err());
    }

    /** --normalize-targets: trained on scaled targets, predicting in the targets' own units. */
    @Test
    void regressionTargetsNormalizedForTrainingComeBackInTheirUnits() throws IOException {
        StringBuilder csv = new StringBuilder("x1,x2,y\n");
        SplittableRandom r = new SplittableRandom(3);
        for (int i = 0; i < 200; i++) {
            double a = r.nextDouble(), b = r.nextDouble();
            csv.append(a).append(',').append(b).append(',').append(100 + 150 * a + 50 * b * b).append('\n');
        }
        Path reg = Files.writeString(dir.resolve("reg.csv"), csv), model = dir.resolve("reg.json");
        Cli.Run t = Cli.run(Cli.args("train", "--data", reg, "--layers", "2:8:1", "--activation", "tanh,linear",
                "--normalize", "zscore", "--normalize-targets", "zscore", "--eta", "0.01", "--momentum", "0.9",
                "--mode", "minibatch", "--batch-size", "16", "--epochs", 200, "--save", model));
        assertEquals(0, t.exit(), t.toString());
        assertTrue(t.out().contains("targets normalised (zscore)"), t.out());
        assertFalse(t.err().contains("warning"), t.err());
        Cli.Run e = Cli.run(Cli.args("evaluate", "--model", model, "--data", reg, "--json"));
        assertEquals(0, e.exit(), e.toString());
        double rmse = JSON.readTree(e.out()).get("rmse").doubleValue();
        assertTrue(rmse < 5, "RMSE " + rmse + " on targets from 100 to 300");   // the targets' sd is about 45
        Cli.Run p = Cli.run(Cli.args("predict", "--model", model, "--data", reg));
        double first = Double.parseDouble(p.out().lines().skip(1).findFirst().orElseThrow());
        assertTrue(first > 90 && first < 310, "a prediction in the targets' units: " + first);
        assertTrue(Files.readString(model).contains("\"format_version\": 2,"));

        Cli.Run c = Cli.run(Cli.args("train", "--data", Cli.xor(dir), "--layers", "2:3:1", "--classify",
                "--normalize-targets", "zscore"));
        assertEquals(2, c.exit(), c.toString());
        assertTrue(c.err().contains("--normalize-targets scales numeric targets"), c.err());
    }

    /** The copies in examples/data that the docs' commands use are the library's own files. */
    @Test
    void examplesDataCopiesMatchTheLibrarysResources() throws IOException {
        Path resources = Path.of("../neurona-core/src/main/resources/org/neurona/data"), examples = Path.of("../examples/data");
        for (String f : List.of("lineal.csv", "laser.csv")) {
            assertEquals(Files.readString(resources.resolve(f)), Files.readString(examples.resolve(f)), f);
        }
        for (String f : List.of("xor.pat", "encoder.pat", "letters.pat", "xor_mlp_2-2-1.net", "encoder_mlp_8-3-8.net")) {
            assertTrue(Files.size(examples.resolve("snns").resolve(f)) > 0, f);
        }
    }

    /** A model trained on a CSV with a header finds its input columns by name in the files it scores. */
    @Test
    void inputColumnsAreFoundByTheirNames() throws IOException {
        Path model = dir.resolve("named.json");
        assertEquals(0, Cli.run(Cli.args("train", "--data", Cli.xor(dir), "--layers", "2:3:1", "--mode", "online",
                "--momentum", "0.9", "--eta", "0.5", "--epochs", 2000, "--save", model)).exit());
        Cli.Run same = Cli.run(Cli.args("predict", "--model", model, "--data", dir.resolve("xor.csv")));
        // the same patterns with the columns in another order and an extra one
        Path shuffled = Files.writeString(dir.resolve("shuffled.csv"), "y,x2,id,x1\n0,0,a,0\n1,1,b,0\n1,0,c,1\n0,1,d,1\n");
        Cli.Run moved = Cli.run(Cli.args("predict", "--model", model, "--data", shuffled));
        assertEquals(0, moved.exit(), moved.toString());
        List<String> want = same.out().lines().skip(1).toList(), got = moved.out().lines().skip(1).toList();
        assertEquals(want, got);
        Cli.Run e1 = Cli.run(Cli.args("evaluate", "--model", model, "--data", dir.resolve("xor.csv"), "--json"));
        Cli.Run e2 = Cli.run(Cli.args("evaluate", "--model", model, "--data", shuffled, "--json"));
        assertEquals(0, e2.exit(), e2.toString());
        assertEquals(JSON.readTree(e1.out()).get("sse"), JSON.readTree(e2.out()).get("sse"));

        // other names: an error naming the missing column, not inputs taken in the wrong order
        Path renamed = Files.writeString(dir.resolve("renamed.csv"), "a,b,y\n0,0,0\n0,1,1\n");
        Cli.Run r = Cli.run(Cli.args("predict", "--model", model, "--data", renamed));
        assertEquals(2, r.exit(), r.toString());
        assertTrue(r.err().contains(renamed + " has no column 'x1'"), r.err());
        // scoring a file without the target column says so
        Path inputsOnly = Files.writeString(dir.resolve("inputs.csv"), "x1,x2\n0,0\n0,1\n");
        Cli.Run n = Cli.run(Cli.args("evaluate", "--model", model, "--data", inputsOnly));
        assertEquals(2, n.exit(), n.toString());
        assertTrue(n.err().contains(inputsOnly + " has no target column 'y'"), n.err());
        // an id column where the target would be is not taken for it
        Path idFirst = Files.writeString(dir.resolve("idfirst.csv"), "id,x1,x2\n7,0,0\n8,0,1\n");
        Cli.Run idr = Cli.run(Cli.args("evaluate", "--model", model, "--data", idFirst));
        assertEquals(2, idr.exit(), idr.toString());
        assertTrue(idr.err().contains(idFirst + " has no target column 'y'"), idr.err());
        // names that differ in case only still match
        Path upper = Files.writeString(dir.resolve("upper.csv"), "X2,X1,Y\n0,0,0\n1,0,1\n0,1,1\n1,1,0\n");
        Cli.Run up = Cli.run(Cli.args("evaluate", "--model", model, "--data", upper, "--json"));
        assertEquals(0, up.exit(), up.toString());
        assertEquals(JSON.readTree(e1.out()).get("sse").doubleValue(), JSON.readTree(up.out()).get("sse").doubleValue(), 1e-12);
        // a model from a file without a header (made-up names, even past --target 1) or with a name twice: by position
        Path bareFirst = Files.writeString(dir.resolve("barefirst.csv"), "0,0,0\n1,0,1\n1,1,0\n0,1,1\n");
        Path mBare = dir.resolve("bare.json"), named = Files.writeString(dir.resolve("named.csv"), "y,a,b\n0,0,0\n1,1,0\n");
        assertEquals(0, Cli.run(Cli.args("train", "--data", bareFirst, "--target", "1", "--layers", "2:2:1", "--epochs", 3,
                "--save", mBare)).exit());
        Cli.Run byPosition = Cli.run(Cli.args("evaluate", "--model", mBare, "--data", named, "--target", "y"));
        assertEquals(0, byPosition.exit(), byPosition.toString());
        Path twice = Files.writeString(dir.resolve("twice.csv"), "x,x,y\n0,0,0\n0,1,1\n1,0,1\n1,1,0\n");
        Path mTwice = dir.resolve("twice.json");
        assertEquals(0, Cli.run(Cli.args("train", "--data", twice, "--layers", "2:2:1", "--epochs", 3, "--save", mTwice)).exit());
        Cli.Run own = Cli.run(Cli.args("evaluate", "--model", mTwice, "--data", twice));
        assertEquals(0, own.exit(), own.toString());
        // --inputs names them when the header does not: train on two of four columns, predict from others
        Path wide = Files.writeString(dir.resolve("wide.csv"), "id,a,b,y\nr1,0,0,0\nr2,0,1,1\nr3,1,0,1\nr4,1,1,0\n");
        Path m2 = dir.resolve("ab.json");
        Cli.Run t2 = Cli.run(Cli.args("train", "--data", wide, "--inputs", "a,b", "--target", "y", "--layers", "2:3:1",
                "--mode", "online", "--momentum", "0.9", "--eta", "0.5", "--epochs", 2000, "--save", m2));
        assertEquals(0, t2.exit(), t2.toString());
        Cli.Run p2 = Cli.run(Cli.args("predict", "--model", m2, "--data", renamed, "--inputs", "1,2"));
        assertEquals(0, p2.exit(), p2.toString());
        assertEquals(2, p2.out().lines().skip(1).count());
        // without a header, by position as before
        Path bare = Files.writeString(dir.resolve("bare.csv"), "0,0\n0,1\n1,0\n1,1\n");
        Cli.Run b = Cli.run(Cli.args("predict", "--model", model, "--data", bare));
        assertEquals(0, b.exit(), b.toString());
        assertEquals(want, b.out().lines().skip(1).toList());
    }

    /** Every command that reads CSV takes the CSV layout from one mixin, so the options read alike everywhere. */
    @Test
    void everyCommandThatReadsCsvDescribesItsLayoutAlike() {
        picocli.CommandLine main = Main.commandLine();
        List<List<String>> commands = List.of(List.of("train"), List.of("predict"), List.of("evaluate"), List.of("cluster"),
                List.of("hopfield"), List.of("autoencode"), List.of("plot", "boundary"), List.of("plot", "roc"),
                List.of("plot", "regression"));
        for (String option : List.of("--header", "--separator")) {
            List<String> seen = new java.util.ArrayList<>();
            for (List<String> path : commands) {
                picocli.CommandLine c = main;
                for (String name : path) c = c.getSubcommands().get(name);
                picocli.CommandLine.Model.OptionSpec o = c.getCommandSpec().findOption(option);
                assertTrue(o != null, path + " has no " + option);
                seen.add(String.join(" ", o.description()));
            }
            assertEquals(1, seen.stream().distinct().count(), option + ": " + seen);
        }
    }

    @Test
    void activationTablePlot() throws IOException {
        Path f = dir.resolve("act.png");
        Cli.Run r = Cli.run(Cli.args("plot", "activations", "--functions", "logistic,tanh,relu", "--out", f));
        assertEquals(0, r.exit(), r.toString());
        Cli.assertPng(f);
        assertTrue(r.out().contains("3 functions"), r.out());
    }

    /** Tiny IDX files: 2x2 images whose bright pixel is the label (0..3), plus noise. */
    private Path[] idx(String prefix, int n, long seed, boolean gzip) throws IOException {
        SplittableRandom r = new SplittableRandom(seed);
        byte[] px = new byte[n * 4], lab = new byte[n];
        for (int i = 0; i < n; i++) {
            int k = r.nextInt(4);
            lab[i] = (byte) k;
            for (int p = 0; p < 4; p++) px[i * 4 + p] = (byte) (p == k ? 200 + r.nextInt(56) : r.nextInt(60));
        }
        ByteBuffer im = ByteBuffer.allocate(16 + px.length).putInt(0x803).putInt(n).putInt(2).putInt(2).put(px);
        ByteBuffer lb = ByteBuffer.allocate(8 + n).putInt(0x801).putInt(n).put(lab);
        return new Path[] {Files.write(dir.resolve(prefix + "-images"), gzip ? gz(im.array()) : im.array()),
            Files.write(dir.resolve(prefix + "-labels"), gzip ? gz(lb.array()) : lb.array())};
    }

    private static byte[] gz(byte[] b) throws IOException {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        try (GZIPOutputStream g = new GZIPOutputStream(o)) {
            g.write(b);
        }
        return o.toByteArray();
    }

    @Test
    void idxTrainingReportsTestAccuracyEachEpoch() throws IOException {
        Path[] train = idx("train", 200, 1, true), test = idx("test", 50, 2, false);
        Cli.Run r = Cli.run(Cli.args("train", "--data", train[0], "--labels", train[1], "--test-data", test[0],
                "--test-labels", test[1], "--layers", "4:8:4", "--activation", "relu,softmax", "--loss", "ce",
                "--mode", "minibatch", "--batch-size", 16, "--eta", 0.2, "--momentum", 0.9, "--epochs", 15,
                "--shuffle", "--seed", 1, "--threads", 2, "--json"));
        assertEquals(0, r.exit(), r.toString());
        JsonNode j = JSON.readTree(r.out());
        assertEquals(15, j.get("test_accuracy_history").size());
        assertTrue(j.get("test_accuracy").doubleValue() > 0.9, r.out());
        assertTrue(j.get("accuracy").doubleValue() > 0.9, r.out());
    }
}
