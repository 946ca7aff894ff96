package org.neurona.cli;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.neurona.data.Dataset;
import org.neurona.data.Idx;
import org.neurona.data.TimeSeries;
import org.neurona.loss.Loss;
import org.neurona.math.Gemm;
import org.neurona.net.FeedForward;
import org.neurona.net.NetworkSpec;
import org.neurona.net.recurrent.RecurrentSpec;
import org.neurona.train.BpttForecaster;
import org.neurona.train.History;
import org.neurona.train.Mode;
import org.neurona.train.TrainOptions;
import org.neurona.train.Trainer;

/**
 * The end-to-end workloads of the {@code bench} command (issue 4), each a fixed recipe that the
 * PyTorch scripts in {@code bench/} repeat line for line, so that the two can be timed in the same
 * run on the same machine:
 * <ul>
 *   <li>{@code fmnist-relu}: Fashion-MNIST, 784:256:128:10 relu, relu, softmax, cross-entropy,
 *       SGD eta 0.05 momentum 0.9, mini-batches of 128 reshuffled every epoch, 5 epochs, seed 1;</li>
 *   <li>{@code fmnist-lecture}: the lecture's choices at size, 784:64:10 logistic hidden and
 *       output, SSE (1/2 sum per pattern, mean over the batch), eta 0.05 momentum 0.9,
 *       mini-batches of 32, 3 epochs;</li>
 *   <li>{@code xor}: 2:3:1 logistic, online, eta 0.5 momentum 0.9, 2000 epochs, for seeds
 *       1..100 in one process, timed cold (the first seed in a fresh JVM) and warm (the median
 *       of five more passes over the 100 seeds, after the first pass over all of them; wall and
 *       thread CPU time);</li>
 *   <li>{@code elman-sine}: {@link BpttForecaster}'s recipe on x_t = sin(0.2 t) + 0.5 sin(0.311 t),
 *       t = 0..1999: Elman 1:16:1 tanh/linear, truncated BPTT over 20 steps, eta 0.01 momentum
 *       0.9, 50 epochs, trained on t &lt; 1600 (docs/RECURRENT.md).</li>
 * </ul>
 * Every result carries per-epoch seconds (the median of the epochs after the first, which hold
 * the JIT compilation), the whole training time, the quality metric and the heap's peak use
 * during the workload.
 */
final class Workloads {
    private Workloads() {}

    /** Names in the order the command runs them. */
    static final List<String> NAMES = List.of("fmnist-relu", "fmnist-lecture", "xor", "elman-sine");

    /** Where the Debian package dataset-fashion-mnist installs the four IDX files. */
    static final Path FMNIST_DEFAULT = Path.of("/usr/share/datasets/fashion-mnist");

    private static final String[] FMNIST_FILES = {"train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz",
        "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz"};

    /**
     * How big to make each workload. {@link #FULL} is the issue's; tests shrink it.
     *
     * @param fmnistRows training and test images used (0 = all)
     * @param xorSeeds   seeds of the XOR workload
     * @param xorEpochs  epochs per XOR seed
     * @param elmanEpochs epochs of the Elman workload
     */
    record Size(int fmnistRows, int xorSeeds, int xorEpochs, int elmanEpochs) {
        static final Size FULL = new Size(0, 100, 2000, 50);
    }

    /** The Fashion-MNIST files missing from {@code dir} (empty when all four are there). */
    static List<Path> missingFmnist(Path dir) {
        List<Path> missing = new ArrayList<>();
        for (String f : FMNIST_FILES) if (!Files.isRegularFile(dir.resolve(f))) missing.add(dir.resolve(f));
        return missing;
    }

    /** Training and test sets of Fashion-MNIST, pixels in [0, 1], one-hot targets over 10 classes. */
    static Dataset[] loadFmnist(Path dir, int rows) throws IOException {
        Dataset train = Idx.load(dir.resolve(FMNIST_FILES[0]), dir.resolve(FMNIST_FILES[1]), 10);
        Dataset test = Idx.load(dir.resolve(FMNIST_FILES[2]), dir.resolve(FMNIST_FILES[3]), 10);
        if (rows > 0) {
            train = train.slice(0, Math.min(rows, train.rows()));
            test = test.slice(0, Math.min(rows, test.rows()));
        }
        return new Dataset[] {train, test};
    }

