package org.neurona.examples;

import org.neurona.data.Dataset;
import org.neurona.loss.Loss;
import org.neurona.net.FeedForward;
import org.neurona.net.NetworkSpec;
import org.neurona.train.History;
import org.neurona.train.Mode;
import org.neurona.train.TrainOptions;
import org.neurona.train.Trainer;

/**
 * XOR needs a hidden layer: a 2:3:1 logistic net trained online (the lecture's five steps per
 * pattern) with eta = 0.5 and momentum alpha = 0.9 for 2000 epochs. Counts, over 100 seeds, how
 * often the final SSE is below 0.05, and compares the error curves with and without momentum.
 */
public final class XorExample {
    private XorExample() {}

    /** The XOR truth table. */
    public static final Dataset XOR = Dataset.of(new double[][] {{0, 0}, {0, 1}, {1, 0}, {1, 1}},
            new double[][] {{0}, {1}, {1}, {0}});

    /** Trains one 2:3:1 net with the given momentum and seed; returns its history. */
    public static History train(FeedForward net, double momentum, long seed) {
        TrainOptions o = TrainOptions.builder().mode(Mode.ONLINE).eta(0.5).momentum(momentum).epochs(2000).seed(seed)
                .build();
        return new Trainer(o).fit(net, XOR);
    }

    /** Number of seeds 1..seeds whose trained net reaches SSE below 0.05. */
    public static int converged(int seeds, double momentum) {
        int ok = 0;
        for (long s = 1; s <= seeds; s++) {
            FeedForward net = FeedForward.create(NetworkSpec.parse("2:3:1", "logistic"), s);
            train(net, momentum, s);
            if (Trainer.error(net, XOR, Loss.SSE) < 0.05) ok++;
        }
        return ok;
    }

    /**
     * Mean number of epochs, over seeds 1..seeds, until the epoch's SSE first falls to 0.05
     * (2000 when it never does): momentum's effect on speed.
     */
    public static double meanEpochsToTarget(int seeds, double momentum) {
        double sum = 0;
        for (long s = 1; s <= seeds; s++) {
            FeedForward net = FeedForward.create(NetworkSpec.parse("2:3:1", "logistic"), s);
            TrainOptions o = TrainOptions.builder().mode(Mode.ONLINE).eta(0.5).momentum(momentum).epochs(2000)
                    .targetError(0.05).seed(s).build();
            sum += new Trainer(o).fit(net, XOR).epochs();
        }
        return sum / seeds;
    }

    public static void main(String[] args) {
        FeedForward net = FeedForward.create(NetworkSpec.parse("2:3:1", "logistic"), 1);
        History h = train(net, 0.9, 1);
        System.out.printf("seed 1: SSE after %d epochs = %.5f%n", h.epochs(), Trainer.error(net, XOR, Loss.SSE));
        for (float[] x : new float[][] {{0, 0}, {0, 1}, {1, 0}, {1, 1}}) {
            System.out.printf("  %s xor %s -> %.3f%n", (int) x[0], (int) x[1], net.predict(x)[0]);
        }
        System.out.println("momentum 0.9: " + converged(100, 0.9) + " of 100 seeds reach SSE < 0.05");
        System.out.println("momentum 0.0: " + converged(100, 0.0) + " of 100 seeds reach SSE < 0.05");
        System.out.printf("epochs to SSE 0.05, mean of 100 seeds: %.0f with momentum 0.9, %.0f without%n",
                meanEpochsToTarget(100, 0.9), meanEpochsToTarget(100, 0.0));
    }
}
