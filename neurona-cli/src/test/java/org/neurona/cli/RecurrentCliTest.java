package org.neurona.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neurona.data.TimeSeries;
import org.neurona.net.recurrent.RecurrentSpec;
import org.neurona.train.BpttForecaster;

/**
 * {@code train --net elman|jordan}, and {@code predict}/{@code evaluate} with recurrent models,
 * end to end in-process on the series x_t = sin(0.2 t) + 0.5 sin(0.311 t), cut to 400
 * steps and trained briefly (an Elman 1:8:1, BPTT over 10 steps, 20 epochs) so the class runs in
 * seconds; plus every bad input of the issue, each exit 2 with one line and no file left behind.
 */
class RecurrentCliTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The short recipe of these tests; seed 1. */
    private static final List<String> RECIPE = List.of("--hidden", "8", "--bptt", "10", "--epochs", "20", "--seed", "1");

    @TempDir
    Path dir;

    private Path sine;

    @BeforeEach
    void writeTheSeries() throws IOException {
        sine = series("sine.csv", 400);
    }

    /** "t,x,y": x the two sines, y = cos(0.2 t), values rounded to 6 decimals. */
    private Path series(String name, int steps) throws IOException {
        StringBuilder b = new StringBuilder("t,x,y\n");
        for (int t = 0; t < steps; t++) {
            b.append(String.format(Locale.ROOT, "%d,%.6f,%.6f%n", t, Math.sin(0.2 * t) + 0.5 * Math.sin(0.311 * t),
                    Math.cos(0.2 * t)));
        }
        return Files.writeString(dir.resolve(name), b.toString());
    }

    private static Cli.Run ok(Object... args) {
        Cli.Run r = Cli.run(Cli.args(args));
        assertEquals(0, r.exit(), r.toString());
        return r;
    }

    private Cli.Run train(Object... more) {
        List<Object> a = new ArrayList<>(List.of("train", "--net", "elman", "--data", sine, "--column", "x"));
        a.addAll(RECIPE);
        a.addAll(Arrays.asList(more));
        return ok(a.toArray());
    }

    private static double[] doubles(JsonNode a) {
        double[] v = new double[a.size()];
        for (int i = 0; i < v.length; i++) v[i] = a.get(i).asDouble();
        return v;
    }

    @Test
    void trainReportsTheErrorsAndLearnsTheSineAsTheLibraryDoes() throws IOException {
        Cli.Run r = train("--forecast", 5, "--json");
        JsonNode j = JSON.readTree(r.out());
        assertEquals(20, j.get("epochs").asInt());
        assertEquals(20, j.get("history").size());
        assertEquals(List.of("x"), List.of(j.get("columns").get(0).asText()));
        assertEquals(320, j.get("train_steps").asInt());
        assertEquals(5, j.get("forecast").size());
        double trainMse = j.get("train_mse").asDouble(), testMse = j.get("test_mse").asDouble();
        // measured 1.2e-4 and 1.3e-4; the series' variance is about 0.62
        assertTrue(testMse < 1e-3, "test MSE " + testMse);
        assertTrue(trainMse < 1e-3, "train MSE " + trainMse);
        assertTrue(r.err().contains("train: epoch 20/20"), r.err());   // progress lines on stderr

        // the command line maps its options onto BpttForecaster.Options and calls fit with its progress bar
        // listening: the numbers of the library called with the recipe, bit for bit
        BpttForecaster.Result lib = BpttForecaster.fit(TimeSeries.readCsv(sine, "x"),
                BpttForecaster.Options.builder(RecurrentSpec.Kind.ELMAN).hidden(8).bptt(10).epochs(20).seed(1)
                        .forecast(5).build());
        assertEquals(lib.trainMse(), trainMse);
        assertEquals(lib.testMse(), testMse);
        assertEquals(lib.testForecastMse(), j.get("test_forecast_mse").asDouble());
        assertArrayEquals(lib.forecast(), doubles(j.get("forecast")));
        assertArrayEquals(lib.history().trainErrorArray(), doubles(j.get("history")));
    }

    /** The example of docs/RECURRENT.md, on the shipped copy of the laser series. */
    @Test
    void laserExampleOfTheDocs() throws IOException {
        Path laser = Path.of("../examples/data/laser.csv");
        assertEquals(Files.readString(Path.of("../neurona-core/src/main/resources/org/neurona/data/laser.csv")),
                Files.readString(laser));
        JsonNode j = JSON.readTree(ok("train", "--net", "elman", "--data", laser, "--column", "intensity", "--hidden", 16,
                "--eta", 0.001, "--epochs", 50, "--forecast", 50, "--json").out());
        assertEquals(801, j.get("train_steps").asInt());
        assertEquals(50, j.get("forecast").size());
        // measured 24.76; repeating the last value scores 1789, the series' variance is 2193
        assertTrue(j.get("test_mse").asDouble() < 30, j.toString());
    }

    @Test
    void theContextIsWhatLearnsTheSeries() throws IOException {
        double elman = JSON.readTree(train("--json").out()).get("test_mse").asDouble();
        List<Object> a = new ArrayList<>(List.of("train", "--net", "none", "--data", sine, "--column", "x", "--json"));
        a.addAll(RECIPE);
        double none = JSON.readTree(ok(a.toArray()).out()).get("test_mse").asDouble();
        assertTrue(none > 20 * elman, "without context " + none + ", Elman " + elman);
    }

    @Test
    void savedModelPredictsWhatTrainingPredicted() throws IOException {
        Path model = dir.resolve("rnn.json"), preds = dir.resolve("preds.csv");
        JsonNode j = JSON.readTree(train("--forecast", 5, "--save", model, "--json").out());
        Cli.Run p = ok("predict", "--model", model, "--data", sine, "--forecast", 5, "--out", preds);
        assertTrue(p.err().contains("399 one-step predictions and a forecast of 5 steps written to " + preds), p.err());

        List<String> lines = Files.readAllLines(preds);
        assertEquals("step,mode,x", lines.get(0));
        assertEquals(1 + 399 + 5, lines.size());
        TimeSeries s = TimeSeries.readCsv(sine, "x");
        // MSE over steps 320..399 recomputed from the file equals train's test_mse, bit for bit
        double sse = 0;
        for (int t = 320; t < 400; t++) {
            String[] f = lines.get(t).split(",");
            assertEquals(List.of(String.valueOf(t), "one-step"), List.of(f[0], f[1]));
            double r = Double.parseDouble(f[2]) - s.value(t, 0);
            sse += r * r;
        }
        assertEquals(j.get("test_mse").asDouble(), sse / 80);
        for (int k = 0; k < 5; k++) {
            String[] f = lines.get(400 + k).split(",");
            assertEquals(List.of(String.valueOf(400 + k), "forecast"), List.of(f[0], f[1]));
            assertEquals(j.get("forecast").get(k).asDouble(), Double.parseDouble(f[2]));
        }

        JsonNode e = JSON.readTree(ok("evaluate", "--model", model, "--data", sine, "--test-fraction", 0.2, "--json").out());
        assertEquals(j.get("test_mse").asDouble(), e.get("mse").asDouble());
        assertEquals(80, e.get("patterns").asInt());
    }

    @Test
    void plotIsAPngOfTheSeriesAndItsPredictions() throws IOException {
        Path png = dir.resolve("forecast.png");
        Cli.Run r = train("--forecast", 20, "--plot", png);
        assertTrue(r.out().contains("plotted to " + png), r.out());
        Cli.assertPng(png, Plots.WIDTH, Plots.HEIGHT);
    }

    @Test
    void twoColumnsMakeAMultivariateSeries() throws IOException {
        Path model = dir.resolve("xy.json"), png = dir.resolve("xy.png");
        Cli.Run r = ok("train", "--net", "elman", "--data", sine, "--column", "x,y", "--hidden", 8, "--bptt", 10,
                "--epochs", 5, "--forecast", 3, "--save", model, "--plot", png, "--json");
        JsonNode j = JSON.readTree(r.out());
        assertEquals("2:8:2", j.get("sizes").asText());
        assertEquals(3, j.get("forecast").size());
        assertEquals(2, j.get("forecast").get(0).size());
        Cli.assertPng(png, Plots.WIDTH, 2 * Plots.HEIGHT);   // one chart per column
        Cli.Run p = ok("predict", "--model", model, "--data", sine);
        assertTrue(p.out().startsWith("step,mode,x,y\n1,one-step,"), p.out().substring(0, 60));
    }

    @Test
    void jordanNetWithContextDecaySavesAndLoads() throws IOException {
        Path model = dir.resolve("jordan.json");
        ok("train", "--net", "jordan", "--mu", 0.5, "--clip", "norm:10", "--data", sine, "--column", "x", "--hidden", 8,
                "--epochs", 3, "--save", model);
        String text = Files.readString(model);
        assertTrue(text.contains("\"kind\": \"jordan\"") && text.contains("\"mu\": 0.5"), text);
        JsonNode e = JSON.readTree(ok("evaluate", "--model", model, "--data", sine, "--json").out());
        assertEquals(399, e.get("patterns").asInt());
        assertTrue(Double.isFinite(e.get("mse").asDouble()));
    }

    /**
     * The committed Elman 1:3:1 model file, run by predict, against the equations in double
     * precision: u = (x - shift) / scale, h = tanh(W_x u + W_c c + b_h), c = h, y = W_y h + b_y.
     */
    @Test
    void committedModelPredictsWhatItsEquationsSay() throws IOException {
        Path model = Path.of("../neurona-io/src/test/resources/org/neurona/io/model-v1-elman.json");
        Path data = series("short.csv", 30);
        Cli.Run p = ok("predict", "--model", model, "--data", data);
        List<String> lines = p.out().lines().toList();
        assertEquals(30, lines.size());
        JsonNode m = JSON.readTree(model.toFile());
        double shift = m.at("/data/normalization/shift/0").asDouble(), scale = m.at("/data/normalization/scale/0").asDouble();
        JsonNode hid = m.at("/layers/0"), outL = m.at("/layers/1");
        double[] c = new double[3];
        TimeSeries s = TimeSeries.readCsv(data, "x");
        for (int t = 0; t < 29; t++) {
            double u = (s.value(t, 0) - shift) / scale;
            double[] h = new double[3];
            for (int i = 0; i < 3; i++) {
                double z = hid.at("/weights/" + i + "/0").asDouble() * u + hid.at("/biases/" + i).asDouble();
                for (int k = 0; k < 3; k++) z += hid.at("/context_weights/" + i + "/" + k).asDouble() * c[k];
                h[i] = Math.tanh(z);
            }
            double y = outL.at("/biases/0").asDouble();
            for (int i = 0; i < 3; i++) y += outL.at("/weights/0/" + i).asDouble() * h[i];
            c = h;
            double got = Double.parseDouble(lines.get(t + 1).split(",")[2]);
            assertEquals(y * scale + shift, got, 1e-5, "step " + (t + 1));
        }
    }

    @Test
    void withoutNetTrainStillNeedsLayers() throws IOException {
        Cli.Run r = Cli.run(Cli.args("train", "--data", sine));
        assertEquals(2, r.exit(), r.toString());
        assertEquals("error: Missing required option: '--layers=SIZES'\nTry 'neurona train --help' for usage and examples.\n",
                r.err());
    }

    // ---- bad input: one line, exit 2, nothing written ----

    private Cli.Run bad(String message, Object... args) throws IOException {
        List<String> before = Cli.files(dir);
        Cli.Run r = Cli.run(Cli.args(args));
        assertEquals(2, r.exit(), r.toString());
        assertTrue(r.err().startsWith("error: "), r.toString());
        assertTrue(r.err().contains(message), "expected '" + message + "' in\n" + r);
        assertEquals(1, r.err().lines().count(), r.toString());
        assertEquals(before, Cli.files(dir), "no file may be left behind");
        return r;
    }

    private Cli.Run badTrain(String message, Object... args) throws IOException {
        List<Object> a = new ArrayList<>(List.of("train"));
        a.addAll(Arrays.asList(args));
        a.addAll(List.of("--save", dir.resolve("out.json"), "--plot", dir.resolve("out.png")));
        return bad(message, a.toArray());
    }

    @Test
    void seriesShorterThanTheWindow() throws IOException {
        Path s = series("ten.csv", 10);
        badTrain(s + ": the training part has 8 of 10 values, so 7 one-step pairs, fewer than the BPTT window of 20"
                + " steps; use a longer series, a smaller --test-fraction or a smaller --bptt",
                "--net", "elman", "--data", s, "--column", "x");
    }

    @Test
    void missingColumnSuggestsTheClosest() throws IOException {
        badTrain(sine + ": no column 'xx'; did you mean 'x'? The columns are [t, x, y]",
                "--net", "elman", "--data", sine, "--column", "xx");
        Path laser = Files.writeString(dir.resolve("laser.csv"), "t,intensity\n0,86\n1,141\n");
        badTrain("no column 'Intensty'; did you mean 'intensity'?", "--net", "jordan", "--data", laser, "--column", "Intensty");
    }

    @Test
    void nanInTheSeries() throws IOException {
        Path s = Files.writeString(dir.resolve("nan.csv"), "t,x\n0,0.5\n1,NaN\n2,0.7\n");
        badTrain("nan.csv, line 3, column 'x': NaN; expected a finite number", "--net", "elman", "--data", s, "--column", "x");
    }

    @Test
    void layersThatConflictWithTheNet() throws IOException {
        badTrain("--layers 2:8:1 conflicts with --net elman on 1 column: the net predicts the series' next value, so it"
                + " has 1 input and 1 output; use --hidden 8 (or --layers 1:8:1)",
                "--net", "elman", "--data", sine, "--column", "x", "--layers", "2:8:1");
        badTrain("--layers 1:8:1 conflicts with --hidden 16; give one of them",
                "--net", "elman", "--data", sine, "--column", "x", "--layers", "1:8:1", "--hidden", 16);
        badTrain("--layers 1:8:8:1 conflicts with --net jordan: a recurrent net has one hidden layer",
                "--net", "jordan", "--data", sine, "--column", "x", "--layers", "1:8:8:1");
        // consistent --layers is accepted
        JsonNode j = JSON.readTree(ok("train", "--net", "elman", "--data", sine, "--column", "x", "--layers", "1:4:1",
                "--epochs", 1, "--json").out());
        assertEquals("1:4:1", j.get("sizes").asText());
    }

    @Test
    void optionsOfTheOtherKindOfNet() throws IOException {
        badTrain("--hidden needs --net elman or --net jordan", "--data", sine, "--layers", "2:1", "--hidden", 8);
        badTrain("--mode does not apply to a recurrent net (--net elman)",
                "--net", "elman", "--data", sine, "--column", "x", "--mode", "online");
        badTrain("--mu 0.5 is the decay of a Jordan net's context; --net elman has none",
                "--net", "elman", "--data", sine, "--column", "x", "--mu", 0.5);
        badTrain("unknown recurrent net 'elmann'; expected elman, jordan or none", "--net", "elmann", "--data", sine);
    }

    @Test
    void predictOnASeriesWithoutTheModelsColumn() throws IOException {
        Path model = dir.resolve("rnn.json");
        ok("train", "--net", "elman", "--data", sine, "--column", "x", "--epochs", 1, "--save", model);
        Path other = Files.writeString(dir.resolve("other.csv"), "t,X1\n0,1\n1,2\n2,3\n");
        bad(other + ": no column 'x'; did you mean 'X1'?", "predict", "--model", model, "--data", other,
                "--out", dir.resolve("preds.csv"));
        assertFalse(Files.exists(dir.resolve("preds.csv")));
    }
}
