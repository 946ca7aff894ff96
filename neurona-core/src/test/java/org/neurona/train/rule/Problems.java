package org.neurona.train.rule;

import java.util.List;
import org.neurona.layer.Param;
import org.neurona.math.Rng;

/**
 * Small smooth problems written directly against {@link Param}s, so the learning rules can be
 * tested without a network or trainer. Each is an {@link Objective}: it evaluates E and writes
 * dE/dw into the params' gradients (zeroing them first). Arithmetic is in double with
 * {@link StrictMath}, so epoch counts are the same on every JVM.
 */
final class Problems {

    private Problems() {
    }

    /** An objective that knows its parameters. */
    interface Problem extends Objective {
        List<Param> params();
    }

    /**
     * Trains {@code rule} on {@code problem} one full-batch step per epoch; returns how many steps
     * it took until E &lt;= target (0 if it already was), or -1 if not within maxEpochs.
     */
    static int stepsToReach(LearningRule rule, Problem problem, double target, int maxEpochs) {
        Optimizer optimizer = create(rule, problem);
        for (int epoch = 0; epoch <= maxEpochs; epoch++) {
            double e = problem.lossAndGradient();
            if (e <= target) {
                return epoch;
            }
            if (epoch == maxEpochs) {
                break;
            }
            step(optimizer, e);
        }
        return -1;
    }

    /** Runs {@code epochs} full-batch steps; returns the final error. */
    static double train(LearningRule rule, Problem problem, int epochs) {
        Optimizer optimizer = create(rule, problem);
        for (int epoch = 0; epoch < epochs; epoch++) {
            step(optimizer, problem.lossAndGradient());
        }
        return problem.lossAndGradient();
    }

    /** Sets {@code p}'s gradient to {@code grads} and takes one step. */
    static void stepWith(Optimizer optimizer, Param p, float... grads) {
        System.arraycopy(grads, 0, p.grad(), 0, grads.length);
        optimizer.step();
    }

    static Optimizer create(LearningRule rule, Problem problem) {
        return rule instanceof FullBatchRule fb ? fb.create(problem.params(), problem) : rule.create(problem.params());
    }

    private static void step(Optimizer optimizer, double e) {
        if (optimizer instanceof LossAware aware) {
            aware.loss(e);
        }
        optimizer.step();
    }

    /** E = 1/2 sum_i c_i (w_i - m_i)^2, minimum 0 at w = m. */
    static final class Quadratic implements Problem {
        final Param w;
        final double[] c, m;

        Quadratic(double[] c, double[] m, float[] start) {
            this.c = c;
            this.m = m;
            this.w = Param.of("w", start.clone(), true);
        }

        @Override
        public List<Param> params() {
            return List.of(w);
        }

        @Override
        public double lossAndGradient() {
            double e = 0;
            float[] v = w.value(), g = w.grad();
            for (int i = 0; i < v.length; i++) {
                double d = v[i] - m[i];
                e += 0.5 * c[i] * d * d;
                g[i] = (float) (c[i] * d);
            }
            return e;
        }
    }

    /** Rosenbrock's banana E = (1 - x)^2 + 100 (y - x^2)^2, minimum 0 at (1, 1). */
    static final class Rosenbrock implements Problem {
        final Param w;

        Rosenbrock(float x, float y) {
            w = Param.of("xy", new float[] {x, y}, false);
        }

        @Override
        public List<Param> params() {
            return List.of(w);
        }

        @Override
        public double lossAndGradient() {
            double x = w.value()[0], y = w.value()[1];
            double a = 1 - x, b = y - x * x;
            w.grad()[0] = (float) (-2 * a - 400 * x * b);
            w.grad()[1] = (float) (200 * b);
            return a * a + 100 * b * b;
        }
    }

    /**
     * Logistic regression on a linearly separable set, cross-entropy error plus a small L2 term
     * (so the minimum is finite): E = sum_n [-t log y - (1 - t) log(1 - y)] + lambda/2 |w|^2.
     */
    static final class LogisticRegression implements Problem {
        final Param w = Param.of("w", new float[2], true);
        final Param b = Param.of("b", new float[1], false);
        final double[][] x;
        final double[] t;
        final double lambda;

        LogisticRegression(long seed, int n, double lambda) {
            Rng rng = new Rng(seed);
            x = new double[n][2];
            t = new double[n];
            for (int i = 0; i < n; i++) {
                x[i][0] = rng.uniform(-1, 1);
                x[i][1] = rng.uniform(-1, 1);
                double margin = x[i][0] + 2 * x[i][1] - 0.3;
                if (Math.abs(margin) < 0.2) { // keep the classes apart
                    x[i][1] += margin > 0 ? 0.2 : -0.2;
                }
                t[i] = x[i][0] + 2 * x[i][1] - 0.3 > 0 ? 1 : 0;
            }
            this.lambda = lambda;
        }

        @Override
        public List<Param> params() {
            return List.of(w, b);
        }

