package org.neurona.train;

import java.util.concurrent.TimeUnit;
import org.neurona.data.Dataset;
import org.neurona.net.FeedForward;
import org.neurona.net.NetworkSpec;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One epoch of the small-net online path alone (XOR 2:3:1 logistic, SSE, eta 0.5, momentum 0.9):
 * the four patterns' forward, delta, backward and update, without {@link Trainer#fit}'s set-up and
 * per-epoch records. In package {@code org.neurona.train} to reach the package-private
 * {@link SmallNetOnline}. With {@code -prof gc}, {@code gc.alloc.rate.norm} is the allocation per
 * epoch of the training loop itself (issue 4 asks for zero per pattern). The net is re-created
 * every 2000 epochs, as in the XOR workload, so the weights stay in the range real training sees.
 * {@code shaped=false} times the layer step as loaded, the fallback where no copy per layer shape
 * is made ({@code OnlineLayer}).
 */
@State(Scope.Thread)
@BenchmarkMode(org.openjdk.jmh.annotations.Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class SmallNetOnlineBench {
    private static final int EPOCHS = 2000;
    private final int[] order = {0, 1, 2, 3};
    private Dataset xor;
    private NetworkSpec spec;
    private TrainOptions options;
    private SmallNetOnline small;
    private int epoch;
    private long seed;
    /** Whether each layer's step is the copy compiled for its shape. */
    @Param({"true", "false"})
    public boolean shaped;

    @Setup(Level.Trial)
    public void setUp() {
        xor = Dataset.of(new double[][] {{0, 0}, {0, 1}, {1, 0}, {1, 1}}, new double[][] {{0}, {1}, {1}, {0}});
        spec = NetworkSpec.parse("2:3:1", "logistic,logistic");
        options = TrainOptions.builder().eta(0.5).momentum(0.9).mode(Mode.ONLINE).epochs(EPOCHS).seed(1).build();
        fresh();
    }

    private void fresh() {
        small = new SmallNetOnline(FeedForward.create(spec, ++seed), options, shaped);
        epoch = 0;
    }

    /** One epoch: 4 patterns; the net is replaced (allocating) once every 2000 calls. */
    @Benchmark
    public double xorEpoch() {
        if (++epoch > EPOCHS) fresh();
        return small.epoch(xor, order);
    }
}
