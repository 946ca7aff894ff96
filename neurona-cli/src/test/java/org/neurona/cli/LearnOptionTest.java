package org.neurona.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.neurona.loss.Loss;
import org.neurona.train.Mode;
import org.neurona.train.TrainOptions;
import org.neurona.train.rule.Adam;
import org.neurona.train.rule.GradientClipping;
import org.neurona.train.rule.Rprop;
import org.neurona.train.rule.Schedule;
import org.neurona.train.rule.Sgd;
import picocli.CommandLine;

/** train's --learn, --schedule, --clip and --early-stopping, run as a user runs them. */
class LearnOptionTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The XOR patterns of the SNNS distribution (examples/xor.pat), in the shared example data. */
    static final Path SHARED_XOR = Path.of("../../shared/data/snns/pat/xor.pat");

    @TempDir
    Path dir;

    /** xor-v32.pat: the same four patterns, written by hand in the V3.2 layout (a test resource). */
    static Path ownXor(Path dir) throws IOException {
        try (InputStream in = LearnOptionTest.class.getResourceAsStream("xor-v32.pat")) {
            Path p = dir.resolve("xor-v32.pat");
            Files.write(p, in.readAllBytes());
            return p;
        }
    }

    static Path sharedXor() {
        Path p = SHARED_XOR.toAbsolutePath().normalize();
        assumeTrue(Files.isRegularFile(p), "skipped: " + p + " (SNNS example data) is absent");
        return p;
    }

    private static JsonNode trainJson(Object... args) throws IOException {
        Cli.Run r = Cli.run(Cli.args(args));
        assertEquals(0, r.exit(), r.toString());
        return JSON.readTree(r.out());
    }

    /**
     * XOR with a 2-2-1 logistic net, weights in [-0.3, 0.3] as RSNNS initialises them: Rprop and
     * SCG reach the error 0.01 (1/2 SSE, every output within about 0.1 of its target) in a few
     * dozen to a few hundred epochs, BackpropMomentum (eta 0.2, alpha 0.9, online) within 1000.
     * The seeds are fixed; XOR 2-2-1 has local minima that other seeds can fall into.
     */
    @ParameterizedTest(name = "{0} seed {1} within {2} epochs")
    @CsvSource({"Rprop, 1, 250", "SCG, 1, 60", "BackpropMomentum:0.2:0.9, 3, 1000"})
    void snnsLearningFunctionsLearnXorFromPatFiles(String learn, int seed, int within) throws IOException {
        for (Path data : List.of(ownXor(dir), sharedXor())) {
            JsonNode j = trainJson("train", "--data", data, "--layers", "2:2:1", "--learn", learn, "--init", "uniform:0.3",
                    "--seed", seed, "--epochs", 1000, "--target-error", 0.01, "--json");
            assertEquals("target_error", j.get("stop").asText(), data + ": " + j);
            assertTrue(j.get("train_error").doubleValue() <= 0.01, data + ": " + j);
            assertTrue(j.get("epochs").intValue() <= within, data + ": " + j.get("epochs") + " epochs");
        }
    }

    @Test
    void rpropNeedsFewerEpochsThanPlainGradientDescentOnXor() throws IOException {
        Path data = ownXor(dir);
        Object[] common = {"train", "--data", data, "--layers", "2:2:1", "--init", "uniform:0.3", "--seed", 1,
            "--epochs", 5000, "--target-error", 0.01, "--json"};
        int rprop = trainJson((Object[]) concat(common, "--learn", "Rprop")).get("epochs").intValue();
        JsonNode gd = trainJson((Object[]) concat(common, "--learn", "BackpropBatch:2"));
        assertTrue(rprop * 5 < gd.get("epochs").intValue(), "Rprop " + rprop + " epochs, batch backprop " + gd);
    }

    @Test
    void unknownLearningFunctionSuggestsTheClosestName() throws IOException {
        Cli.Run r = Cli.run(Cli.args("train", "--data", ownXor(dir), "--layers", "2:2:1", "--learn", "Rprp",
                "--save", dir.resolve("m.json")));
        assertEquals(2, r.exit(), r.toString());
        assertTrue(r.err().startsWith("error: --learn Rprp: unknown learning rule 'Rprp', did you mean 'Rprop'?"), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        assertFalse(Files.exists(dir.resolve("m.json")));
        Cli.Run q = Cli.run(Cli.args("train", "--data", ownXor(dir), "--layers", "2:2:1", "--learn", "backprop_momentum"));
        assertTrue(q.err().contains("did you mean 'BackpropMomentum'?"), q.err());
    }

    /** Options that disagree with --learn are errors naming both; options that agree are accepted. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "--learn Rprop --eta 0.1 | --eta 0.1 does not apply to --learn Rprop, which adapts its own step sizes",
        "--learn BackpropMomentum:0.2:0.9 --eta 0.5 | --eta 0.5 disagrees with --learn BackpropMomentum:0.2:0.9",
        "--learn BackpropMomentum:0.2:0.9 --momentum 0.5 | --momentum 0.5 disagrees with --learn BackpropMomentum:0.2:0.9",
        "--learn adam --momentum 0.9 | --momentum 0.9 does not apply to --learn adam",
        "--learn Rprop --mode online | --mode online disagrees with --learn Rprop (Rprop:0.1:50.0:0.0), which trains in batch mode",
        "--learn Std_Backpropagation --batch-size 2 | --batch-size 2 disagrees with --learn Std_Backpropagation",
        "--learn BackpropChunk:0.2:0:2 --batch-size 3 | which updates after every 2 patterns",
        "--learn SCG --schedule exp:0.9 | --schedule exp:0.9 changes a learning rate, but --learn SCG has none",
        "--learn Rprop:x | --learn Rprop:x: learning rule 'Rprop:x': parameter delta0 = 'x' is not a number",
        "--learn Quickprop:0.1:1.75:0.0001:0:9 | has 5 parameters, Quickprop takes at most 4",
        "--schedule step:10 | --schedule step:10: learning-rate schedule 'step:10' has 1 parameters, expected 2",
        "--clip size:5 | --clip size:5: gradient clipping 'size:5': unknown mode 'size', expected norm or value",
        "--early-stopping 5 | --early-stopping 5 watches the validation error; hold out patterns with --validation",
        "--early-stopping 0 --validation 0.25 | --early-stopping 0: expected a patience of at least 1 epoch",
    })
    void disagreementsAreBadInput(String options, String message) throws IOException {
        Path model = dir.resolve("m.json");
        String[] args = concat(new Object[] {"train", "--data", ownXor(dir), "--layers", "2:2:1", "--save", model},
                (Object[]) options.trim().split(" "));
        Cli.Run r = Cli.run(args);
        assertEquals(2, r.exit(), r.toString());
        assertTrue(r.err().startsWith("error: ") && r.err().contains(message), r.err());
        assertFalse(Files.exists(model), "a model was written");
    }

    @Test
    void optionsThatAgreeWithTheLearningFunctionAreAccepted() throws IOException {
        Path data = ownXor(dir);
        trainJson("train", "--data", data, "--layers", "2:2:1", "--learn", "BackpropMomentum:0.2:0.9", "--eta", 0.2,
                "--momentum", 0.9, "--mode", "online", "--epochs", 3, "--json");
        trainJson("train", "--data", data, "--layers", "2:2:1", "--learn", "BackpropChunk:0.2:0:2", "--batch-size", 2,
                "--epochs", 3, "--json");
        // rules without a fixed presentation take --mode and --batch-size
        trainJson("train", "--data", data, "--layers", "2:2:1", "--learn", "adam:0.01", "--mode", "minibatch",
                "--batch-size", 2, "--schedule", "cosine:10", "--clip", "norm:5", "--epochs", 3, "--json");
    }

    /** What the options build: the parsed command's TrainOptions, as train hands them to the trainer. */
    private static TrainOptions parsed(String... args) {
        CommandLine cl = Main.commandLine();
        CommandLine.ParseResult pr = cl.parseArgs(args);
        TrainCommand t = (TrainCommand) pr.subcommand().commandSpec().userObject();
        return t.training.options();
    }

    @Test
    void learnScheduleAndClipReachTheTrainer() {
        TrainOptions rprop = parsed("train", "--data", "x.pat", "--layers", "2:2:1", "--learn", "Rprop:0.05:20");
        assertEquals(new Rprop(0.05, 20, 0), rprop.rule());
        assertEquals(Mode.BATCH, rprop.mode());

        TrainOptions bpm = parsed("train", "--data", "x.pat", "--layers", "2:2:1", "--learn", "BackpropMomentum:0.3:0.8:0.1:0.05");
        assertEquals(new Sgd(0.3, 0.8), bpm.rule());
        assertEquals(Mode.ONLINE, bpm.mode());
        assertEquals(0.1, bpm.flatSpot());
        assertEquals(Loss.SSE.withTolerance(0.05), bpm.loss());

        TrainOptions chunk = parsed("train", "--data", "x.pat", "--layers", "2:2:1", "--learn", "BackpropChunk:0.2:0:3",
                "--loss", "sse");
        assertEquals(Mode.MINIBATCH, chunk.mode());
        assertEquals(3, chunk.batchSize());
        assertEquals(Loss.SSE.withReduction(Loss.Reduction.MEAN), chunk.loss());

        TrainOptions adam = parsed("train", "--data", "x.pat", "--layers", "2:2:1", "--learn", "adam:0.01", "--mode", "online",
                "--schedule", "step:10:0.5", "--clip", "value:1");
        assertInstanceOf(Adam.class, adam.rule());
        assertEquals(0.01, adam.rule().learningRate());
        assertEquals(Mode.ONLINE, adam.mode());
        assertEquals(new Schedule.Step(10, 0.5), adam.schedule());
        assertEquals(GradientClipping.byValue(1), adam.clipping());

        TrainOptions plain = parsed("train", "--data", "x.pat", "--layers", "2:2:1", "--eta", "0.5", "--momentum", "0.9");
        assertEquals(new Sgd(0.5, 0.9), plain.rule());
        assertNull(plain.clipping());
    }

    @Test
    void earlyStoppingIsAListenerWhenThereIsAValidationSet() {
        CommandLine cl = Main.commandLine();
        CommandLine.ParseResult pr = cl.parseArgs("train", "--data", "x.csv", "--layers", "2:2:1", "--early-stopping", "7",
                "--validation", "0.2");
        TrainCommand t = (TrainCommand) pr.subcommand().commandSpec().userObject();
        assertEquals(7, t.training.earlyStopping().patience());
        assertTrue(t.training.earlyStopping().restoreBest());
        assertEquals(1, t.training.listeners().size());
        assertTrue(t.training.describeLearning(t.training.options()).contains("early stopping after 7 epochs"));
    }

    /**
     * End to end: the summary line and the model file name the rule, and early stopping stops the
     * run. This needs train to use TrainingOptions' describeLearning, putSettings and listeners
     * (the change to TrainCommand described with this branch); until then it is skipped.
     */
    @Test
    void summaryModelFileAndEarlyStoppingEndToEnd() throws IOException {
        Path data = Cli.blobs(dir, "blobs.csv", 30, 5);
        Path model = dir.resolve("m.json");
        Cli.Run r = Cli.run(Cli.args("train", "--data", data, "--layers", "2:8:3", "--activation", "tanh,softmax", "--loss", "ce",
                "--learn", "Rprop", "--validation", 0.3, "--early-stopping", 3, "--epochs", 2000, "--seed", 2,
                "--save", model, "--json"));
        assertEquals(0, r.exit(), r.toString());
        assumeTrue(r.err().contains("learning rule Rprop"),
                "skipped: train does not yet print TrainingOptions.describeLearning (TrainCommand change pending)");
        assertTrue(r.err().contains("learning rule Rprop:0.1:50.0:0.0, early stopping after 3 epochs"), r.err());
        assertFalse(r.err().contains("eta n/a"), r.err());
        JsonNode j = JSON.readTree(r.out());
        assertEquals("listener", j.get("stop").asText(), j.toString());
        assertTrue(j.get("epochs").intValue() < 2000, j.toString());
        JsonNode s = JSON.readTree(model.toFile()).get("training").get("settings");
        assertEquals("Rprop:0.1:50.0:0.0", s.get("learn").asText(), s.toString());
        assertFalse(s.has("eta"), s.toString());
        assertEquals(3, s.get("early_stopping").intValue(), s.toString());
    }

    static String[] concat(Object[] a, Object... b) {
        Object[] all = new Object[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return Cli.args(all);
    }
}
