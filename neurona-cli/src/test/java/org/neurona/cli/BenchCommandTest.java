package org.neurona.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The bench command on shrunken workloads (the full ones take minutes: they are benchmarks). */
class BenchCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private record Run(int exit, List<JsonNode> lines, String err) {}

    private static Run bench(String... args) throws Exception {
        CommandLine cl = new CommandLine(new BenchCommand());
        StringWriter out = new StringWriter(), err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int exit = cl.execute(args);
        List<JsonNode> lines = new ArrayList<>();
        for (String line : out.toString().split("\n")) if (!line.isBlank()) lines.add(JSON.readTree(line));
        return new Run(exit, lines, err.toString());
    }

    @Test
    void xorPrintsColdAndWarmTimesAndSolvesMostSeeds() throws Exception {
        Run r = bench("--workload", "xor", "--json", "--size", "0,5,2000,1");
        assertEquals(0, r.exit(), r.err());
        assertEquals(1, r.lines().size());
        JsonNode j = r.lines().get(0);
        assertEquals("xor", j.get("workload").asText());
        assertEquals(5, j.get("seeds").asInt());
        assertEquals(2000, j.get("epochs").asInt());
        assertTrue(j.get("warm_us_per_epoch").asDouble() > 0);
        assertTrue(j.get("cold_us_per_epoch").asDouble() > 0);
        assertEquals(j.get("warm_us_per_epoch").asDouble() / 1e6, j.get("per_epoch_s").asDouble(), 1e-12);
        // 2:3:1 with eta 0.5 and momentum 0.9 solves XOR from most U(-1, 1) starts in 2000 epochs
        assertTrue(j.get("solved").asInt() >= 3, j.toString());
        assertTrue(j.get("jvm").asText().contains(Runtime.version().toString()));
        // this module's tests run without the Vector API module, so the products are the Java loops
        assertEquals("auto-vectorised", j.get("gemm").asText());
        // stdout holds only the JSON; what is running is said on stderr
        assertEquals("bench: running xor ...", r.err().strip());
    }

    @Test
    void withoutJsonOneReadableLineSaysWhatRanAndOnWhichKernel() throws Exception {
        CommandLine cl = new CommandLine(new BenchCommand());
        StringWriter out = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(new StringWriter(), true));
        assertEquals(0, cl.execute("--workload", "xor", "--size", "0,2,200,1"));
        String line = out.toString().strip();
        assertTrue(line.startsWith("xor ") && line.contains("us/epoch warm") && line.contains("solved"), line);
        assertTrue(line.contains("auto-vectorised GEMM"), line);
    }

    @Test
    void elmanSineLearnsTheSeriesInAFewEpochs() throws Exception {
        Run r = bench("--workload", "elman-sine", "--json", "--size", "0,1,1,5");
        assertEquals(0, r.exit(), r.err());
        JsonNode j = r.lines().get(0);
        assertEquals("elman-sine", j.get("workload").asText());
        assertEquals(5, j.get("epochs").asInt());
        assertTrue(j.get("per_epoch_s").asDouble() > 0);
        assertTrue(j.get("train_s").asDouble() >= 4 * j.get("per_epoch_s").asDouble() * 0.5);
        // the series' variance is about 0.62: five epochs already predict one step far better
        assertTrue(j.get("test_mse").asDouble() < 0.1, j.toString());
    }

    @Test
    void missingFashionMnistIsSkippedWithAMessage(@TempDir Path empty) throws Exception {
        Run r = bench("--workload", "fmnist-relu", "--json", "--data", empty.toString());
        assertEquals(Main.FAILURE, r.exit());
        assertTrue(r.lines().isEmpty());
        assertTrue(r.err().contains("skipping fmnist-relu and fmnist-lecture: Fashion-MNIST not found"), r.err());
        assertTrue(r.err().contains("apt-get install dataset-fashion-mnist"), r.err());
        assertFalse(r.err().contains("running"), "a skipped workload is not announced: " + r.err());
    }

    @Test
    void unknownWorkloadIsRejectedByName() {
        BenchCommand bench = new BenchCommand();
        bench.workload = "mnist";
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, bench::call);
        assertTrue(e.getMessage().contains("--workload mnist") && e.getMessage().contains("fmnist-relu, fmnist-lecture, xor, elman-sine"),
                e.getMessage());
    }

    @Test
    void theWarmUpIsOnUnlessTurnedOff() {
        BenchCommand on = new BenchCommand(), off = new BenchCommand();
        new CommandLine(on).parseArgs("--workload", "fmnist-relu");
        new CommandLine(off).parseArgs("--workload", "fmnist-relu", "--no-warm-up");
        assertTrue(on.warmUp);
        assertFalse(off.warmUp);
    }

    @Test
    void fashionMnistWorkloadsRunOnASubset() throws Exception {
        List<Path> missing = Workloads.missingFmnist(Workloads.FMNIST_DEFAULT);
        assumeTrue(missing.isEmpty(), "Fashion-MNIST not installed (" + missing + "): apt-get install dataset-fashion-mnist");
        Run r = bench("--json", "--threads", "2", "--size", "2000,1,10,1");
        assertEquals(0, r.exit(), r.err());
        assertEquals(4, r.lines().size());
        JsonNode relu = r.lines().get(0), lecture = r.lines().get(1);
        assertEquals("fmnist-relu", relu.get("workload").asText());
        assertEquals(2000, relu.get("patterns").asInt());
        assertEquals(5, relu.get("epoch_seconds").size());
        assertEquals(2, relu.get("threads").asInt());
        // 5 epochs on 2000 images: well above chance (0.1), far from the full set's 0.87
        assertTrue(relu.get("test_accuracy").asDouble() > 0.5, relu.toString());
        assertEquals("fmnist-lecture", lecture.get("workload").asText());
        assertEquals(3, lecture.get("epoch_seconds").size());
        assertTrue(lecture.get("test_accuracy").asDouble() > 0.3, lecture.toString());
        assertTrue(relu.get("peak_heap_mb").asDouble() > 0);
        assertTrue(relu.get("load_s").asDouble() > 0, relu.toString());
    }

    @Test
    void theWarmUpBesideReadingChangesNoResult() throws Exception {
        List<Path> missing = Workloads.missingFmnist(Workloads.FMNIST_DEFAULT);
        assumeTrue(missing.isEmpty(), "Fashion-MNIST not installed (" + missing + "): apt-get install dataset-fashion-mnist");
        JsonNode with = bench("--json", "--workload", "fmnist-lecture", "--size", "2000,1,1,1").lines().get(0);
        JsonNode without = bench("--json", "--workload", "fmnist-lecture", "--no-warm-up", "--size", "2000,1,1,1")
                .lines().get(0);
        assertEquals(with.get("train_error").asDouble(), without.get("train_error").asDouble(), 0, with + " / " + without);
        assertEquals(with.get("test_accuracy").asDouble(), without.get("test_accuracy").asDouble(), 0);
    }
}
