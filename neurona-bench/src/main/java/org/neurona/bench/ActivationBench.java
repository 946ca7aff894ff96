package org.neurona.bench;

import java.util.concurrent.TimeUnit;
import org.neurona.activation.Activation;
import org.neurona.activation.Activations;
import org.neurona.math.Rng;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The activation kernels over one hidden layer of workload 1 (128 patterns x 256 units): the
 * array forward a = f(z) and backward dz = da f'(z), per function of the lecture's table (softmax
 * over rows of 256). Net inputs are N(0, 2), the spread a hidden layer of a trained net sees.
 * Reports nanoseconds per call; divide by 32,768 for the cost per unit.
 * {@code bench/run-jmh.sh ActivationBench} or {@code ... ActivationBench -p name=logistic,relu}.
 */
@State(Scope.Thread)
@BenchmarkMode(org.openjdk.jmh.annotations.Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ActivationBench {
    private static final int ROWS = 128, WIDTH = 256;

    @Param({"linear", "sign", "step", "logistic", "tanh", "softsign", "softplus", "softexp", "sinusoid", "sinc", "selu", "relu",
        "leakyrelu", "rrelu", "prelu", "softmax"})
    public String name;

    private Activation f;
    private final float[] z = new float[ROWS * WIDTH], a = new float[ROWS * WIDTH];
    private final float[] da = new float[ROWS * WIDTH], dz = new float[ROWS * WIDTH];

    @Setup
    public void setUp() {
        f = Activations.parse(name);
        Rng rng = new Rng(1);
        for (int i = 0; i < z.length; i++) {
            z[i] = (float) (2 * rng.nextGaussian());
            da[i] = rng.uniformFloat(-1, 1);
        }
        f.forward(z, a, ROWS, WIDTH);
    }

    @Benchmark
    public float[] forward() {
        f.forward(z, a, ROWS, WIDTH);
        return a;
    }

    @Benchmark
    public float[] backward() {
        f.backward(z, a, da, dz, ROWS, WIDTH);
        return dz;
    }
}
