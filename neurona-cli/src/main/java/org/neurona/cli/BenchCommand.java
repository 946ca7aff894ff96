package org.neurona.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.neurona.data.Dataset;
import org.neurona.train.WarmUp;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Runs the end-to-end workloads of {@link Workloads} in this JVM and prints one line each (one
 * JSON object per line with {@code --json}): per-epoch and total training time, the quality
 * metric, the thread count and the JVM. {@code bench/compare.sh} runs the same workloads in
 * PyTorch on the same machine and prints both side by side.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        header = "Time the end-to-end workloads: Fashion-MNIST MLPs, XOR online, Elman on a sine.",
        description = {"Time the end-to-end workloads of docs/PERFORMANCE.md: fmnist-relu and fmnist-lecture"
                + " (they need the Fashion-MNIST IDX files, and are skipped with a message when those are missing),"
                + " xor and elman-sine. Says on stderr which workload is running.",
            "per_epoch_s is the median epoch after the first. xor reports microseconds per epoch cold (the first"
                + " seed) and warm (the median of 5 passes over the 100 seeds x 2000 epochs, after a first pass)."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  neurona bench --json                 all four workloads, one JSON line each",
            "  neurona bench --workload xor",
            "  neurona bench --workload fmnist-relu --threads 1 --data DIR",
            "  JAVA_OPTS=-Xmx1g neurona bench --workload fmnist-relu   in a 1 GB heap",
        })
final class BenchCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Option(names = "--workload", paramLabel = "NAME",
            description = "Run only this workload: fmnist-relu, fmnist-lecture, xor or elman-sine (default: all).")
    String workload;

    @Option(names = "--threads", paramLabel = "N",
            description = "Threads for the Fashion-MNIST workloads (default ${DEFAULT-VALUE}); xor and elman-sine"
                    + " are sequential and use one.")
    int threads = 2;

    @Option(names = "--data", paramLabel = "DIR",
            description = "Folder with the four Fashion-MNIST .gz IDX files (default ${DEFAULT-VALUE},"
                    + " where 'apt-get install dataset-fashion-mnist' puts them).")
    Path data = Workloads.FMNIST_DEFAULT;

    @Option(names = "--warm-up", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Warm up the first Fashion-MNIST workload's training steps on a second thread while the"
                    + " data set is read (default); --no-warm-up reads it alone. load_s is the reading time,"
                    + " warm_up_steps the steps the warm-up finished in it.")
    boolean warmUp;

    @Option(names = "--json", description = "One JSON object per workload on stdout, one per line.")
    boolean json;

    /** Shrinks the workloads for tests: Fashion-MNIST rows, XOR seeds, XOR epochs, Elman epochs. */
    @Option(names = "--size", hidden = true, split = ",", paramLabel = "ROWS,SEEDS,EPOCHS,ELMAN_EPOCHS")
    int[] size;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        List<String> names = Workloads.NAMES;
        if (workload != null) {
            if (!names.contains(workload)) {
                throw new IllegalArgumentException("--workload " + workload + ": unknown; expected one of "
                        + String.join(", ", names));
            }
            names = List.of(workload);
        }
        if (threads < 1) throw new IllegalArgumentException("--threads " + threads + ": expected 1 or more");
        Workloads.Size sz = size();
        PrintWriter out = spec.commandLine().getOut(), err = spec.commandLine().getErr();

        Dataset[] fmnist = null;
        double loadSeconds = 0;
        int warmUpSteps = 0;
        boolean needFmnist = names.contains("fmnist-relu") || names.contains("fmnist-lecture");
        if (needFmnist) {
            List<Path> missing = Workloads.missingFmnist(data);
            if (missing.isEmpty()) {
                // the first Fashion-MNIST workload's steps compile on the other core while the data is read
                String first = names.contains("fmnist-relu") ? "fmnist-relu" : "fmnist-lecture";
                Workloads.Fmnist w = Workloads.fmnist(first, threads);
                long t0 = System.nanoTime();
                try (WarmUp warm = warmUp ? WarmUp.start(w.spec(), w.options()) : null) {
                    fmnist = Workloads.loadFmnist(data, sz.fmnistRows());
                    warmUpSteps = warm == null ? 0 : warm.steps();
                }
                loadSeconds = (System.nanoTime() - t0) / 1e9;
            } else {
                err.println("skipping fmnist-relu and fmnist-lecture: Fashion-MNIST not found (" + missing.get(0)
                        + "); install it with 'apt-get install dataset-fashion-mnist' or pass --data DIR");
                err.flush();
            }
        }
        int ran = 0;
        for (String name : names) {
            if (fmnist == null && name.startsWith("fmnist")) continue;
            err.println("bench: running " + name + " ...");
            err.flush();
            Map<String, Object> r;
            switch (name) {
                case "fmnist-relu", "fmnist-lecture" -> {
                    r = Workloads.run(Workloads.fmnist(name, threads), fmnist);
                    r.put("load_s", loadSeconds);
                    r.put("warm_up_steps", warmUpSteps);
                }
                case "xor" -> r = Workloads.xor(sz);
                default -> r = Workloads.elmanSine(sz);
            }
            ran++;
            out.println(json ? toJson(r) : describe(r));
            out.flush();
        }
        return ran == 0 ? Main.FAILURE : Main.OK;
    }

    private Workloads.Size size() {
        if (size == null) return Workloads.Size.FULL;
        if (size.length != 4 || size[1] < 1 || size[2] < 1 || size[3] < 1 || size[0] < 0) {
            throw new IllegalArgumentException("--size: expected ROWS,SEEDS,EPOCHS,ELMAN_EPOCHS (rows >= 0, others >= 1)");
        }
        return new Workloads.Size(size[0], size[1], size[2], size[3]);
    }

    private static String toJson(Map<String, Object> r) {
        try {
            return JSON.writeValueAsString(r);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON: " + e.getMessage(), e);
        }
    }

    private static String describe(Map<String, Object> r) {
        String metric = r.containsKey("test_accuracy") ? String.format(Locale.ROOT, "test accuracy %.4f", r.get("test_accuracy"))
                : r.containsKey("test_mse") ? "test MSE " + Out.num((double) r.get("test_mse"))
                : String.format(Locale.ROOT, "final SSE (median) %s, solved %s of %s, cold %.3f us/epoch",
                        Out.num((double) r.get("final_sse_median")), r.get("solved"), r.get("seeds"), r.get("cold_us_per_epoch"));
        String perEpoch = r.containsKey("warm_us_per_epoch")
                ? String.format(Locale.ROOT, "%.3f us/epoch warm", r.get("warm_us_per_epoch"))
                : String.format(Locale.ROOT, "%.4f s/epoch", r.get("per_epoch_s"));
        return String.format(Locale.ROOT, "%-15s %s, train %.3f s, %s, %s thread(s), peak heap %s MB, %s GEMM, %s",
                r.get("workload"), perEpoch, r.get("train_s"), metric, r.get("threads"), r.get("peak_heap_mb"),
                r.get("gemm"), r.get("jvm"));
    }
}
