package org.neurona.train.rule;

import java.util.List;
import java.util.function.IntConsumer;
import org.neurona.layer.Param;
import org.neurona.math.Parallel;

/**
 * Gradient descent with momentum, the lecture's rule:
 * <pre>
 *   Delta w(t+1) = -eta dE/dw + alpha Delta w(t)        w += Delta w(t+1)
 * </pre>
 * ("inercia" alpha = 0 gives plain gradient descent Delta w = -eta dE/dw). This is the classical
 * momentum convention of Rumelhart, Hinton and Williams (1986), which for constant eta is the
 * same as PyTorch's {@code SGD(momentum=alpha)}. With {@code nesterov} the gradient is taken as
 * if the momentum step had already been made (Sutskever et al. 2013, in the form used by PyTorch):
 * w += alpha Delta w(t+1) - eta dE/dw.
 *
 * @param eta      learning rate, positive
 * @param alpha    momentum in [0, 1)
 * @param nesterov Nesterov's accelerated gradient
 */
public record Sgd(double eta, double alpha, boolean nesterov) implements LearningRule {

    public Sgd {
        if (!(eta > 0) || Double.isInfinite(eta)) {
            throw new IllegalArgumentException("learning rate eta must be positive, got " + eta);
        }
        if (!(alpha >= 0 && alpha < 1)) {
            throw new IllegalArgumentException("momentum alpha must be in [0, 1), got " + alpha);
        }
        if (nesterov && alpha == 0) {
            throw new IllegalArgumentException("Nesterov momentum needs alpha > 0");
        }
    }

    /** Plain momentum. */
    public Sgd(double eta, double alpha) {
        this(eta, alpha, false);
    }

    @Override
    public String name() {
        return (nesterov ? "nesterov:" : "sgd:") + eta + ":" + alpha;
    }

    @Override
    public double learningRate() {
        return eta;
    }

    @Override
    public Optimizer create(List<Param> params) {
        return new State(params, eta, alpha, nesterov);
    }

    private static final class State implements Optimizer, IntConsumer {
        /**
         * Parameters (scalars, all arrays together) from which a step is split among the
         * threads; below it a hand-over to a worker (about 1.5 us) costs more than it saves.
         */
        static final int PARALLEL_MIN = 32768;

        private final Param[] params;
        private final float[][] velocity; // Delta w(t), per parameter
        private final float alpha;
        private final boolean nesterov;
        private final long total;
        private float eta;
        private Parallel par = Parallel.SERIAL;
        private int parts = 1;

        State(List<Param> params, double eta, double alpha, boolean nesterov) {
            this.params = params.toArray(Param[]::new);
            this.velocity = new float[this.params.length][];
            long n = 0;
            for (int i = 0; i < this.params.length; i++) {
                velocity[i] = alpha == 0 ? null : new float[this.params[i].size()];
                n += this.params[i].size();
            }
            this.total = n;
            this.eta = (float) eta;
            this.alpha = (float) alpha;
            this.nesterov = nesterov;
        }

        @Override
        public void step() {
            if (parts == 1) {
                update(0, total);
            } else {
                par.forEachPart(parts, this);
            }
        }

        /** Part p of a parallel step: a fixed range of the parameters taken end to end. */
        @Override
        public void accept(int p) {
            update(Parallel.partStart(total, p, parts, 8), Parallel.partStart(total, p + 1, parts, 8));
        }

        /** Updates scalars [lo, hi) of the parameters taken end to end. */
        private void update(long lo, long hi) {
            long start = 0;
            for (int i = 0; i < params.length && start < hi; i++) {
                float[] w = params[i].value(), g = params[i].grad(), v = velocity[i];
                long end = start + w.length;
                if (end > lo) update(w, g, v, (int) (Math.max(lo, start) - start), (int) (Math.min(hi, end) - start));
                start = end;
            }
        }

        private void update(float[] w, float[] g, float[] v, int from, int to) {
            if (v == null) {
                for (int j = from; j < to; j++) w[j] -= eta * g[j];
            } else if (!nesterov) {
                for (int j = from; j < to; j++) {
                    float d = alpha * v[j] - eta * g[j];
                    v[j] = d;
                    w[j] += d;
                }
            } else {
                for (int j = from; j < to; j++) {
                    float d = alpha * v[j] - eta * g[j];
                    v[j] = d;
                    w[j] += alpha * d - eta * g[j];
                }
            }
        }

        @Override
        public void learningRate(double eta) {
            this.eta = (float) eta;
        }

        @Override
        public void parallel(Parallel par) {
            this.par = par;
            this.parts = total < PARALLEL_MIN ? 1 : par.threads();
        }
    }
}
