package org.neurona.cli;

import org.neurona.layer.Init;
import org.neurona.loss.Loss;
import org.neurona.net.NetworkSpec;
import org.neurona.train.Mode;
import org.neurona.train.TrainOptions;
import picocli.CommandLine.Option;

/**
 * The network and how to train it. Values left out keep the library's defaults (the
 * lecture's: logistic units, SSE, full batch, eta 0.1, 500 epochs, uniform(-1, 1) weights,
 * seed 1), which live in {@link TrainOptions.Builder} and nowhere else.
 */
final class TrainingOptions {

    @Option(names = "--layers", paramLabel = "SIZES", required = true,
            description = "Layer sizes, inputs first: 2:3:1, 784:256:128:10.")
    String layers;

    @Option(names = "--activation", paramLabel = "F[,F...]",
            description = "One activation for every layer, or one per layer: logistic (default), logistic:2, tanh,"
                    + " relu, linear, softmax, ... e.g. relu,relu,softmax.")
    String activation;

    @Option(names = "--loss", paramLabel = "LOSS", description = "sse (default, the lecture's), mse or ce (cross-entropy).")
    String loss;

    @Option(names = "--mode", paramLabel = "MODE",
            description = "online (update per pattern), batch (default: per epoch) or minibatch.")
    String mode;

    @Option(names = "--batch-size", paramLabel = "K", description = "Patterns per update in minibatch mode (default 32).")
    Integer batchSize;

    @Option(names = "--eta", paramLabel = "ETA", description = "Learning rate (default 0.1).")
    Double eta;

    @Option(names = "--momentum", paramLabel = "ALPHA", description = "Momentum alpha, the lecture's inercia (default 0).")
    Double momentum;

    @Option(names = "--l2", paramLabel = "LAMBDA", description = "L2 weight decay lambda (default 0).")
    Double l2;

    @Option(names = "--epochs", paramLabel = "N", description = "Maximum epochs (default 500).")
    Integer epochs;

    @Option(names = "--target-error", paramLabel = "E", description = "Stop when the training error reaches E.")
    Double targetError;

    @Option(names = "--seed", paramLabel = "S", description = "Seed for weights, shuffling and splits (default 1).")
    Long seed;

    @Option(names = "--init", paramLabel = "INIT",
            description = "Initial weights: auto (default: the lecture's U(-1, 1) on layers of up to three inputs,"
                    + " U(-r, r) with r = sqrt(3 / I) on wider ones), uniform:R, xavier, he.")
    String init;

    @Option(names = "--shuffle", description = "Reshuffle the patterns every epoch.")
    boolean shuffle;

    @Option(names = "--threads", paramLabel = "T", description = "Threads for the kernels (default 1).")
    Integer threads;

    /** The network's shape. */
    NetworkSpec spec() {
        NetworkSpec.parseSizes(layers);  // its message first: "2::1" is about the sizes, not the activations
        NetworkSpec s = NetworkSpec.parse(layers, activation == null ? "logistic" : activation);
        return init == null ? s : s.withInit(Init.parse(init));
    }

    /** The training settings, library defaults for what was not given. */
    TrainOptions options() {
        TrainOptions.Builder b = TrainOptions.builder();
        if (loss != null) b.loss(Loss.parse(loss));
        if (mode != null) b.mode(Mode.parse(mode));
        if (batchSize != null) {
            if (mode == null) b.mode(Mode.MINIBATCH);
            b.batchSize(batchSize);
        }
        if (eta != null) b.eta(positive("--eta", eta));
        if (momentum != null) b.momentum(momentum);
        if (l2 != null) b.lambda(l2);
        if (epochs != null) b.epochs(epochs);
        if (targetError != null) b.targetError(targetError);
        if (seed != null) b.seed(seed);
        b.shuffle(shuffle);
        if (threads != null) b.threads(threads);
        return b.build();
    }

    private static double positive(String name, double v) {
        if (!(v > 0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException(name + " " + v + ": expected a positive number");
        }
        return v;
    }
}
