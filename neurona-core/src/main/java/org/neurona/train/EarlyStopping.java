package org.neurona.train;

import java.util.List;
import org.neurona.layer.Param;

/**
 * Early stopping on a validation set: stop when the validation error has not improved by more
 * than {@code minDelta} for {@code patience} epochs in a row, and optionally put back the weights
 * of the best epoch (Prechelt, "Early stopping - but when?", in Neural Networks: Tricks of the
 * Trade, Springer 1998; the same rule as Keras's {@code EarlyStopping}).
 *
 * <p>This record is the configuration; {@link #monitor()} makes the per-run state. The monitor is
 * an {@link EpochListener}, so with the trainer:
 * <pre>
 *   trainer.fit(net, train, validation, new EarlyStopping(10, 0, true).monitor());
 * </pre>
 * or, in a loop of one's own, after each epoch's validation error is known:
 * <pre>
 *   if (monitor.shouldStop(epoch, validationError, params)) break;
 * </pre>
 * An epoch improves when its error is below best - minDelta; a NaN error never improves.
 * With {@code restoreBest}, the monitor snapshots the parameter values at every improvement and
 * copies them back into the params when it answers true.
 *
 * @param patience    epochs without improvement tolerated, at least 1
 * @param minDelta    smallest decrease that counts as an improvement, &gt;= 0
 * @param restoreBest put the best epoch's weights back when stopping
 */
public record EarlyStopping(int patience, double minDelta, boolean restoreBest) {

    public EarlyStopping {
        if (patience < 1) {
            throw new IllegalArgumentException("early stopping: patience must be >= 1 epoch, got " + patience);
        }
        if (!(minDelta >= 0) || Double.isInfinite(minDelta)) {
            throw new IllegalArgumentException("early stopping: minDelta must be finite and >= 0, got " + minDelta);
        }
    }

    /** Fresh state for one training run. */
    public Monitor monitor() {
        return new Monitor(this);
    }

    /** The running state of one training run: best error, its epoch and a copy of its weights. */
    public static final class Monitor implements EpochListener {
        private final EarlyStopping config;
        private double bestError = Double.POSITIVE_INFINITY;
        private int bestEpoch = 0;
        private int sinceBest = 0;
        private float[][] best; // snapshot of the params' values at the best epoch

        Monitor(EarlyStopping config) {
            this.config = config;
        }

        /**
         * Records the validation error of {@code epoch}; returns true when training should stop.
         * When it returns true and restoreBest is set, {@code params} hold the best epoch's
         * values again. {@code params} must be the same list, in the same order, every epoch.
         */
        public boolean shouldStop(int epoch, double validationError, List<Param> params) {
            if (validationError < bestError - config.minDelta()) {
                bestError = validationError;
                bestEpoch = epoch;
                sinceBest = 0;
                if (config.restoreBest()) {
                    snapshot(params);
                }
                return false;
            }
            sinceBest++;
            if (sinceBest < config.patience()) {
                return false;
            }
            if (config.restoreBest() && best != null) {
                restore(params);
            }
            return true;
        }

        /**
         * Per-epoch callback for {@link Trainer}: requests the stop when {@link #shouldStop} says so.
         *
         * @throws IllegalStateException when the epoch has no validation error (no validation set)
         */
        @Override
        public void onEpoch(Epoch epoch) {
            if (Double.isNaN(epoch.validationError()) && bestEpoch == 0) {
                throw new IllegalStateException("early stopping watches the validation error, but epoch " + epoch.number()
                        + " has none: pass a validation set to Trainer.fit(net, train, validation, listeners)");
            }
            if (shouldStop(epoch.number(), epoch.validationError(), epoch.params())) {
                epoch.requestStop();
            }
        }

        /** The lowest validation error seen (infinity before the first finite one). */
        public double bestError() {
            return bestError;
        }

        /** The epoch of the lowest validation error (0 before the first). */
        public int bestEpoch() {
            return bestEpoch;
        }

        private void snapshot(List<Param> params) {
            if (best == null || best.length != params.size()) {
                best = new float[params.size()][];
            }
            for (int i = 0; i < params.size(); i++) {
                float[] v = params.get(i).value();
                if (best[i] == null || best[i].length != v.length) {
                    best[i] = new float[v.length];
                }
                System.arraycopy(v, 0, best[i], 0, v.length);
            }
        }

        private void restore(List<Param> params) {
            if (params.size() != best.length) {
                throw new IllegalArgumentException("early stopping: got " + params.size()
                        + " parameters, the snapshot has " + best.length);
            }
            for (int i = 0; i < best.length; i++) {
                float[] v = params.get(i).value();
                if (v.length != best[i].length) {
                    throw new IllegalArgumentException("early stopping: parameter " + params.get(i).name() + " has "
                            + v.length + " values, the snapshot " + best[i].length);
                }
                System.arraycopy(best[i], 0, v, 0, v.length);
            }
        }
    }
}