    /** A Fashion-MNIST workload: its name, net and training options. */
    record Fmnist(String name, NetworkSpec spec, TrainOptions options) {}

    /** The Fashion-MNIST workload called {@code name}, on {@code threads} threads. */
    static Fmnist fmnist(String name, int threads) {
        return switch (name) {
            // the workload 1
            case "fmnist-relu" -> new Fmnist(name, NetworkSpec.parse("784:256:128:10", "relu,relu,softmax"),
                    TrainOptions.builder().loss(Loss.CE).eta(0.05).momentum(0.9).miniBatch(128).epochs(5)
                            .shuffle(true).seed(1).threads(threads).build());
            // workload 2, the lecture's choices
            case "fmnist-lecture" -> new Fmnist(name, NetworkSpec.parse("784:64:10", "logistic,logistic"),
                    TrainOptions.builder().loss(Loss.SSE.withReduction(Loss.Reduction.MEAN)).eta(0.05).momentum(0.9)
                            .miniBatch(32).epochs(3).shuffle(true).seed(1).threads(threads).build());
            default -> throw new IllegalArgumentException("not a Fashion-MNIST workload: " + name);
        };
    }

    /** Trains {@code w} on {@code data} (training and test set) and reports it. */
    static Map<String, Object> run(Fmnist w, Dataset[] data) {
        Dataset train = data[0], test = data[1];
        TrainOptions o = w.options();
        resetPeakHeap();
        FeedForward net = FeedForward.create(w.spec(), o.seed());
        long t0 = System.nanoTime();
        History h = new Trainer(o).fit(net, train);
        double trainS = (System.nanoTime() - t0) / 1e9;
        double acc = accuracy(net, test);
        Map<String, Object> r = result(w.name(), medianAfterFirst(h.epochSeconds()), trainS, o.threads());
        r.put("test_accuracy", acc);
        r.put("train_error", h.finalTrainError());
        r.put("epoch_seconds", round(h.epochSeconds()));
        r.put("patterns", train.rows());
        r.put("peak_heap_mb", peakHeapMb());
        return r;
    }

    /** Test accuracy, 1000 rows at a time: the whole test set at once would need 16 MB of activations. */
    private static double accuracy(FeedForward net, Dataset test) {
        int in = test.inputs(), out = test.outputs();
        double correct = 0;
        for (int start = 0; start < test.rows(); start += 1000) {
            int rows = Math.min(1000, test.rows() - start);
            float[] x = Arrays.copyOfRange(test.x(), start * in, (start + rows) * in);
            float[] b = Arrays.copyOfRange(test.b(), start * out, (start + rows) * out);
            correct += Model.accuracy(net.predict(x, rows), b, rows, out) * rows;
        }
        return test.rows() == 0 ? Double.NaN : correct / test.rows();
    }

    /** xor: the four patterns, one update per pattern, {@code size.xorSeeds()} seeds in a row. */
    static Map<String, Object> xor(Size size) {
        resetPeakHeap();
        Dataset xor = Dataset.of(new double[][] {{0, 0}, {0, 1}, {1, 0}, {1, 1}},
                new double[][] {{0}, {1}, {1}, {0}});
        NetworkSpec spec = NetworkSpec.parse("2:3:1", "logistic,logistic");
        int seeds = size.xorSeeds(), epochs = size.xorEpochs();
        // cold: the first seed, before anything of the small-net path is compiled
        long t0 = System.nanoTime();
        double[] sse = new double[seeds];
        sse[0] = xorRun(xor, spec, 1, epochs);
        double coldUs = (System.nanoTime() - t0) / 1e3 / epochs;
        for (int s = 2; s <= seeds; s++) sse[s - 1] = xorRun(xor, spec, s, epochs);
        // warm: the same work five more times, now compiled; the median pass, in wall time and in
        // this thread's CPU time (which other processes on a busy machine do not inflate)
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        double[] passes = new double[5], cpuPasses = new double[5];
        for (int pass = 0; pass < passes.length; pass++) {
            long c1 = cpu.getCurrentThreadCpuTime(), t1 = System.nanoTime();
            for (int s = 1; s <= seeds; s++) sse[s - 1] = xorRun(xor, spec, s, epochs);
            passes[pass] = (System.nanoTime() - t1) / 1e9;
            cpuPasses[pass] = (cpu.getCurrentThreadCpuTime() - c1) / 1e9;
        }
        double warmS = median(passes);
        double warmUs = warmS * 1e6 / ((double) seeds * epochs);
        int solved = 0;
        for (double e : sse) if (e < 0.01) solved++;
        Map<String, Object> r = result("xor", warmUs / 1e6, warmS, 1);
        r.put("warm_us_per_epoch", warmUs);
        r.put("cold_us_per_epoch", coldUs);
        r.put("warm_cpu_us_per_epoch", median(cpuPasses) * 1e6 / ((double) seeds * epochs));
        r.put("warm_pass_s", passes);
        r.put("seeds", seeds);
        r.put("epochs", epochs);
        r.put("final_sse_median", median(sse));
        r.put("solved", solved);
        r.put("peak_heap_mb", peakHeapMb());
        return r;
    }

