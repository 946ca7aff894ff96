package org.neurona.train.rule;

import java.util.List;
import org.neurona.layer.Param;

/**
 * Scaled conjugate gradient (Moller 1993): conjugate directions without a line search; the step
 * length comes from a finite-difference estimate of the curvature along the direction, with a
 * Levenberg-Marquardt-like scale lambda that keeps it positive and is adjusted by how well the
 * local quadratic model predicted the error.
 *
 * <p>One {@link Optimizer#step()} is one iteration k of Moller's algorithm on the full-batch
 * error E, with w the weights, r = -E'(w), p the search direction (p = r at the start) and
 * N the number of weights:
 * <pre>
 *   if success: sigma = sigma1 / |p|;  s = (E'(w + sigma p) - E'(w)) / sigma;  delta = p.s
 *   delta += (lambda - lambdabar) |p|^2
 *   if delta &lt;= 0: lambdabar = 2 (lambda - delta / |p|^2);  delta = -delta + lambda |p|^2;  lambda = lambdabar
 *   mu = p.r;  alpha = mu / delta
 *   Delta = 2 delta (E(w) - E(w + alpha p)) / mu^2                (how good the quadratic model was)
 *   if Delta &gt;= 0: w += alpha p;  r' = -E'(w);  lambdabar = 0;  success
 *                  p = r'  every N-th iteration, else  p = r' + beta p  with  beta = (|r'|^2 - r'.r) / mu
 *                  if Delta &gt;= 0.75: lambda = lambda / 4
 *   else:          lambdabar = lambda;  failure (w stays)
 *   if Delta &lt; 0.25: lambda += delta (1 - Delta) / |p|^2
 * </pre>
 * Each step evaluates the objective twice (the gradient at w + sigma p, the error and gradient at
 * w + alpha p; the first step once more at w). It stops moving (converged) when |p| or |r| falls
 * to the tolerance, or when the error changed by less than the tolerance (relative) on three
 * successive successful steps, as SNNS's {@code LEARN_SCG} does. If the weights were changed from
 * outside between steps (early stopping restored them, say) it restarts from the new point.
 *
 * <p>SCG needs the whole training set per step and evaluates the error at points of its own: it
 * is a {@link FullBatchRule} and must be created with {@link #create(List, Objective)}. It has
 * no learning rate. SNNS's version differs in two details kept out of this one: its error is
 * sum (t - o)^2 (twice neurona's SSE, which only rescales sigma1 and lambda1), and on a restart
 * it also resets lambda to lambda1.
 *
 * <p>M. F. Moller, "A scaled conjugate gradient algorithm for fast supervised learning",
 * Neural Networks 6(4), 1993, 525-533.
 *
 * @param sigma1    finite-difference step for the curvature, in (0, 1e-4] (SNNS default 1e-4)
 * @param lambda1   initial scale, in (0, 1e-6] (SNNS default 1e-6)
 * @param tolerance convergence tolerance, positive (SNNS default 1e-8)
 */
public record Scg(double sigma1, double lambda1, double tolerance) implements FullBatchRule {

    public Scg {
        if (!(sigma1 > 0 && sigma1 <= 1e-4)) {
            throw new IllegalArgumentException("SCG sigma1 must be in (0, 1e-4], got " + sigma1);
        }
        if (!(lambda1 > 0 && lambda1 <= 1e-6)) {
            throw new IllegalArgumentException("SCG lambda1 must be in (0, 1e-6], got " + lambda1);
        }
        if (!(tolerance > 0) || Double.isInfinite(tolerance)) {
            throw new IllegalArgumentException("SCG tolerance must be positive and finite, got " + tolerance);
        }
    }

    /** SNNS's defaults: sigma1 = 1e-4, lambda1 = 1e-6, tolerance = 1e-8. */
    public Scg() {
        this(1e-4, 1e-6, 1e-8);
    }

    /** "scg:sigma1:lambda1:0.0:tolerance": SNNS's parameter order, whose third (dmax) is the trainer's. */
    @Override
    public String name() {
        return "scg:" + sigma1 + ":" + lambda1 + ":0.0:" + tolerance;
    }

    /** NaN: SCG has no learning rate. */
    @Override
    public double learningRate() {
        return Double.NaN;
    }

    /** Always throws: SCG must evaluate the error itself; use {@link #create(List, Objective)}. */
    @Override
    public Optimizer create(List<Param> params) {
        throw new IllegalStateException(
                "SCG evaluates the full-batch error itself: create it with create(params, objective)");
    }

    @Override
    public Optimizer create(List<Param> params, Objective objective) {
        if (objective == null) {
            throw new IllegalArgumentException("SCG needs an objective, got null");
        }
        return new State(params, objective, this);
    }

    /** The running state; {@link #converged()} tells whether SCG has stopped moving. */
    public static final class State implements Optimizer {
        private final Param[] params;
        private final Objective objective;
        private final Scg rule;
        private final int n;
        private final float[] w;   // w(k), exactly as in the params
        private final double[] p, r, g, trial;
        private double error, lambda, lambdaBar, delta, normP2;
        private boolean started, success, converged;
        private int k, underTolerance;

