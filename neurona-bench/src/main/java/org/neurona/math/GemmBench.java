package org.neurona.math;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Throughput of each GEMM variant at the shapes neurona trains on, packed kernel against the
 * plain loops, on 1 and 2 threads. GFLOP/s = 2 m n k x (ops/s) / 1e9; bench/run-jmh.sh prints
 * that table from JMH's JSON.
 *
 * <p>Shapes are written {@code variant:m x n x k}. For the 784:256:128:10 net at batch B = 128:
 * forward NT (m = B, n = O, k = I), weight gradient TN (m = O, n = I, k = B), input gradient NN
 * (m = B, n = I, k = O); the lecture's 784:64:10 at batch 32; and the online XOR shape 1x3x2.
 * Lives in package org.neurona.math to reach the package-private plain loops.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
public class GemmBench {
    @Param({
        "nt:128x256x784", "nt:128x128x256", "nt:128x10x128",
        "tn:256x784x128", "tn:128x256x128", "tn:10x128x128",
        "nn:128x784x256", "nn:128x256x128", "nn:128x128x10",
        "nt:32x64x784", "tn:64x784x32", "nt:32x10x64",
        "nt:1x3x2",
    })
    public String shape;

    @Param({"1", "2"})
    public int threads;

    /** {@code fast}: the {@link Gemm} facade; {@code plain}: the unpacked loops on the same rows. */
    @Param({"fast", "plain"})
    public String kernel;

    private GemmKernels.Variant variant;
    private int m, n, k;
    private float[] a, b, c;
    private Parallel par;
    private boolean plain;

    @Setup(Level.Trial)
    public void setUp() {
        String[] vs = shape.split(":");
        variant = GemmKernels.Variant.valueOf(vs[0].toUpperCase());
        String[] d = vs[1].split("x");
        m = Integer.parseInt(d[0]);
        n = Integer.parseInt(d[1]);
        k = Integer.parseInt(d[2]);
        Rng rng = new Rng(42);
        a = fill(rng, m * k);
        b = fill(rng, k * n);
        c = fill(rng, m * n);
        par = threads == 1 ? Parallel.SERIAL : new Parallel(threads);
        plain = kernel.equals("plain");
    }

    private static float[] fill(Rng rng, int len) {
        float[] x = new float[len];
        for (int i = 0; i < len; i++) x[i] = rng.uniformFloat(-1f, 1f);
        return x;
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        par.close();
    }

    /** Multiply-adds times two: the flop count the GFLOP/s figures divide by. */
    public double flops() {
        return 2.0 * m * n * k;
    }

    @Benchmark
    public float[] gemm() {
        if (plain) {
            if (threads == 1) {
                GemmKernels.plainRows(variant, a, b, c, 0, m, m, n, k, true);
            } else {
                par.forEachPart(threads, p -> GemmKernels.plainRows(variant, a, b, c,
                        m * p / threads, m * (p + 1) / threads, m, n, k, true));
            }
            return c;
        }
        // accumulate = true everywhere: the weight gradient's real use, and no zeroing to time.
        switch (variant) {
            case NT -> Gemm.mulNT(a, b, c, m, n, k, true, par);
            case TN -> Gemm.mulTN(a, b, c, m, n, k, true, par);
            default -> Gemm.mulNN(a, b, c, m, n, k, true, par);
        }
        return c;
    }
}
