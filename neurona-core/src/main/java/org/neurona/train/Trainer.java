package org.neurona.train;

import java.util.Arrays;
import java.util.List;
import java.util.function.IntFunction;
import org.neurona.activation.Activation;
import org.neurona.activation.Softmax;
import org.neurona.data.Dataset;
import org.neurona.layer.Dense;
import org.neurona.layer.Param;
import org.neurona.loss.Loss;
import org.neurona.math.Parallel;
import org.neurona.math.Rng;
import org.neurona.net.FeedForward;
import org.neurona.train.rule.FullBatchRule;
import org.neurona.train.rule.GradientClipping;
import org.neurona.train.rule.LossAware;
import org.neurona.train.rule.Objective;
import org.neurona.train.rule.Optimizer;
import org.neurona.train.rule.Schedule;

/**
 * Trains a {@link FeedForward} network by backpropagation. Every epoch visits the patterns (in
 * order, or reshuffled), and for each batch (one pattern online, all in batch mode, k in
 * mini-batch mode) runs the lecture's steps: propagate forward, compute the output deltas,
 * backpropagate the hidden deltas, accumulate dE/dW, update the weights with the learning rule.
 * With L2 regularisation lambda, the gradient of lambda sum w^2 (2 lambda w) is added to every
 * weight's gradient before the update.
 *
 * <p>The training loop does not allocate: buffers are sized once per run. All randomness comes
 * from {@link TrainOptions#seed()}, so a run is reproducible bit for bit at a fixed thread count.
 */
public final class Trainer {
    private final TrainOptions options;

    public Trainer(TrainOptions options) {
        this.options = options;
    }

    /** The options this trainer runs with. */
    public TrainOptions options() {
        return options;
    }

    /** Trains {@code net} on {@code train}; see {@link #fit(FeedForward, Dataset, Dataset, EpochListener...)}. */
    public History fit(FeedForward net, Dataset train, EpochListener... listeners) {
        return fit(net, train, null, listeners);
    }

    /**
     * Trains {@code net} in place on {@code train}, reporting the error on {@code validation}
     * (may be null) after each epoch.
     *
     * @throws IllegalArgumentException when the data does not fit the network, or the network
     *                                  cannot be trained by gradient (a step function), or the
     *                                  loss does not suit the output layer
     * @throws TrainingDivergedException when the error becomes NaN or infinite
     */
    public History fit(FeedForward net, Dataset train, Dataset validation, EpochListener... listeners) {
        return fit(net, epoch -> train, true, validation, listeners);
    }

    /**
     * Trains on a training set that may change from epoch to epoch (a denoising autoencoder
     * corrupts its inputs afresh each epoch): {@code trainingSet.apply(e)} gives the patterns of
     * epoch e (1-based), all of the same size and width. The optimiser's state (momentum) carries
     * over from epoch to epoch as usual.
     */
    public History fit(FeedForward net, IntFunction<Dataset> trainingSet, Dataset validation,
                       EpochListener... listeners) {
        return fit(net, trainingSet, false, validation, listeners);
    }

