package org.neurona.train;

import org.neurona.data.Dataset;
import org.neurona.math.Rng;
import org.neurona.net.FeedForward;
import org.neurona.net.NetworkSpec;

/**
 * Training steps of a throwaway net on made-up data, on a thread of its own, while the caller
 * does something that leaves a core idle, such as reading its training set: by the time the real
 * training starts, the JIT has compiled the products and the rest of a step for the net's shapes.
 * Until then Java code runs interpreted, and the Vector API's operations run as objects, so the
 * first epoch of a large net is otherwise several times slower than the next (Fashion-MNIST's
 * 784:256:128:10, docs/PERFORMANCE.md). Nothing of the warm-up reaches the caller's net, data
 * or random numbers: training after a warm-up gives the same floats as without one.
 *
 * <pre>{@code
 * try (WarmUp w = WarmUp.start(spec, options)) {
 *     data = Idx.load(images, labels, 10);
 * }
 * new Trainer(options).fit(FeedForward.create(spec, options.seed()), data);
 * }</pre>
 *
 * <p>The steps are those {@link Trainer} takes for {@code options} (the loss, rule and batch
 * size; batch mode takes batches of {@link #BATCH_ROWS}) on one thread, so that the caller's own
 * work keeps the other core. Nets trained one pattern at a time by the small-net path compile in
 * a few milliseconds of training and get no warm-up. {@link #close} stops it after the step in
 * progress without waiting for that step: an error in the caller's reading is reported at once.
 */
public final class WarmUp implements AutoCloseable {
    /** Rows of the made-up data set in batch mode, where the real one's size is not known yet. */
    public static final int BATCH_ROWS = 256;
    /** Most rows of a made-up mini-batch. */
    private static final int MOST_ROWS = 1024;
    /** A warm-up that is never closed ends after this many steps or seconds, whichever comes first. */
    public static final int MOST_STEPS = 100_000, MOST_SECONDS = 30;

    private final Thread thread;
    private volatile boolean stop;
    private volatile int steps;

    /** No warm-up: nothing to compile that training would not compile as fast. */
    private WarmUp() {
        thread = null;
    }

    private WarmUp(FeedForward net, Dataset data, TrainOptions options) {
        thread = new Thread(() -> run(net, data, options), "neurona-warm-up");
        thread.setDaemon(true);
        thread.start();
    }

    /** Starts warming up the training of nets of {@code spec} with {@code options}. */
    public static WarmUp start(NetworkSpec spec, TrainOptions options) {
        FeedForward net = FeedForward.create(spec, options.seed());
        int rows = switch (options.mode()) {
            case ONLINE -> 1;
            case MINIBATCH -> Math.min(options.batchSize(), MOST_ROWS);
            case BATCH -> BATCH_ROWS;
        };
        TrainOptions steps = options.toBuilder().threads(1).epochs(MOST_STEPS).targetError(0)
                .shuffle(false).build();
        if (SmallNetOnline.applies(net, steps, rows)) return new WarmUp();
        return new WarmUp(net, madeUp(rows, net.inputs(), net.outputs(), options.seed()), steps);
    }

    private void run(FeedForward net, Dataset data, TrainOptions options) {
        long end = System.nanoTime() + MOST_SECONDS * 1_000_000_000L;
        try {
            new Trainer(options).fit(net, data, e -> {
                steps = e.number();
                if (stop || System.nanoTime() - end > 0) e.requestStop();
            });
        } catch (RuntimeException | Error e) {
            // made-up data that diverges, options the real training will reject, a heap too small:
            // the warm-up ends, and the caller's own training reports what concerns it
        }
    }

    /** Training steps taken so far. */
    public int steps() {
        return steps;
    }

    /**
     * Stops the warm-up: no step starts after this. Returns at once; a step in progress ends on
     * the warm-up's thread (a daemon), which touches nothing of the caller's.
     */
    @Override
    public void close() {
        stop = true;
    }

    /** Whether the warm-up's thread has ended (true at once when there was nothing to warm up). */
    public boolean done() {
        return thread == null || !thread.isAlive();
    }

    /** Inputs uniform in [0, 1), one-hot targets (a random 0 or 1 for a single output). */
    private static Dataset madeUp(int rows, int inputs, int outputs, long seed) {
        Rng rng = new Rng(seed ^ 0x5DEECE66DL);
        float[] x = new float[rows * inputs], b = new float[rows * outputs];
        for (int i = 0; i < x.length; i++) x[i] = (float) rng.nextDouble();
        for (int r = 0; r < rows; r++) {
            if (outputs == 1) b[r] = rng.nextInt(2);
            else b[r * outputs + rng.nextInt(outputs)] = 1f;
        }
        return new Dataset(x, b, rows, inputs, outputs);
    }
}
