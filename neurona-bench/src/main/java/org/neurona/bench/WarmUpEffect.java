package org.neurona.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.neurona.data.Dataset;
import org.neurona.data.Idx;
import org.neurona.loss.Loss;
import org.neurona.net.FeedForward;
import org.neurona.net.NetworkSpec;
import org.neurona.train.History;
import org.neurona.train.TrainOptions;
import org.neurona.train.Trainer;
import org.neurona.train.WarmUp;

/**
 * What {@link WarmUp} does for fmnist-relu (784:256:128:10, 5 epochs, 2 threads) when it is
 * given more time than reading the training set takes: reads Fashion-MNIST's training set with a
 * warm-up beside it (or none), waits a further number of milliseconds with the warm-up still
 * running, then trains and prints the reading time, the warm-up's steps and every epoch's
 * seconds: {@code java --add-modules jdk.incubator.vector -cp neurona-bench/target/benchmarks.jar
 * org.neurona.bench.WarmUpEffect warm|none [extra-ms] [data-dir]}.
 */
public final class WarmUpEffect {
    private WarmUpEffect() {}

    public static void main(String[] args) throws IOException, InterruptedException {
        boolean warm = args.length > 0 && args[0].equals("warm");
        long extraMs = args.length > 1 ? Long.parseLong(args[1]) : 0;
        Path dir = Path.of(args.length > 2 ? args[2] : "/usr/share/datasets/fashion-mnist");
        NetworkSpec spec = NetworkSpec.parse("784:256:128:10", "relu,relu,softmax");
        TrainOptions o = TrainOptions.builder().loss(Loss.CE).eta(0.05).momentum(0.9).miniBatch(128).epochs(5)
                .shuffle(true).seed(1).threads(2).build();
        long t0 = System.nanoTime();
        Dataset train;
        int steps = 0;
        try (WarmUp w = warm ? WarmUp.start(spec, o) : null) {
            train = Idx.load(dir.resolve("train-images-idx3-ubyte.gz"), dir.resolve("train-labels-idx1-ubyte.gz"), 10);
            Thread.sleep(extraMs);
            if (w != null) steps = w.steps();
        }
        double before = (System.nanoTime() - t0) / 1e9;
        History h = new Trainer(o).fit(FeedForward.create(spec, o.seed()), train);
        List<Double> s = h.epochSeconds();
        StringBuilder epochs = new StringBuilder();
        for (double e : s) epochs.append(epochs.length() == 0 ? "" : " ").append(String.format(Locale.ROOT, "%.3f", e));
        System.out.printf(Locale.ROOT, "%s, extra %d ms: read + wait %.2f s, %d warm-up steps; epochs %s s; error %.6f%n",
                warm ? "warm-up" : "none", extraMs, before, steps, epochs, h.finalTrainError());
    }
}