    /** {@code fixed}: the training set is the same every epoch, {@code trainingSet} need not be asked again. */
    private History fit(FeedForward net, IntFunction<Dataset> trainingSet, boolean fixed, Dataset validation,
                        EpochListener... listeners) {
        Dataset train = trainingSet.apply(1);
        check(net, train, "training");
        if (validation != null) check(net, validation, "validation");
        if (train.rows() == 0) throw new IllegalArgumentException(train.source() + ": no training patterns");
        Loss loss = options.loss();
        Activation out = net.layers().get(net.layers().size() - 1).activation();
        loss.checkOutput(out);
        if (out instanceof Softmax && net.outputs() == 1) {
            throw new IllegalArgumentException("softmax over one output unit always gives 1; for two classes use one"
                    + " logistic output, or two softmax outputs");
        }
        boolean fused = loss.fuses(out);

        int n = train.rows(), in = train.inputs(), outW = train.outputs();
        int batch = options.rowsPerUpdate(n);
        List<Param> params = net.params();
        Optimizer optimizer = options.rule() instanceof FullBatchRule fb
                ? fb.create(params, objective(net, train, loss, out, fused))
                : options.rule().create(params);
        LossAware lossAware = optimizer instanceof LossAware la ? la : null;
        GradientClipping clipping = options.clipping();
        boolean scheduled = !(options.schedule() instanceof Schedule.Constant);
        float flatSpot = (float) options.flatSpot();
        Rng rng = new Rng(options.seed());
        Rng activationRng = rng.split();
        int[] order = new int[n];
        for (int i = 0; i < n; i++) order[i] = i;
        boolean copy = options.shuffle() || batch != n;
        float[] xb = copy ? new float[batch * in] : train.x();
        float[] bb = copy ? new float[batch * outW] : train.b();
        float lambda2 = (float) (2 * options.lambda());

        int maxEpochs = options.epochs();
        Records records = new Records(maxEpochs);
        History.StopReason stop = History.StopReason.MAX_EPOCHS;
        SmallNetOnline small = SmallNetOnline.applies(net, options, n) ? new SmallNetOnline(net, options) : null;
        if (small != null && listeners.length == 0 && validation == null) {
            // a loop of its own, compiled apart from the batch machinery
            return fitSmall(small, fixed ? null : trainingSet, train, order, rng, records);
        }
        // the small-net path is sequential: no worker threads to start and stop
        try (Parallel par = small != null ? Parallel.SERIAL : new Parallel(options.threads())) {
            FeedForward.Workspace ws = small != null ? null : net.workspace(batch, par);
            FeedForward.Workspace evalWs = validation == null ? null : net.workspace(Math.min(batch, 1024), par);
            Gather gather = copy ? new Gather(order, xb, bb, par) : null;
            optimizer.parallel(par); // large updates split over the threads, same floats as serial
            for (int epoch = 1; epoch <= maxEpochs; epoch++) {
                if (epoch > 1 && !fixed) {
                    Dataset next = sameShape(trainingSet.apply(epoch), train, epoch);
                    if (next != train) {
                        train = next;
                        if (!copy) {
                            xb = train.x();
                            bb = train.b();
                        }
                    }
                }
                long t0 = System.nanoTime();
                if (scheduled) optimizer.learningRate(options.schedule().eta(epoch, options.rule().learningRate()));
                if (options.shuffle()) rng.shuffle(order);
                double sum = 0;
                if (small != null) sum = small.epoch(train, order);
                else for (int start = 0; start < n; start += batch) {
                    int rows = Math.min(batch, n - start);
                    if (copy) gather.rows(train, start, rows);
                    float[] a = net.forward(ws, xb, rows, activationRng);
                    double batchError = loss.value(ws.outputNetInput(), a, bb, rows, outW, out);
                    sum += batchError;
                    loss.delta(a, bb, ws.outputDelta(), rows, outW, loss.scale(rows));
                    // fresh gradients: written, not added to, so no zeroing pass (bit-identical to zeroing first)
                    net.backward(ws, xb, rows, fused, true, flatSpot, true);
                    if (lambda2 > 0) addWeightDecay(params, lambda2);
                    if (clipping != null) clipping.apply(params);
                    if (lossAware != null) {
                        lossAware.loss(batchError * loss.scale(rows) + penalty(params, options.lambda()));
                    }
                    optimizer.step();
                }
                double err = loss.reduction() == Loss.Reduction.SUM ? sum : sum / n;
                double secs = (System.nanoTime() - t0) / 1e9;
                if (!Double.isFinite(err)) {
                    throw new TrainingDivergedException(epoch, err, options.rule());
                }
                double verr = validation == null ? Double.NaN : error(net, validation, loss, evalWs);
                records.add(err, verr);
                records.time(1, secs);
                boolean stopRequested = false;
                if (listeners.length > 0) {
                    Epoch e = new Epoch(epoch, maxEpochs, err, verr, secs, params);
                    for (EpochListener l : listeners) l.onEpoch(e);
                    stopRequested = e.stopRequested();
                }
                if (options.targetError() > 0 && err <= options.targetError()) {
                    stop = History.StopReason.TARGET_ERROR;
                    break;
                }
                if (stopRequested) {
                    stop = History.StopReason.LISTENER;
                    break;
                }
            }
        }
        return records.history(stop);
    }

    /** Epochs of the small-net path shorter than this are timed in blocks (see {@link #fitSmall}). */
    private static final long SHORT_EPOCH_NS = 5_000;
    /** Most epochs timed as one block. */
    private static final int BLOCK = 64;

