package org.neurona.train;

import java.util.List;
import org.neurona.activation.Activation;
import org.neurona.activation.Parametric;
import org.neurona.activation.Stochastic;
import org.neurona.data.Dataset;
import org.neurona.layer.Dense;
import org.neurona.loss.Loss;
import org.neurona.net.FeedForward;
import org.neurona.train.rule.Schedule;
import org.neurona.train.rule.Sgd;

/**
 * The small-net path for online gradient descent: the lecture's five steps per pattern (pick a
 * pattern, propagate, output deltas, hidden deltas, update) in plain loops over the layers'
 * arrays, with the gradient of each weight applied as soon as it is known instead of being
 * accumulated, zeroed and read back. For nets of a few units the generic batch machinery costs
 * more than the arithmetic; this path does the same float operations in the same order (so the
 * results are bit-identical to the generic path with batches of one pattern) without it.
 *
 * <p>Used by {@link Trainer} for online training with {@link Sgd} on layers whose activations
 * are deterministic, parameter-free and elementwise except possibly softmax on the output.
 */
final class SmallNetOnline {
    private final Dense[] layers;
    private final float[][] z, a, d, v, vb;
    private final float[] target;
    private final Loss loss;
    private final boolean fused;
    private final Activation out;
    private final float eta, alpha, lambda2;
    private final boolean nesterov;

    /** Whether this path can train {@code net} with {@code options}. */
    static boolean applies(FeedForward net, TrainOptions options, int rows) {
        if (options.rowsPerUpdate(rows) != 1 || !(options.rule() instanceof Sgd)) return false;
        if (options.flatSpot() != 0 || options.loss().dmax() != 0 || options.clipping() != null
                || !(options.schedule() instanceof Schedule.Constant)) {
            return false;
        }
        int last = net.layers().size() - 1;
        for (int l = 0; l <= last; l++) {
            Activation f = net.layers().get(l).activation();
            if (f instanceof Stochastic || f instanceof Parametric || (!f.elementwise() && l != last)) return false;
        }
        return true;
    }

    SmallNetOnline(FeedForward net, TrainOptions options) {
        List<Dense> ls = net.layers();
        int n = ls.size();
        layers = ls.toArray(Dense[]::new);
        z = new float[n][];
        a = new float[n][];
        d = new float[n][];
        v = new float[n][];
        vb = new float[n][];
        Sgd sgd = (Sgd) options.rule();
        for (int l = 0; l < n; l++) {
            int o = layers[l].outputs();
            z[l] = new float[o];
            a[l] = new float[o];
            d[l] = new float[o];
            v[l] = new float[layers[l].weights().length];
            vb[l] = new float[layers[l].biases().length];
        }
        target = new float[layers[n - 1].outputs()];
        loss = options.loss();
        out = layers[n - 1].activation();
        fused = loss.fuses(out);
        eta = (float) sgd.eta();
        alpha = (float) sgd.alpha();
        nesterov = sgd.nesterov();
        lambda2 = (float) (2 * options.lambda());
    }

    /** One epoch over the patterns in {@code order}; returns the summed per-pattern loss. */
    double epoch(Dataset data, int[] order) {
        int in = data.inputs(), outW = data.outputs(), last = layers.length - 1;
        float[] x = data.x(), b = data.b();
        double sum = 0;
        for (int r : order) {
            int xo = r * in, bo = r * outW;
            // forward: z = W a + b, a = f(z)
            for (int l = 0; l <= last; l++) {
                Dense layer = layers[l];
                float[] w = layer.weights(), bias = layer.biases(), zl = z[l];
                int I = layer.inputs(), O = layer.outputs();
                float[] src = l == 0 ? x : a[l - 1];
                int so = l == 0 ? xo : 0;
                for (int o = 0; o < O; o++) {
                    float s = 0f;
                    int wo = o * I;
                    for (int i = 0; i < I; i++) s += src[so + i] * w[wo + i];
                    zl[o] = s;
                }
                if (layer.hasBias()) for (int o = 0; o < O; o++) zl[o] += bias[o];
                layer.activation().forward(zl, a[l], 1, O);
            }
            // output error
            float[] aL = a[last], dL = d[last];
            System.arraycopy(b, bo, target, 0, outW);
            sum += loss.value(z[last], aL, target, 1, outW, out);
            float k = loss.kind() == Loss.Kind.MSE ? 2f * loss.scale(1) / outW : loss.scale(1);
            for (int o = 0; o < outW; o++) dL[o] = k * (aL[o] - b[bo + o]);
            // backward and update, top layer first
            for (int l = last; l >= 0; l--) {
                Dense layer = layers[l];
                float[] w = layer.weights(), bias = layer.biases(), dl = d[l], vl = v[l], vbl = vb[l];
                int I = layer.inputs(), O = layer.outputs();
                if (!(l == last && fused)) layer.activation().backward(z[l], a[l], dl, dl, 1, O);
                float[] src = l == 0 ? x : a[l - 1];
                int so = l == 0 ? xo : 0;
                if (l > 0) {
                    // hidden deltas from the weights before this update: dIn = dz W
                    float[] dIn = d[l - 1];
                    java.util.Arrays.fill(dIn, 0, I, 0f);
                    for (int o = 0; o < O; o++) {
                        float dz = dl[o];
                        int wo = o * I;
                        for (int i = 0; i < I; i++) dIn[i] += dz * w[wo + i];
                    }
                }
                for (int o = 0; o < O; o++) {
                    float dz = dl[o];
                    int wo = o * I;
                    for (int i = 0; i < I; i++) {
                        float g = 0f + dz * src[so + i];
                        if (lambda2 > 0) g += lambda2 * w[wo + i];
                        w[wo + i] += step(vl, wo + i, g);
                    }
                }
                if (layer.hasBias()) for (int o = 0; o < O; o++) bias[o] += step(vbl, o, 0f + dl[o]);
            }
        }
        return sum;
    }

    /** The weight change for gradient g, updating the velocity: same arithmetic as {@link Sgd}. */
    private float step(float[] vel, int j, float g) {
        if (alpha == 0f) return -(eta * g);
        float dw = alpha * vel[j] - eta * g;
        vel[j] = dw;
        return nesterov ? alpha * dw - eta * g : dw;
    }
}
