package org.neurona.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.neurona.data.Dataset;
import org.neurona.layer.Init;
import org.neurona.loss.Loss;
import org.neurona.math.Parallel;
import org.neurona.math.Rng;
import org.neurona.net.FeedForward;
import org.neurona.net.NetworkSpec;
import org.neurona.train.History;
import org.neurona.train.Mode;
import org.neurona.train.TrainOptions;
import org.neurona.train.Trainer;
import org.neurona.train.rule.Optimizer;
import org.neurona.train.rule.Sgd;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One training step at the sizes of issue 4's workloads, through the same calls the
 * {@link Trainer} makes per mini-batch (forward, loss, output delta, backward writing fresh
 * gradients, optimiser step split over the threads), on random data with a fixed seed; and the XOR 2:3:1 online epoch through
 * {@link Trainer#fit}. Add {@code -prof gc} to see allocation per operation.
 */
@BenchmarkMode(org.openjdk.jmh.annotations.Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
public class TrainStepBench {

    /** A mini-batch step of an MLP: {@code net} is "sizes/activations/loss/batch". */
    @State(Scope.Benchmark)
    public static class Step {
        @Param({"784:256:128:10/relu,relu,softmax/ce/128", "784:64:10/logistic/sse/32"})
        public String net;

        @Param({"1", "2"})
        public int threads;

        FeedForward model;
        FeedForward.Workspace ws;
        Parallel par;
        Loss loss;
        Optimizer optimizer;
        List<org.neurona.layer.Param> params;
        float[] x, b;
        int rows, outW;
        boolean fused;
        Rng rng;

        @Setup(Level.Trial)
        public void setUp() {
            String[] f = net.split("/");
            NetworkSpec spec = NetworkSpec.parse(f[0], f[1]);
            loss = Loss.parse(f[2]);
            rows = Integer.parseInt(f[3]);
            model = FeedForward.create(spec.withInit(f[1].startsWith("relu") ? Init.parse("he") : spec.init()), 1L);
            par = new Parallel(threads);
            ws = model.workspace(rows, par);
            params = model.params();
            optimizer = new Sgd(0.05, 0.9).create(params);
            optimizer.parallel(par);
            int in = model.inputs();
            outW = model.outputs();
            rng = new Rng(7);
            x = new float[rows * in];
            b = new float[rows * outW];
            for (int i = 0; i < x.length; i++) x[i] = (float) rng.nextDouble();
            for (int r = 0; r < rows; r++) b[r * outW + rng.nextInt(outW)] = 1f;
            fused = loss.fuses(model.layers().get(model.layers().size() - 1).activation());
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            par.close();
        }
    }

    @Benchmark
    public double miniBatchStep(Step s) {
        float[] a = s.model.forward(s.ws, s.x, s.rows, s.rng);
        var out = s.model.layers().get(s.model.layers().size() - 1).activation();
        double e = s.loss.value(s.ws.outputNetInput(), a, s.b, s.rows, s.outW, out);
        s.loss.delta(a, s.b, s.ws.outputDelta(), s.rows, s.outW, s.loss.scale(s.rows));
        s.model.backward(s.ws, s.x, s.rows, s.fused, true, 0f, true); // fresh gradients, as Trainer does
        s.optimizer.step();
        return e;
    }

    /** The lecture's XOR: 2:3:1 logistic, SSE, online, eta 0.5, momentum 0.9. */
    @State(Scope.Benchmark)
    public static class Xor {
        static final int EPOCHS = 2000;
        Dataset data;
        NetworkSpec spec;
        Trainer trainer;
        long seed;

        @Setup(Level.Trial)
        public void setUp() {
            data = Dataset.of(new double[][] {{0, 0}, {0, 1}, {1, 0}, {1, 1}}, new double[][] {{0}, {1}, {1}, {0}});
            spec = NetworkSpec.parse("2:3:1", "logistic");
            trainer = new Trainer(TrainOptions.builder().loss(Loss.SSE).eta(0.5).momentum(0.9).mode(Mode.ONLINE)
                    .epochs(EPOCHS).seed(1).build());
        }
    }

    /** Time per epoch (4 patterns) of XOR online training, net creation and fit set-up included once per 2000. */
    @Benchmark
    @OperationsPerInvocation(Xor.EPOCHS)
    public History xorOnlineEpoch(Xor s) {
        return s.trainer.fit(FeedForward.create(s.spec, ++s.seed), s.data);
    }
}
