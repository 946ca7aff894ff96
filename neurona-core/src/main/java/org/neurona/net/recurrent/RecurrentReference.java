package org.neurona.net.recurrent;

import org.neurona.activation.Activation;
import org.neurona.layer.Param;

/**
 * The loss of a recurrent net over one stretch of time and its BPTT gradient, in double
 * precision and written as plainly as the equations in {@link RecurrentNet}: the reference the
 * gradient checks hold against central finite differences, and against which the float32
 * training path ({@link RecurrentNet#forward}/{@link RecurrentNet#backward}) is compared. Slow
 * and allocating; not for training.
 *
 * <p>The loss of a stretch of k steps starting from context c_1 is
 * <pre>
 *   E = s sum_t sum_o (y_to - b_to)^2 + lambda sum_(weights) w^2
 * </pre>
 * with loss scale s (1/2 for the lecture's SSE, 1/(k O) for the mean squared error) and the L2
 * penalty on weights only (not biases), so dE/dy_t = 2 s (y_t - b_t) and dE/dw += 2 lambda w.
 */
public final class RecurrentReference {
    private final RecurrentSpec spec;
    private final int I, H, O, C;
    private final double mu;
    private final Activation f, g;
    private final double[][] w;        // W_x, W_c, b_h, W_y, b_y, same layout as RecurrentNet.params()
    private final boolean[] decays;

    /** A double-precision copy of {@code net}'s current weights. */
    public RecurrentReference(RecurrentNet net) {
        spec = net.spec();
        I = spec.inputs();
        H = spec.hidden();
        O = spec.outputs();
        C = spec.context();
        mu = spec.mu();
        f = spec.hiddenActivation();
        g = spec.outputActivation();
        w = new double[5][];
        decays = new boolean[5];
        for (int p = 0; p < 5; p++) {
            Param param = net.params().get(p);
            w[p] = new double[param.size()];
            for (int i = 0; i < param.size(); i++) w[p][i] = param.value()[i];
            decays[p] = param.decays();
        }
    }

    /** The weights W_x, W_c, b_h, W_y, b_y; changing them changes what {@link #loss} computes. */
    public double[][] weights() {
        return w;
    }

    /**
     * E for the stretch: inputs x (k, I), targets b (k, O), initial context c1 (C).
     */
    public double loss(double[] x, double[] b, int k, double[] c1, double s, double lambda) {
        Pass p = new Pass(x, k, c1);
        double e = 0;
        for (int t = 0; t < k; t++) {
            for (int o = 0; o < O; o++) {
                double r = p.y[t][o] - b[t * O + o];
                e += s * r * r;
            }
        }
        for (int q = 0; q < 5; q++) {
            if (!decays[q]) continue;
            for (double v : w[q]) e += lambda * v * v;
        }
        return e;
    }

    /**
     * dE/dw for every weight array, in the order of {@link #weights()}, by backpropagation
     * through time from the end of the stretch to its start.
     */
    public double[][] gradient(double[] x, double[] b, int k, double[] c1, double s, double lambda) {
        Pass p = new Pass(x, k, c1);
        double[] dWx = new double[H * I], dWc = new double[H * C], dbh = new double[H];
        double[] dWy = new double[O * H], dby = new double[O];
        double[] gamma = new double[C]; // dE/dc_(t+1)
        boolean elman = spec.kind() == RecurrentSpec.Kind.ELMAN, jordan = spec.kind() == RecurrentSpec.Kind.JORDAN;
        for (int t = k - 1; t >= 0; t--) {
            double[] dA = new double[O];
            for (int o = 0; o < O; o++) {
                double dy = 2 * s * (p.y[t][o] - b[t * O + o]);
                if (jordan) dy += gamma[o];
                dA[o] = dy * g.derivative(p.a[t][o]);
                dby[o] += dA[o];
                for (int j = 0; j < H; j++) dWy[o * H + j] += dA[o] * p.h[t][j];
            }
            double[] dz = new double[H];
            for (int j = 0; j < H; j++) {
                double dh = elman ? gamma[j] : 0;
                for (int o = 0; o < O; o++) dh += w[3][o * H + j] * dA[o];
                dz[j] = dh * f.derivative(p.z[t][j]);
                dbh[j] += dz[j];
                for (int i = 0; i < I; i++) dWx[j * I + i] += dz[j] * x[t * I + i];
                for (int q = 0; q < C; q++) dWc[j * C + q] += dz[j] * p.c[t][q];
            }
            double[] before = new double[C];
            for (int q = 0; q < C; q++) {
                before[q] = jordan ? mu * gamma[q] : 0;
                for (int j = 0; j < H; j++) before[q] += w[1][j * C + q] * dz[j];
            }
            gamma = before;
        }
        double[][] grad = {dWx, dWc, dbh, dWy, dby};
        for (int q = 0; q < 5; q++) {
            if (!decays[q]) continue;
            for (int i = 0; i < grad[q].length; i++) grad[q][i] += 2 * lambda * w[q][i];
        }
        return grad;
    }

    /** The forward pass, every step kept. */
    private final class Pass {
        final double[][] c, z, h, a, y;

        Pass(double[] x, int k, double[] c1) {
            c = new double[k][];
            z = new double[k][H];
            h = new double[k][H];
            a = new double[k][O];
            y = new double[k][O];
            double[] ctx = c1.clone();
            for (int t = 0; t < k; t++) {
                c[t] = ctx;
                for (int j = 0; j < H; j++) {
                    double sum = w[2][j];
                    for (int i = 0; i < I; i++) sum += w[0][j * I + i] * x[t * I + i];
                    for (int q = 0; q < C; q++) sum += w[1][j * C + q] * ctx[q];
                    z[t][j] = sum;
                    h[t][j] = f.value(sum);
                }
                for (int o = 0; o < O; o++) {
                    double sum = w[4][o];
                    for (int j = 0; j < H; j++) sum += w[3][o * H + j] * h[t][j];
                    a[t][o] = sum;
                    y[t][o] = g.value(sum);
                }
                double[] next = new double[C];
                for (int q = 0; q < C; q++) {
                    next[q] = switch (spec.kind()) {
                        case ELMAN -> h[t][q];
                        case JORDAN -> mu * ctx[q] + y[t][q];
                        case NONE -> 0;
                    };
                }
                ctx = next;
            }
        }
    }
}
