package org.neurona.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;
import java.util.SplittableRandom;
import org.neurona.data.Dataset;
import org.neurona.net.FeedForward;
import org.neurona.net.NetworkSpec;
import org.neurona.train.Mode;
import org.neurona.train.TrainOptions;
import org.neurona.train.Trainer;

/**
 * The floor for the XOR workload on this JVM and CPU: 2:3:1 logistic online backpropagation
 * (SSE, eta 0.5, momentum 0.9, the four patterns in order, 2000 epochs) written out by hand for
 * exactly that shape, every loop unrolled, sharing nothing with the library but the JVM, against
 * neurona's {@link Trainer#fit} on the same workload, both timed in each round (100 nets each;
 * the hand-written nets start from their own uniform(-1, 1) draws). The library's small-net path
 * ({@code SmallNetOnline}) handles any sizes and activations and must match its batch path bit
 * for bit; this class says how far from straight-line code it is. Prints the CPU time per epoch
 * of each, for 10 rounds unless told:
 * {@code java -cp neurona-bench/target/benchmarks.jar org.neurona.bench.XorFloor [rounds]}.
 */
public final class XorFloor {
    private XorFloor() {}

    private static float logistic(float z) {
        double t = z;
        float e = (float) Math.exp(-Math.abs(t));
        return t >= 0 ? 1f / (1f + e) : e / (1f + e);
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        Dataset xor = Dataset.of(new double[][] {{0, 0}, {0, 1}, {1, 0}, {1, 1}}, new double[][] {{0}, {1}, {1}, {0}});
        NetworkSpec spec = NetworkSpec.parse("2:3:1", "logistic,logistic");
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        SplittableRandom rng = new SplittableRandom(1);
        for (int round = 0; round < rounds; round++) {
            long c0 = mx.getCurrentThreadCpuTime();
            double neurona = 0;
            for (int seed = 1; seed <= NETS; seed++) {
                TrainOptions o = TrainOptions.builder().eta(0.5).momentum(0.9).mode(Mode.ONLINE).epochs(EPOCHS)
                        .seed(seed).threads(1).build();
                neurona += new Trainer(o).fit(FeedForward.create(spec, seed), xor).finalTrainError();
            }
            long c1 = mx.getCurrentThreadCpuTime();
            double floor = 0;
            for (int net = 0; net < NETS; net++) floor += train(rng);
            long c2 = mx.getCurrentThreadCpuTime();
            System.out.printf(Locale.ROOT, "round %d: neurona %.3f us, by hand %.3f us per epoch (CPU time); "
                    + "mean final SSE %.2e and %.2e%n", round, (c1 - c0) / 1e3 / (NETS * (double) EPOCHS),
                    (c2 - c1) / 1e3 / (NETS * (double) EPOCHS), neurona / NETS, floor / NETS);
        }
    }

    private static final int NETS = 100, EPOCHS = 2000;

    /** One net trained by hand from uniform(-1, 1) weights; its last epoch's SSE. */
    private static double train(SplittableRandom rng) {
        float[] x = {0, 0, 0, 1, 1, 0, 1, 1}, y = {0, 1, 1, 0};
        float eta = 0.5f, alpha = 0.9f;
        float[] w1 = new float[6], b1 = new float[3], w2 = new float[3], b2 = new float[1];
        float[] v1 = new float[6], vb1 = new float[3], v2 = new float[3], vb2 = new float[1];
        for (int i = 0; i < 6; i++) w1[i] = (float) rng.nextDouble(-1, 1);
        for (int j = 0; j < 3; j++) w2[j] = (float) rng.nextDouble(-1, 1);
        float[] h = new float[3], dh = new float[3];
        double sse = 0;
        for (int epoch = 0; epoch < EPOCHS; epoch++) {
            sse = 0;
            for (int p = 0; p < 4; p++) {
                float x0 = x[2 * p], x1 = x[2 * p + 1];
                for (int j = 0; j < 3; j++) h[j] = logistic(x0 * w1[2 * j] + x1 * w1[2 * j + 1] + b1[j]);
                float o = logistic(h[0] * w2[0] + h[1] * w2[1] + h[2] * w2[2] + b2[0]);
                float d = o - y[p];
                sse += 0.5 * d * d;
                float dz = d * o * (1 - o);
                for (int j = 0; j < 3; j++) {
                    dh[j] = dz * w2[j];
                    float dw = alpha * v2[j] - eta * dz * h[j];
                    v2[j] = dw;
                    w2[j] += dw;
                }
                float db = alpha * vb2[0] - eta * dz;
                vb2[0] = db;
                b2[0] += db;
                for (int j = 0; j < 3; j++) {
                    float dzh = dh[j] * h[j] * (1 - h[j]);
                    float d0 = alpha * v1[2 * j] - eta * dzh * x0;
                    v1[2 * j] = d0;
                    w1[2 * j] += d0;
                    float d1 = alpha * v1[2 * j + 1] - eta * dzh * x1;
                    v1[2 * j + 1] = d1;
                    w1[2 * j + 1] += d1;
                    float dbh = alpha * vb1[j] - eta * dzh;
                    vb1[j] = dbh;
                    b1[j] += dbh;
                }
            }
        }
        return sse;
    }
}
