package org.neurona.train;

import java.util.ArrayList;
import java.util.List;
import org.neurona.layer.Param;
import org.neurona.net.recurrent.RecurrentNet;
import org.neurona.train.rule.Optimizer;

/**
 * Trains a recurrent net ({@link org.neurona.net.recurrent.Elman}, {@link org.neurona.net.recurrent.Jordan}) on one
 * sequence by backpropagation through time, with teacher forcing: at every step the net gets the
 * observed input x_t and is scored on its output against the target b_t.
 *
 * <p>Each epoch walks the sequence in time order, cut into windows of k steps (the last one may
 * be shorter); per window: forward from the context the previous window left (or zero), loss
 * gradient dE/dy_t = 2 s (y_t - b_t), BPTT inside the window ({@link RecurrentNet#backward}),
 * plus 2 lambda w for L2, optional clipping of the gradient to a global norm, and one step of
 * the learning rule. This is truncated BPTT(k, k) of Williams and Peng (1990, "An efficient
 * gradient-based algorithm for on-line training of recurrent network trajectories"); with
 * window 0 it is full BPTT, one update per epoch. The context is zero at the start of each epoch.
 *
 * <p>The per-step loops do not allocate: the tape and optimiser state are made once per
 * {@link #train} call.
 */
public final class BpttTrainer {

    private final BpttOptions options;

    public BpttTrainer(BpttOptions options) {
        if (options == null) throw new IllegalArgumentException("training options are missing");
        this.options = options;
    }

    public BpttOptions options() {
        return options;
    }

    /** {@link #train(RecurrentNet, float[], float[], int, EpochListener)} without a listener. */
    public History train(RecurrentNet net, float[] x, float[] b, int steps) {
        return train(net, x, b, steps, null);
    }

    /**
     * Trains {@code net} on the sequence; the weights change in place and the context is left
     * where the last epoch ended.
     *
     * @param x        inputs (T, I), not modified
     * @param b        targets (T, O), not modified
     * @param steps    T
     * @param listener called after every epoch (may stop training); null for none
     * @return per epoch, the error of the whole sequence measured during the epoch, in the loss's
     *         reduction with each step one pattern (SSE: 1/2 sum (y - b)^2; MSE: sum (y - b)^2 / (T O))
     * @throws IllegalArgumentException if the sizes disagree, a value is not finite, or the
     *         sequence is shorter than the window
     * @throws TrainingDivergedException if the error becomes NaN or infinite
     */
    public History train(RecurrentNet net, float[] x, float[] b, int steps, EpochListener listener) {
        int I = net.spec().inputs(), O = net.spec().outputs();
        checkSequence(x, steps, I, "input");
        checkSequence(b, steps, O, "target");
        int k = options.window() == 0 ? steps : options.window();
        if (steps < k) {
            throw new IllegalArgumentException("the sequence has " + steps + " steps, shorter than the BPTT window of "
                    + k + " steps; use a smaller window or a longer series");
        }
        List<Param> params = net.params();
        Param[] ps = params.toArray(Param[]::new); // arrays: iterating a List would allocate per window
        Optimizer optimizer = options.rule().create(params);
        RecurrentNet.Tape tape = net.newTape(k);
        float[] dy = tape.dy();
        float[] y = tape.outputs();
        List<Double> errors = new ArrayList<>(), seconds = new ArrayList<>(), none = new ArrayList<>();
        History.StopReason stop = History.StopReason.MAX_EPOCHS;
        for (int epoch = 1; epoch <= options.epochs(); epoch++) {
            long t0 = System.nanoTime();
            net.resetContext();
            double sse = 0;
            for (int from = 0; from < steps; from += k) {
                int len = Math.min(k, steps - from);
                if (!options.carryContext()) net.resetContext();
                net.forward(tape, x, from, len);
                float twoS = (float) (2 * BpttOptions.squaredErrorScale(options.loss(), len, O));
                int base = from * O;
                for (int i = 0; i < len * O; i++) {
                    float r = y[i] - b[base + i];
                    sse += (double) r * r;
                    dy[i] = twoS * r;
                }
                for (Param p : ps) p.zeroGrad();
                net.backward(tape);
                addWeightDecay(ps, options.lambda());
                if (options.clipNorm() > 0) clip(ps, options.clipNorm());
                optimizer.step();
            }
            double error = BpttOptions.squaredErrorScale(options.loss(), steps, O) * sse;
            double secs = (System.nanoTime() - t0) / 1e9;
            if (!Double.isFinite(error)) throw new TrainingDivergedException(epoch, error, options.rule().learningRate());
            errors.add(error);
            seconds.add(secs);
            none.add(Double.NaN);
            if (listener != null) {
                Epoch e = new Epoch(epoch, options.epochs(), error, Double.NaN, secs, params);
                listener.onEpoch(e);
                if (e.stopRequested()) {
                    stop = History.StopReason.LISTENER;
                    break;
                }
            }
        }
        return new History(errors, none, seconds, stop);
    }

    /** dE/dw += 2 lambda w on the weights (params that decay). */
    private static void addWeightDecay(Param[] params, double lambda) {
        if (lambda == 0) return;
        float twoLambda = (float) (2 * lambda);
        for (Param p : params) {
            if (!p.decays()) continue;
            float[] w = p.value(), g = p.grad();
            for (int i = 0; i < w.length; i++) g[i] += twoLambda * w[i];
        }
    }

    /** g *= max / |g| when the global norm |g| over all parameters exceeds max. */
    static void clip(Param[] params, double max) {
        double sq = 0;
        for (Param p : params) {
            for (float v : p.grad()) sq += (double) v * v;
        }
        double norm = Math.sqrt(sq);
        if (norm <= max) return;
        float factor = (float) (max / norm);
        for (Param p : params) {
            float[] g = p.grad();
            for (int i = 0; i < g.length; i++) g[i] *= factor;
        }
    }

    private static void checkSequence(float[] v, int steps, int width, String what) {
        if (steps < 1) throw new IllegalArgumentException("the sequence has " + steps + " steps; expected at least 1");
        if (v.length != (long) steps * width) {
            throw new IllegalArgumentException(what + " sequence has " + v.length + " values; " + steps + " steps of "
                    + width + " need " + (long) steps * width);
        }
        for (int i = 0; i < v.length; i++) {
            if (!Float.isFinite(v[i])) {
                throw new IllegalArgumentException(what + " at step " + (i / width) + ", column " + (i % width) + " is "
                        + v[i] + "; expected a finite number");
            }
        }
    }
}
