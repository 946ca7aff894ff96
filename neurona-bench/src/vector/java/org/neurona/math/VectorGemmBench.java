package org.neurona.math;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The Vector API prototype ({@link VectorGemm}) at the shapes of {@link GemmBench}, one thread,
 * checked once against {@link GemmReference} at set-up so a wrong kernel cannot report a speed.
 * Run with NEURONA_BENCH_VECTOR=1 bench/run-jmh.sh VectorGemmBench.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g", "--add-modules=jdk.incubator.vector"})
public class VectorGemmBench {
    @Param({"nt:128x256x784", "nt:128x128x256", "tn:256x784x128", "tn:128x256x128", "tn:10x128x128",
            "nn:128x784x256", "nn:128x256x128", "nt:32x64x784", "tn:64x784x32"})
    public String shape;

    private GemmKernels.Variant variant;
    private int m, n, k;
    private float[] a, b, c;
    private VectorGemm kernel;

    @Setup
    public void setUp() {
        String[] vs = shape.split(":");
        variant = GemmKernels.Variant.valueOf(vs[0].toUpperCase());
        String[] d = vs[1].split("x");
        m = Integer.parseInt(d[0]);
        n = Integer.parseInt(d[1]);
        k = Integer.parseInt(d[2]);
        if (!VectorGemm.supports(n)) throw new IllegalStateException("prototype needs n % 16 == 0, got " + shape);
        Rng rng = new Rng(42);
        a = new float[m * k];
        b = new float[k * n];
        c = new float[m * n];
        for (int i = 0; i < a.length; i++) a[i] = rng.uniformFloat(-1f, 1f);
        for (int i = 0; i < b.length; i++) b[i] = rng.uniformFloat(-1f, 1f);
        kernel = new VectorGemm(n);
        float[] want = new float[m * n];
        kernel.rows(variant, a, b, c, 0, m, m, n, k, false);
        switch (variant) {
            case NT -> GemmReference.mulNT(a, b, want, m, n, k, false);
            case TN -> GemmReference.mulTN(a, b, want, m, n, k, false);
            default -> GemmReference.mulNN(a, b, want, m, n, k, false);
        }
        for (int e = 0; e < want.length; e++) {
            if (Math.abs(want[e] - c[e]) > 1e-3f * (1 + Math.abs(want[e]))) {
                throw new IllegalStateException(shape + ": element " + e + " is " + c[e] + ", reference " + want[e]);
            }
        }
    }

    @Benchmark
    public float[] gemm() {
        kernel.rows(variant, a, b, c, 0, m, m, n, k, true);
        return c;
    }
}
