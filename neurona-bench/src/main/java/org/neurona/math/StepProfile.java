package org.neurona.math;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.neurona.activation.Activation;
import org.neurona.data.Dataset;
import org.neurona.data.Idx;
import org.neurona.layer.Dense;
import org.neurona.layer.Param;
import org.neurona.loss.Loss;
import org.neurona.net.FeedForward;
import org.neurona.net.NetworkSpec;
import org.neurona.train.rule.Optimizer;
import org.neurona.train.rule.Sgd;

/**
 * Where the time of a fmnist-relu epoch goes (issue 4, workload 1: 784:256:128:10 relu, relu,
 * softmax + cross-entropy, SGD eta 0.05 momentum 0.9, mini-batches of 128 reshuffled each
 * epoch). Runs the trainer's mini-batch loop (the calls {@code Trainer.fit} makes per batch) with
 * a clock around every phase: the gather of the batch, zeroing the gradients, each layer's
 * product, bias and activation forward, the loss and its delta, each layer's activation
 * backward, dW, db and dx products, and the SGD step. The layer's work is done here with the same
 * public calls {@link Dense} makes, so each product can be timed on its own.
 *
 * <pre>
 *   java -cp neurona-bench/target/benchmarks.jar org.neurona.math.StepProfile [threads [epochs [data-dir [mode]]]]
 * </pre>
 * Modes: {@code trainer} (default) makes the calls {@code Trainer.fit} makes (the batch gathered
 * with its rows split among the threads, {@link FeedForward#forward}, loss, delta,
 * {@link FeedForward#backward} writing the gradients fresh, the step with the optimiser given the
 * threads by {@link Optimizer#parallel}) and times whole passes; {@code serial-gather} does the
 * same with the gather on the calling thread, as the trainer did before; {@code split} times each
 * product and elementwise pass of the layers on its own (plain loops as in {@link Dense},
 * gradients zeroed first). Prints milliseconds per epoch (the
 * median over the epochs after the first) for every phase, the GFLOP/s of each product, and the
 * process CPU time per epoch.
 */
public final class StepProfile {
    private StepProfile() {}

    private static final String[] PHASES = {
        "gather", "zeroGrad",
        "L1 fwd nt 128x256x784", "L1 bias+relu", "L2 fwd nt 128x128x256", "L2 bias+relu",
        "L3 fwd nt 128x10x128", "L3 bias+softmax", "loss value", "loss delta",
        "L3 dW tn 10x128x128", "L3 db", "L3 dx nn 128x128x10",
        "L2 relu'", "L2 dW tn 128x256x128", "L2 db", "L2 dx nn 128x256x128",
        "L1 relu'", "L1 dW tn 256x784x128", "L1 db",
        "sgd step", "layer forward (fused)", "layer backward (fused)",
    };
    private static final long[] MULADDS = {
        0, 0, 128L * 256 * 784, 0, 128L * 128 * 256, 0, 128L * 10 * 128, 0, 0, 0,
        10L * 128 * 128, 0, 128L * 128 * 10, 0, 128L * 256 * 128, 0, 128L * 256 * 128, 0, 256L * 784 * 128, 0,
        0, 0, 0,
    };