    private static double xorRun(Dataset xor, NetworkSpec spec, long seed, int epochs) {
        TrainOptions o = TrainOptions.builder().eta(0.5).momentum(0.9).mode(Mode.ONLINE).epochs(epochs).seed(seed)
                .threads(1).build();
        FeedForward net = FeedForward.create(spec, seed);
        return new Trainer(o).fit(net, xor).finalTrainError();
    }

    /** elman-sine: the recurrent workload of docs/RECURRENT.md. */
    static Map<String, Object> elmanSine(Size size) {
        resetPeakHeap();
        double[] x = new double[2000];
        for (int t = 0; t < x.length; t++) x[t] = Math.sin(0.2 * t) + 0.5 * Math.sin(0.311 * t);
        BpttForecaster.Options o = BpttForecaster.Options.builder(RecurrentSpec.Kind.ELMAN)
                .epochs(size.elmanEpochs()).seed(1).build();
        BpttForecaster.Result res = BpttForecaster.fit(TimeSeries.of(x), o);
        List<Double> secs = res.history().epochSeconds();
        Map<String, Object> r = result("elman-sine", medianAfterFirst(secs), res.trainNanos() / 1e9, 1);
        r.put("test_mse", res.testMse());
        r.put("train_mse", res.trainMse());
        r.put("epochs", secs.size());
        r.put("peak_heap_mb", peakHeapMb());
        return r;
    }

    private static Map<String, Object> result(String name, double perEpoch, double trainS, int threads) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("system", "neurona");
        r.put("workload", name);
        r.put("per_epoch_s", perEpoch);
        r.put("train_s", trainS);
        r.put("threads", threads);
        r.put("jvm", System.getProperty("java.vm.name") + " " + Runtime.version());
        // the matrix products' kernel: the JDK's Vector API or the auto-vectorised loops (same floats)
        r.put("gemm", Gemm.vectorized() ? "vector-api" : "auto-vectorised");
        return r;
    }

    /** The median of the epochs after the first (the first holds the JIT's compilation). */
    static double medianAfterFirst(List<Double> seconds) {
        if (seconds.isEmpty()) return Double.NaN;
        List<Double> rest = seconds.size() > 1 ? seconds.subList(1, seconds.size()) : seconds;
        return median(rest.stream().mapToDouble(Double::doubleValue).toArray());
    }

    static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        int n = s.length;
        return n == 0 ? Double.NaN : n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }

    private static List<Double> round(List<Double> v) {
        List<Double> r = new ArrayList<>();
        for (double d : v) r.add(Double.parseDouble(String.format(Locale.ROOT, "%.4f", d)));
        return r;
    }

    /** Starts a new peak for every heap pool. */
    private static void resetPeakHeap() {
        System.gc();
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) p.resetPeakUsage();
        }
    }

    /**
     * The heap's peak use since the last reset, in MB: the sum of each pool's peak, an upper bound
     * of the peak of the whole (the pools peak at different moments).
     */
    private static double peakHeapMb() {
        long sum = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) sum += p.getPeakUsage().getUsed();
        }
        return Math.round(sum / 1e5) / 10.0;
    }
}
