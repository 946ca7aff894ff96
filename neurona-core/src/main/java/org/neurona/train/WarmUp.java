package org.neurona.train;

import org.neurona.activation.Activation;
import org.neurona.data.Dataset;
import org.neurona.math.Rng;
import org.neurona.net.FeedForward;
import org.neurona.net.NetworkSpec;
import org.neurona.train.rule.LearningRule;

/**
 * Training steps of a throwaway net on made-up data, on a thread of its own, while the caller
 * does something that leaves a core idle, such as reading its training set. Until the JIT has
 * compiled them, Java code runs interpreted and the Vector API's operations run as objects, so
 * the first epoch of a large net is otherwise several times slower than the next (Fashion-MNIST's
 * 784:256:128:10: about 2 s against 0.5, docs/PERFORMANCE.md). If the caller's work takes long
 * enough (for that net, about two seconds; reading Fashion-MNIST takes one, and then saves half
 * of the difference), the real training starts with its products compiled for its shapes.
 *
 * <pre>{@code
 * try (WarmUp w = WarmUp.start(spec, options)) {
 *     data = Idx.load(images, labels, 10);
 * }
 * new Trainer(options).fit(FeedForward.create(spec, options.seed()), data);
 * }</pre>
 *
 * <p>The steps are those {@link Trainer} takes for {@code options} (the loss, rule and batch
 * size; batch mode takes batches of 256 rows, the real set's size not being known yet), on one thread, so that the caller's own work keeps the other core. Nothing of the
 * warm-up reaches the caller's net, data or random numbers: training after or beside a warm-up
 * gives the same floats as without one. There is no warm-up (the returned instance does nothing)
 * where it would not pay or might not be safe: online training by plain gradient descent (the
 * small-net path, which compiles in milliseconds), a machine with one processor, a net whose
 * throwaway copy and made-up data would take more than a sixteenth of the heap (or 256 MB), or an activation, learning rule, schedule or clipping that is not the library's own
 * (the warm-up calls them from its own thread, and a user's class need not be thread-safe).
 *
 * <p>{@link #close} stops the warm-up after the step in progress without waiting for that step:
 * an error in the caller's reading is reported at once. A warm-up that is never closed ends by
 * itself after 100,000 steps or 30 seconds.
 */
public final class WarmUp implements AutoCloseable {
    /** Rows of the made-up data set in batch mode. */
    static final int BATCH_ROWS = 256;
    /** Most rows of a made-up mini-batch. */
    static final int MOST_ROWS = 1024;
    /** Steps after which a warm-up that is never closed ends. */
    static final int MOST_STEPS = 100_000;
    /** Seconds after which a warm-up that is never closed ends. */
    static final int MOST_SECONDS = 30;

    private final Thread thread;
    private volatile boolean stop;
    private volatile int steps;

    /** No warm-up. */
    private WarmUp() {
        thread = null;
    }

    private WarmUp(NetworkSpec spec, TrainOptions options, int rows) {
        thread = new Thread(() -> run(spec, options, rows), "neurona-warm-up");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Starts warming up the training of nets of {@code spec} with {@code options}, or returns
     * an instance that does nothing (see above); never throws. Close it when the caller's work
     * is done (try-with-resources).
     */
    public static WarmUp start(NetworkSpec spec, TrainOptions options) {
        try {
            int rows = switch (options.mode()) {
                case ONLINE -> 1;
                case MINIBATCH -> Math.min(options.batchSize(), MOST_ROWS);
                case BATCH -> BATCH_ROWS;
            };
            TrainOptions steps = options.toBuilder().threads(1).epochs(MOST_STEPS).targetError(0).shuffle(false)
                    .build();
            boolean worth = Runtime.getRuntime().availableProcessors() > 1
                    && !SmallNetOnline.applies(spec.activations(), steps, rows)
                    && bytes(spec.sizes(), rows) <= mostBytes() && library(spec, options);
            return worth ? new WarmUp(spec, steps, rows) : new WarmUp();
        } catch (RuntimeException | OutOfMemoryError e) {
            return new WarmUp(); // a thread that cannot be started, options the real training will reject
        }
    }

    /** The most memory a warm-up takes: a sixteenth of the heap, at most 256 MB. */
    static long mostBytes() {
        return Math.min(Runtime.getRuntime().maxMemory() / 16, 256L << 20);
    }

    /**
     * About what a warm-up of a net of {@code sizes} on {@code rows} rows allocates: weights,
     * gradients and two more copies for the rule's state, and per row the inputs, targets and
     * four floats a unit for the workspace.
     */
    static long bytes(int[] sizes, int rows) {
        long params = 0, units = 0;
        for (int l = 0; l + 1 < sizes.length; l++) {
            params += (long) sizes[l] * sizes[l + 1] + sizes[l + 1];
            units += sizes[l + 1];
        }
        long perRow = sizes[0] + sizes[sizes.length - 1] + 4 * units;
        return 4 * (4 * params + rows * perRow);
    }

    /**
     * Whether the activations and the learning rule, all that the warm-up calls from its thread
     * that a user can write (losses, schedules, clipping and initialisations are the library's
     * records), are the library's own classes.
     */
    private static boolean library(NetworkSpec spec, TrainOptions options) {
        for (Activation f : spec.activations()) if (!ours(f, Activation.class)) return false;
        return ours(options.rule(), LearningRule.class);
    }

    /** Whether {@code o}'s class is the library's, in the package of {@code kind}. */
    private static boolean ours(Object o, Class<?> kind) {
        Class<?> c = o.getClass();
        return c.getClassLoader() == kind.getClassLoader() && c.getPackageName().equals(kind.getPackageName());
    }

    private void run(NetworkSpec spec, TrainOptions options, int rows) {
        long end = System.nanoTime() + MOST_SECONDS * 1_000_000_000L;
        try {
            FeedForward net = FeedForward.create(spec, options.seed());
            Dataset data = madeUp(rows, net.inputs(), net.outputs(), options.seed());
            new Trainer(options).fit(net, data, e -> {
                steps = e.number();
                if (stop || System.nanoTime() - end > 0) e.requestStop();
            });
        } catch (RuntimeException | Error e) {
            // made-up data that diverges, options the real training will reject, no memory left for
            // a throwaway net: the warm-up ends, and the caller's own training reports what concerns it
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