    public static void main(String[] args) throws Exception {
        int threads = args.length > 0 ? Integer.parseInt(args[0]) : 2;
        int epochs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        Path dir = Path.of(args.length > 2 ? args[2] : "/usr/share/datasets/fashion-mnist");
        String mode = args.length > 3 ? args[3] : "trainer";
        boolean fused = !mode.equals("split"), parallelGather = mode.equals("trainer");
        Dataset train = Idx.load(dir.resolve("train-images-idx3-ubyte.gz"), dir.resolve("train-labels-idx1-ubyte.gz"), 10);
        NetworkSpec spec = NetworkSpec.parse("784:256:128:10", "relu,relu,softmax");
        FeedForward net = FeedForward.create(spec, 1L);
        Loss loss = Loss.CE;
        int batch = 128, n = train.rows(), in = train.inputs(), outW = train.outputs();
        List<Param> params = net.params();
        Optimizer opt = new Sgd(0.05, 0.9).create(params);
        Rng rng = new Rng(1);
        Rng actRng = rng.split();
        int[] order = new int[n];
        for (int i = 0; i < n; i++) order[i] = i;
        float[] xb = new float[batch * in], bb = new float[batch * outW];
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long[][] perEpoch = new long[epochs][PHASES.length];
        double[] wall = new double[epochs], cpu = new double[epochs];
        Dense[] layers = net.layers().toArray(Dense[]::new);
        Activation outF = layers[2].activation();
        try (Parallel par = new Parallel(threads)) {
            opt.parallel(par);
            FeedForward.Workspace ws = net.workspace(batch, par);
            int[] cur = new int[2];
            java.util.function.IntConsumer gatherPart = p -> {
                int rows = cur[1];
                int r0 = (int) Parallel.partStart(rows, p, threads, 1), r1 = (int) Parallel.partStart(rows, p + 1, threads, 1);
                for (int r = r0; r < r1; r++) {
                    int src = order[cur[0] + r];
                    System.arraycopy(train.x(), src * in, xb, r * in, in);
                    System.arraycopy(train.b(), src * outW, bb, r * outW, outW);
                }
            };
            float[][] z = new float[3][], a = new float[3][], d = new float[3][];
            for (int l = 0; l < 3; l++) {
                int w = layers[l].outputs() * batch;
                z[l] = new float[w];
                a[l] = new float[w];
                d[l] = new float[w];
            }
            double sum = 0;
            for (int e = 0; e < epochs; e++) {
                long[] t = perEpoch[e];
                long c0 = os.getProcessCpuTime(), w0 = System.nanoTime();
                rng.shuffle(order);
                for (int start = 0; start < n; start += batch) {
                    int rows = Math.min(batch, n - start);
                    long s = System.nanoTime(), u;
                    if (parallelGather) {
                        cur[0] = start;
                        cur[1] = rows;
                        par.forEachPart(threads, gatherPart);
                    } else {
                        for (int r = 0; r < rows; r++) {
                            int src = order[start + r];
                            System.arraycopy(train.x(), src * in, xb, r * in, in);
                            System.arraycopy(train.b(), src * outW, bb, r * outW, outW);
                        }
                    }
                    u = System.nanoTime(); t[0] += u - s; s = u;
                    if (fused) {
                        float[] out = net.forward(ws, xb, rows, actRng);
                        u = System.nanoTime(); t[21] += u - s; s = u;
                        sum += loss.value(ws.outputNetInput(), out, bb, rows, outW, outF);
                        u = System.nanoTime(); t[8] += u - s; s = u;
                        loss.delta(out, bb, ws.outputDelta(), rows, outW, loss.scale(rows));
                        u = System.nanoTime(); t[9] += u - s; s = u;
                        net.backward(ws, xb, rows, true, true, 0f, true);
                        u = System.nanoTime(); t[22] += u - s; s = u;
                    } else {
                        for (Param p : params) p.zeroGrad();
                        u = System.nanoTime(); t[1] += u - s; s = u;
                        float[] x = xb;
                        for (int l = 0; l < 3; l++) {
                            Dense L = layers[l];
                            int o = L.outputs();
                            Gemm.mulNT(x, L.weights(), z[l], rows, o, L.inputs(), false, par);
                            u = System.nanoTime(); t[2 + 2 * l] += u - s; s = u;
                            float[] bv = L.biases();
                            for (int r = 0; r < rows; r++) for (int j = 0; j < o; j++) z[l][r * o + j] += bv[j];
                            L.activation().forward(z[l], a[l], rows, o);
                            u = System.nanoTime(); t[3 + 2 * l] += u - s; s = u;
                            x = a[l];
                        }
                        sum += loss.value(z[2], a[2], bb, rows, outW, outF);
                        u = System.nanoTime(); t[8] += u - s; s = u;
                        loss.delta(a[2], bb, d[2], rows, outW, loss.scale(rows));
                        u = System.nanoTime(); t[9] += u - s; s = u;
                        int[] base = {17, 13, 10};
                        for (int l = 2; l >= 0; l--) {
                            Dense L = layers[l];
                            int o = L.outputs(), i0 = base[l];
                            float[] xin = l == 0 ? xb : a[l - 1];
                            if (l < 2) {
                                L.activation().backward(z[l], a[l], d[l], d[l], rows, o);
                                u = System.nanoTime(); t[i0] += u - s; s = u;
                            }
                            int k = l < 2 ? i0 + 1 : i0;
                            Gemm.mulTN(d[l], xin, L.params().get(0).grad(), o, L.inputs(), rows, true, par);
                            u = System.nanoTime(); t[k] += u - s; s = u;
                            float[] db = L.params().get(1).grad();
                            for (int r = 0; r < rows; r++) for (int j = 0; j < o; j++) db[j] += d[l][r * o + j];
                            u = System.nanoTime(); t[k + 1] += u - s; s = u;
                            if (l > 0) {
                                Gemm.mulNN(d[l], L.weights(), d[l - 1], rows, L.inputs(), o, false, par);
                                u = System.nanoTime(); t[k + 2] += u - s; s = u;
                            }
                        }
                    }
                    opt.step();
                    u = System.nanoTime(); t[20] += u - s;
                }
                wall[e] = (System.nanoTime() - w0) / 1e9;
                cpu[e] = (os.getProcessCpuTime() - c0) / 1e9;
            }
            System.out.printf(Locale.ROOT, "# threads %d, %d epochs, mode %s, error sum %.6f, load %.2f%n", threads,
                    epochs, mode, sum, os.getSystemLoadAverage());
        }
        int from = epochs > 1 ? 1 : 0;
        System.out.printf(Locale.ROOT, "%-26s %9s %9s%n", "phase", "ms/epoch", "GFLOP/s");
        double total = 0;
        for (int p = 0; p < PHASES.length; p++) {
            long[] v = new long[epochs - from];
            for (int e = from; e < epochs; e++) v[e - from] = perEpoch[e][p];
            java.util.Arrays.sort(v);
            double ms = v[v.length / 2] / 1e6;
            if (ms == 0) continue;
            total += ms;
            double gf = MULADDS[p] == 0 ? Double.NaN : 2.0 * MULADDS[p] * 469 / (ms / 1e3) / 1e9;
            System.out.printf(Locale.ROOT, "%-26s %9.1f %9.1f%n", PHASES[p], ms, gf);
        }
        double[] ws = java.util.Arrays.copyOfRange(wall, from, epochs), cs = java.util.Arrays.copyOfRange(cpu, from, epochs);
        java.util.Arrays.sort(ws);
        java.util.Arrays.sort(cs);
        System.out.printf(Locale.ROOT, "%-26s %9.1f%n", "sum of phases", total);
        System.out.printf(Locale.ROOT, "%-26s %9.1f %9.1f%n", "epoch wall (median)", ws[ws.length / 2] * 1e3,
                60.6e9 / ws[ws.length / 2] / 1e9);
        System.out.printf(Locale.ROOT, "%-26s %9.1f%n", "process cpu (median)", cs[cs.length / 2] * 1e3);
        System.out.println("# " + java.util.Arrays.toString(wall));
        int h = 1;
        for (Param p : params) h = 31 * h + java.util.Arrays.hashCode(p.value());
        System.out.println("# weights hash " + Integer.toHexString(h));
    }
}