    /**
     * The epochs of the small-net path without listeners or validation data; {@code trainingSet}
     * is null when {@code first} is the training set of every epoch.
     */
    private History fitSmall(SmallNetOnline small, IntFunction<Dataset> trainingSet, Dataset first, int[] order, Rng rng,
                             Records records) {
        Dataset train = first;
        int n = train.rows(), maxEpochs = options.epochs();
        boolean sum = options.loss().reduction() == Loss.Reduction.SUM, shuffle = options.shuffle();
        double target = options.targetError();
        // Reading the clock costs about 30 ns, a twentieth of an XOR epoch; so on a fixed training
        // set epochs shorter than SHORT_EPOCH_NS are timed in blocks of up to BLOCK, each given the
        // block's mean, and the clock is read once a block. A block ends early at the last epoch
        // and at the target error. A training set that may change is timed epoch by epoch, each
        // epoch from the moment its set is ready (making it is not training time).
        long t0 = System.nanoTime();
        int open = 0, block = 1;
        for (int epoch = 1; epoch <= maxEpochs; epoch++) {
            if (trainingSet != null && epoch > 1) {
                train = sameShape(trainingSet.apply(epoch), train, epoch);
                t0 = System.nanoTime();
            }
            if (shuffle) rng.shuffle(order);
            double e = small.epoch(train, order);
            double err = sum ? e : e / n;
            if (!Double.isFinite(err)) throw new TrainingDivergedException(epoch, err, options.rule());
            records.add(err, Double.NaN);
            boolean reached = target > 0 && err <= target;
            if (++open == block || reached || epoch == maxEpochs) {
                long t1 = System.nanoTime();
                records.time(open, (t1 - t0) / 1e9);
                if (trainingSet == null) block = t1 - t0 < SHORT_EPOCH_NS * (long) open ? BLOCK : 1;
                t0 = t1;
                open = 0;
            }
            if (reached) return records.history(History.StopReason.TARGET_ERROR);
        }
        return records.history(History.StopReason.MAX_EPOCHS);
    }

    /** {@code next}, after checking that it has the shape of epoch 1's training set. */
    private static Dataset sameShape(Dataset next, Dataset train, int epoch) {
        if (next != train && (next.rows() != train.rows() || next.inputs() != train.inputs()
                || next.outputs() != train.outputs())) {
            throw new IllegalArgumentException("the training set of epoch " + epoch + " is " + next.rows() + "x"
                    + next.inputs() + "->" + next.outputs() + "; epoch 1 had " + train.rows() + "x" + train.inputs()
                    + "->" + train.outputs());
        }
        return next;
    }

    /**
     * Per-epoch records in primitive arrays, grown by doubling past 65,536 epochs because a run
     * may stop long before a large epoch limit; {@link History} keeps them as arrays, so nothing
     * is boxed. The epoch times are kept as runs of equal values (a block of small-net epochs
     * shares one), and the validation errors only once there is one: a 2,000-epoch run of a
     * small net keeps 16 KB, not 48 (fresh memory is paid for: a 100-net XOR benchmark ran up to a
     * fifth slower in the rounds that touched heap pages for the first time; docs/PERFORMANCE.md).
     */
    private static final class Records {
        private final int max;
        private double[] train, valid, runSeconds;
        private int[] runEnds;
        private int done, runs;

        Records(int max) {
            this.max = max;
            train = new double[Math.min(max, 1 << 16)]; // 0.5 MB at most; a run of up to that many epochs never copies
            runSeconds = new double[Math.min(max, 64)];
            runEnds = new int[runSeconds.length];
        }

        /** Records an epoch's training and validation errors (NaN: none); {@link #time} then times it. */
        void add(double err, double verr) {
            if (done == train.length) train = Arrays.copyOf(train, grown(done));
            if (valid == null && !Double.isNaN(verr)) {
                valid = new double[train.length];
                Arrays.fill(valid, 0, done, Double.NaN);
            }
            if (valid != null) {
                if (valid.length < train.length) valid = Arrays.copyOf(valid, train.length);
                valid[done] = verr;
            }
            train[done++] = err;
        }

        /** Gives each of the last {@code count} epochs (not yet timed) an equal share of {@code secs}. */
        void time(int count, double secs) {
            if (runs == runEnds.length) {
                runEnds = Arrays.copyOf(runEnds, grown(runs));
                runSeconds = Arrays.copyOf(runSeconds, grown(runs));
            }
            runSeconds[runs] = secs / count;
            runEnds[runs++] = done;
        }

        private int grown(int n) {
            return (int) Math.min(max, 2L * n);
        }

        History history(History.StopReason stop) {
            return new History(History.Series.of(train, done),
                    valid == null ? History.Series.constant(Double.NaN, done) : History.Series.of(valid, done),
                    History.Series.runs(runEnds, runSeconds, runs), stop);
        }
    }

    /** lambda sum w^2 over the weights (not biases): the L2 term of the error. */
    private static double penalty(List<Param> params, double lambda) {
        if (lambda == 0) return 0;
        double s = 0;
        for (Param p : params) {
            if (!p.decays()) continue;
            for (float w : p.value()) s += (double) w * w;
        }
        return lambda * s;
    }

    /**
     * The full-batch error and gradient at the current weights, for rules that probe other points
     * ({@link FullBatchRule}, e.g. scaled conjugate gradient): E(w) including the L2 term, and
     * dE/dw in every parameter's gradient. Deterministic (no stochastic draws).
     */
    private Objective objective(FeedForward net, Dataset train, Loss loss, Activation out, boolean fused) {
        int n = train.rows(), width = train.outputs();
        FeedForward.Workspace ows = net.workspace(n, Parallel.SERIAL);
        List<Param> params = net.params();
        float lambda2 = (float) (2 * options.lambda());
        float flatSpot = (float) options.flatSpot();
        return () -> {
            float[] a = net.forward(ows, train.x(), n, null);
            double e = loss.value(ows.outputNetInput(), a, train.b(), n, width, out);
            loss.delta(a, train.b(), ows.outputDelta(), n, width, loss.scale(n));
            net.backward(ows, train.x(), n, fused, false, flatSpot, true);
            if (lambda2 > 0) addWeightDecay(params, lambda2);
            return e * loss.scale(n) + penalty(params, options.lambda());
        };
    }