        @Override
        public double lossAndGradient() {
            double w0 = w.value()[0], w1 = w.value()[1], bias = b.value()[0];
            double e = 0.5 * lambda * (w0 * w0 + w1 * w1), g0 = lambda * w0, g1 = lambda * w1, gb = 0;
            for (int i = 0; i < t.length; i++) {
                double z = w0 * x[i][0] + w1 * x[i][1] + bias;
                // log(1 + e^z) - t z, written to stay finite for large |z|
                e += Math.max(z, 0) + StrictMath.log1p(StrictMath.exp(-Math.abs(z))) - t[i] * z;
                double d = 1 / (1 + StrictMath.exp(-z)) - t[i];
                g0 += d * x[i][0];
                g1 += d * x[i][1];
                gb += d;
            }
            w.grad()[0] = (float) g0;
            w.grad()[1] = (float) g1;
            b.grad()[0] = (float) gb;
            return e;
        }

        /** The number of training points on the wrong side of the decision line. */
        int errors() {
            int wrong = 0;
            for (int i = 0; i < t.length; i++) {
                double z = w.value()[0] * x[i][0] + w.value()[1] * x[i][1] + b.value()[0];
                if ((z > 0) != (t[i] == 1)) {
                    wrong++;
                }
            }
            return wrong;
        }
    }

    /**
     * A fully connected I:H:O net with logistic units everywhere and the lecture's SSE
     * E = 1/2 sum_n sum_k (t - y)^2 over the whole set; weights W1 (H, I), b1 (H), W2 (O, H), b2 (O),
     * drawn uniformly from [-1, 1] with the given seed.
     */
    static final class Mlp implements Problem {
        final int inputs, hidden, outputs;
        final Param w1, b1, w2, b2;
        final double[][] x, t;

        Mlp(int hidden, double[][] x, double[][] t, long seed) {
            this.inputs = x[0].length;
            this.hidden = hidden;
            this.outputs = t[0].length;
            this.x = x;
            this.t = t;
            Rng rng = new Rng(seed);
            w1 = Param.of("W1", uniform(rng, hidden * inputs), true);
            b1 = Param.of("b1", uniform(rng, hidden), false);
            w2 = Param.of("W2", uniform(rng, outputs * hidden), true);
            b2 = Param.of("b2", uniform(rng, outputs), false);
        }

        static Mlp xor(int hidden, long seed) {
            return new Mlp(hidden, new double[][] {{0, 0}, {0, 1}, {1, 0}, {1, 1}},
                    new double[][] {{0}, {1}, {1}, {0}}, seed);
        }

        private static float[] uniform(Rng rng, int n) {
            float[] v = new float[n];
            for (int i = 0; i < n; i++) {
                v[i] = rng.uniformFloat(-1, 1);
            }
            return v;
        }

        @Override
        public List<Param> params() {
            return List.of(w1, b1, w2, b2);
        }

        /** Output of the net for one pattern. */
        double[] predict(double[] in) {
            double[] a = new double[hidden];
            return forward(in, a);
        }

        private double[] forward(double[] in, double[] a) {
            for (int h = 0; h < hidden; h++) {
                double z = b1.value()[h];
                for (int i = 0; i < inputs; i++) {
                    z += w1.value()[h * inputs + i] * in[i];
                }
                a[h] = logistic(z);
            }
            double[] y = new double[outputs];
            for (int o = 0; o < outputs; o++) {
                double z = b2.value()[o];
                for (int h = 0; h < hidden; h++) {
                    z += w2.value()[o * hidden + h] * a[h];
                }
                y[o] = logistic(z);
            }
            return y;
        }

        @Override
        public double lossAndGradient() {
            double[] gw1 = new double[w1.size()], gb1 = new double[hidden];
            double[] gw2 = new double[w2.size()], gb2 = new double[outputs];
            double e = 0;
            double[] a = new double[hidden], deltaOut = new double[outputs];
            for (int n = 0; n < x.length; n++) {
                double[] y = forward(x[n], a);
                for (int o = 0; o < outputs; o++) {
                    double diff = y[o] - t[n][o];
                    e += 0.5 * diff * diff;
                    deltaOut[o] = diff * y[o] * (1 - y[o]);
                    gb2[o] += deltaOut[o];
                    for (int h = 0; h < hidden; h++) {
                        gw2[o * hidden + h] += deltaOut[o] * a[h];
                    }
                }
                for (int h = 0; h < hidden; h++) {
                    double back = 0;
                    for (int o = 0; o < outputs; o++) {
                        back += w2.value()[o * hidden + h] * deltaOut[o];
                    }
                    double delta = back * a[h] * (1 - a[h]);
                    gb1[h] += delta;
                    for (int i = 0; i < inputs; i++) {
                        gw1[h * inputs + i] += delta * x[n][i];
                    }
                }
            }
            copy(gw1, w1.grad());
            copy(gb1, b1.grad());
            copy(gw2, w2.grad());
            copy(gb2, b2.grad());
            return e;
        }

        private static double logistic(double z) {
            return 1 / (1 + StrictMath.exp(-z));
        }

        private static void copy(double[] from, float[] to) {
            for (int i = 0; i < from.length; i++) {
                to[i] = (float) from[i];
            }
        }
    }
}