        State(List<Param> params, Objective objective, Scg rule) {
            this.params = params.toArray(Param[]::new);
            this.objective = objective;
            this.rule = rule;
            int size = 0;
            for (Param param : this.params) {
                size += param.size();
            }
            n = size;
            w = new float[n];
            p = new double[n];
            r = new double[n];
            g = new double[n];
            trial = new double[n];
        }

        /** True once SCG has reached its tolerance; further steps leave the weights alone. */
        public boolean converged() {
            return converged;
        }

        @Override
        public void step() {
            if (!started || movedOutside()) {
                restart();
            }
            if (converged || n == 0) {
                return;
            }
            if (success) {
                normP2 = dot(p, p);
                if (normP2 <= rule.tolerance() * rule.tolerance()) {
                    converged = true;
                    return;
                }
                double sigma = rule.sigma1() / Math.sqrt(normP2);
                evaluateAt(sigma);
                gradient(trial);
                double s = 0;
                for (int i = 0; i < n; i++) {
                    s += p[i] * (trial[i] + r[i]) / sigma; // E'(w + sigma p) - E'(w), with E'(w) = -r
                }
                delta = s;
            }
            delta += (lambda - lambdaBar) * normP2;
            if (delta <= 0) {
                lambdaBar = 2 * (lambda - delta / normP2);
                delta = -delta + lambda * normP2;
                lambda = lambdaBar;
            }
            double mu = dot(p, r);
            double alpha = mu / delta;
            double newError = evaluateAt(alpha);
            double comparison = 2 * delta * (error - newError) / (mu * mu);
            if (comparison >= 0) {
                boolean small = 2 * Math.abs(error - newError)
                        <= rule.tolerance() * (Math.abs(error) + Math.abs(newError) + 1e-10);
                underTolerance = small ? underTolerance + 1 : 0;
                readWeights();
                gradient(g);
                double normR2 = 0, rDotR = 0;
                for (int i = 0; i < n; i++) {
                    double rNew = -g[i];
                    normR2 += rNew * rNew;
                    rDotR += rNew * r[i];
                    r[i] = rNew;
                }
                double beta = (normR2 - rDotR) / mu;
                boolean restartDirection = k % n == 0;
                for (int i = 0; i < n; i++) {
                    p[i] = restartDirection ? r[i] : r[i] + beta * p[i];
                }
                error = newError;
                lambdaBar = 0;
                success = true;
                if (comparison >= 0.75) {
                    lambda /= 4;
                }
                if (underTolerance > 2 || Math.sqrt(normR2) <= rule.tolerance()) {
                    converged = true;
                }
            } else {
                writeWeights();
                lambdaBar = lambda;
                success = false;
                underTolerance = 0;
            }
            if (comparison < 0.25) {
                lambda = Math.min(lambda + delta * (1 - comparison) / normP2, 1e300);
            }
            k++;
        }

        private void restart() {
            readWeights();
            error = objective.lossAndGradient();
            gradient(g);
            for (int i = 0; i < n; i++) {
                r[i] = -g[i];
                p[i] = r[i];
            }
            lambda = rule.lambda1();
            lambdaBar = 0;
            success = true;
            converged = false;
            underTolerance = 0;
            k = 1;
            started = true;
        }

        /** Sets the params to w + t p and evaluates the objective there. */
        private double evaluateAt(double t) {
            int at = 0;
            for (Param param : params) {
                float[] v = param.value();
                for (int j = 0; j < v.length; j++, at++) {
                    v[j] = (float) (w[at] + t * p[at]);
                }
            }
            return objective.lossAndGradient();
        }

        private void gradient(double[] into) {
            int at = 0;
            for (Param param : params) {
                float[] grad = param.grad();
                for (int j = 0; j < grad.length; j++) {
                    into[at++] = grad[j];
                }
            }
        }

        private void readWeights() {
            int at = 0;
            for (Param param : params) {
                float[] v = param.value();
                System.arraycopy(v, 0, w, at, v.length);
                at += v.length;
            }
        }

        private void writeWeights() {
            int at = 0;
            for (Param param : params) {
                float[] v = param.value();
                System.arraycopy(w, at, v, 0, v.length);
                at += v.length;
            }
        }

        private boolean movedOutside() {
            int at = 0;
            for (Param param : params) {
                float[] v = param.value();
                for (int j = 0; j < v.length; j++) {
                    if (Float.floatToIntBits(v[j]) != Float.floatToIntBits(w[at++])) {
                        return true;
                    }
                }
            }
            return false;
        }

        private static double dot(double[] a, double[] b) {
            double sum = 0;
            for (int i = 0; i < a.length; i++) {
                sum += a[i] * b[i];
            }
            return sum;
        }

        @Override
        public void learningRate(double eta) {
            throw new UnsupportedOperationException(
                    "SCG chooses its own step length and has no learning rate: a learning-rate schedule does not apply");
        }
    }
}