    /**
     * Copies a batch's patterns, in the shuffled order, into the batch buffers: split among the
     * threads when the batch is large (a Fashion-MNIST batch of 128 is 400 KB, 5 % of an epoch
     * on one thread), on the calling thread otherwise. One per run, so nothing is allocated per
     * batch; the fields are written before {@link Parallel#forEachPart} hands the job over.
     */
    private static final class Gather implements java.util.function.IntConsumer {
        /** Floats of a batch below which the copy stays on the calling thread. */
        private static final int PARALLEL_MIN_FLOATS = 1 << 15;
        private final int[] order;
        private final float[] xb, bb;
        private final Parallel par;
        private Dataset data;
        private int start, rows, parts;

        Gather(int[] order, float[] xb, float[] bb, Parallel par) {
            this.order = order;
            this.xb = xb;
            this.bb = bb;
            this.par = par;
        }

        /** Patterns {@code order[start .. start + rows)} of {@code d} into rows 0.. of the buffers. */
        void rows(Dataset d, int start, int rows) {
            this.data = d;
            this.start = start;
            this.rows = rows;
            parts = (long) rows * d.inputs() < PARALLEL_MIN_FLOATS ? 1 : Math.min(par.threads(), rows);
            if (parts == 1) accept(0);
            else par.forEachPart(parts, this);
        }

        @Override
        public void accept(int p) {
            int in = data.inputs(), out = data.outputs();
            float[] x = data.x(), b = data.b();
            int end = (int) Parallel.partStart(rows, p + 1, parts, 1);
            for (int r = (int) Parallel.partStart(rows, p, parts, 1); r < end; r++) {
                int src = order[start + r];
                System.arraycopy(x, src * in, xb, r * in, in);
                System.arraycopy(b, src * out, bb, r * out, out);
            }
        }
    }

    private static void addWeightDecay(List<Param> params, float lambda2) {
        for (Param p : params) {
            if (!p.decays()) continue;
            float[] w = p.value(), g = p.grad();
            for (int i = 0; i < w.length; i++) g[i] += lambda2 * w[i];
        }
    }

    private void check(FeedForward net, Dataset d, String what) {
        if (d.inputs() != net.inputs()) {
            throw new IllegalArgumentException(d.source() + ": " + what + " data has " + d.inputs()
                    + " input columns but the network has " + net.inputs() + " inputs");
        }
        if (d.outputs() != net.outputs()) {
            throw new IllegalArgumentException(d.source() + ": " + what + " data has " + d.outputs()
                    + " target columns but the network has " + net.outputs() + " outputs");
        }
        for (Dense layer : net.layers()) {
            if (!layer.activation().differentiable()) {
                throw new IllegalArgumentException("activation '" + layer.activation().name()
                        + "' has zero derivative almost everywhere and cannot be trained by gradient descent; use it"
                        + " with the perceptron rule (Perceptron), or choose logistic, tanh or relu");
            }
        }
    }

    /**
     * The error of {@code net} on {@code data} in {@code loss}'s reduction (SSE: the sum over all
     * patterns; MSE, CE: the mean), at inference (no stochastic draws). Allocates its buffers.
     */
    public static double error(FeedForward net, Dataset data, Loss loss) {
        try (Parallel par = new Parallel(1)) {
            return error(net, data, loss, net.workspace(Math.max(1, Math.min(data.rows(), 1024)), par));
        }
    }

    private static double error(FeedForward net, Dataset data, Loss loss, FeedForward.Workspace ws) {
        int n = data.rows(), in = data.inputs(), out = data.outputs(), chunk = ws.maxRows();
        Activation f = net.layers().get(net.layers().size() - 1).activation();
        float[] xb = new float[chunk * in], bb = new float[chunk * out];
        double sum = 0;
        for (int start = 0; start < n; start += chunk) {
            int rows = Math.min(chunk, n - start);
            System.arraycopy(data.x(), start * in, xb, 0, rows * in);
            System.arraycopy(data.b(), start * out, bb, 0, rows * out);
            float[] a = net.forward(ws, xb, rows, null);
            sum += loss.value(ws.outputNetInput(), a, bb, rows, out, f);
        }
        return loss.reduction() == Loss.Reduction.SUM ? sum : sum / Math.max(n, 1);
    }
}
