package org.neurona.net;

import org.neurona.activation.Activation;
import org.neurona.activation.Parametric;
import org.neurona.activation.Softmax;
import org.neurona.layer.Dense;
import org.neurona.loss.Loss;

/**
 * The lecture's equations in double precision with plain loops, independent of the float
 * kernels: loss E(w) and its gradient by backpropagation, one pattern at a time. Used to check
 * the float implementation, and itself checked against finite differences.
 */
final class ReferenceBackprop {
    final int[] sizes;
    final Activation[] f;
    final double[][] w; // per layer (O, I)
    final double[][] b; // per layer (O)
    final double[] p;   // per layer PReLU slope (NaN if none)

    ReferenceBackprop(FeedForward net) {
        int L = net.layers().size();
        sizes = net.spec().sizes();
        f = new Activation[L];
        w = new double[L][];
        b = new double[L][];
        p = new double[L];
        for (int l = 0; l < L; l++) {
            Dense d = net.layers().get(l);
            f[l] = d.activation();
            w[l] = toDouble(d.weights());
            b[l] = d.hasBias() ? toDouble(d.biases()) : new double[d.outputs()];
            p[l] = d.activationParameter();
        }
    }

    static double[] toDouble(float[] v) {
        double[] d = new double[v.length];
        for (int i = 0; i < v.length; i++) d[i] = v[i];
        return d;
    }

    /** Total loss over the patterns (summed; the caller applies the reduction). */
    double loss(double[][] x, double[][] t, Loss loss) {
        double s = 0;
        for (int r = 0; r < x.length; r++) {
            double[][][] za = forward(x[r]);
            double[] a = za[1][sizes.length - 2];
            double[] z = za[0][sizes.length - 2];
            s += patternLoss(z, a, t[r], loss);
        }
        return s;
    }

    private double patternLoss(double[] z, double[] a, double[] t, Loss loss) {
        double s = 0;
        switch (loss.kind()) {
            case SSE -> { for (int i = 0; i < a.length; i++) s += 0.5 * (t[i] - a[i]) * (t[i] - a[i]); }
            case MSE -> { for (int i = 0; i < a.length; i++) s += (t[i] - a[i]) * (t[i] - a[i]) / a.length; }
            case CE -> {
                if (f[f.length - 1] instanceof Softmax) {
                    double max = Double.NEGATIVE_INFINITY;
                    for (double v : z) max = Math.max(max, v);
                    double sum = 0;
                    for (double v : z) sum += Math.exp(v - max);
                    for (int i = 0; i < a.length; i++) s -= t[i] * (z[i] - max - Math.log(sum));
                } else {
                    for (int i = 0; i < a.length; i++) s -= t[i] * Math.log(a[i]) + (1 - t[i]) * Math.log(1 - a[i]);
                }
            }
        }
        return s;
    }

    /** {z, a} per layer. */
    double[][][] forward(double[] x) {
        int L = f.length;
        double[][] z = new double[L][], a = new double[L][];
        double[] in = x;
        for (int l = 0; l < L; l++) {
            int O = sizes[l + 1], I = sizes[l];
            z[l] = new double[O];
            for (int o = 0; o < O; o++) {
                double s = b[l][o];
                for (int i = 0; i < I; i++) s += w[l][o * I + i] * in[i];
                z[l][o] = s;
            }
            a[l] = apply(l, z[l]);
            in = a[l];
        }
        return new double[][][] {z, a};
    }

    private double[] apply(int l, double[] z) {
        double[] a = new double[z.length];
        if (f[l] instanceof Softmax) {
            double max = Double.NEGATIVE_INFINITY;
            for (double v : z) max = Math.max(max, v);
            double sum = 0;
            for (int i = 0; i < z.length; i++) sum += a[i] = Math.exp(z[i] - max);
            for (int i = 0; i < z.length; i++) a[i] /= sum;
        } else if (f[l] instanceof Parametric) {
            for (int i = 0; i < z.length; i++) a[i] = z[i] > 0 ? z[i] : p[l] * z[i];
        } else {
            for (int i = 0; i < z.length; i++) a[i] = f[l].value(z[i]);
        }
        return a;
    }

    /** Gradients {dW per layer, db per layer}, summed over patterns: delta^L = dE/da (.) f'(z), etc. */
    double[][][] gradient(double[][] x, double[][] t, Loss loss) {
        int L = f.length;
        double[][] dw = new double[L][], db = new double[L][];
        for (int l = 0; l < L; l++) {
            dw[l] = new double[w[l].length];
            db[l] = new double[b[l].length];
        }
        for (int r = 0; r < x.length; r++) {
            double[][][] za = forward(x[r]);
            double[][] z = za[0], a = za[1];
            double[] delta = outputDelta(z[L - 1], a[L - 1], t[r], loss);
            for (int l = L - 1; l >= 0; l--) {
                int O = sizes[l + 1], I = sizes[l];
                double[] in = l == 0 ? x[r] : a[l - 1];
                for (int o = 0; o < O; o++) {
                    db[l][o] += delta[o];
                    for (int i = 0; i < I; i++) dw[l][o * I + i] += delta[o] * in[i];
                }
                if (l > 0) {
                    double[] next = new double[I];
                    for (int i = 0; i < I; i++) {
                        double s = 0;
                        for (int o = 0; o < O; o++) s += w[l][o * I + i] * delta[o];
                        next[i] = s * derivative(l - 1, z[l - 1][i]);
                    }
                    delta = next;
                }
            }
        }
        return new double[][][] {dw, db};
    }

    private double derivative(int l, double z) {
        if (f[l] instanceof Parametric) return z > 0 ? 1 : p[l];
        return f[l].derivative(z);
    }

    private double[] outputDelta(double[] z, double[] a, double[] t, Loss loss) {
        int O = a.length;
        double[] dA = new double[O];
        for (int i = 0; i < O; i++) {
            dA[i] = switch (loss.kind()) {
                case SSE -> a[i] - t[i];
                case MSE -> 2 * (a[i] - t[i]) / O;
                case CE -> a[i] - t[i]; // fused with softmax / logistic: already dE/dz
            };
        }
        if (loss.kind() == Loss.Kind.CE) return dA;
        int L = f.length;
        double[] delta = new double[O];
        if (f[L - 1] instanceof Softmax) {
            double dot = 0;
            for (int i = 0; i < O; i++) dot += dA[i] * a[i];
            for (int i = 0; i < O; i++) delta[i] = a[i] * (dA[i] - dot);
        } else {
            for (int i = 0; i < O; i++) delta[i] = dA[i] * derivative(L - 1, z[i]);
        }
        return delta;
    }
}
