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
    /** Per layer, hoisted out of the layers: weights (O, I), biases (O) or null, sizes, activations. */
    private final float[][] w, bias;
    private final int[] inputs, outputs;
    private final Activation[] f;
    private final float[][] z, a, d, v, vb;
    /** Output delta = deltaScale (a - b): the loss's scale, 2/O more for MSE. */
    private final float deltaScale;
    private final float[] target;
    private final Loss loss;
    private final boolean fused;
    private final Activation out;
    private final float eta, alpha, lambda2;
    private final boolean nesterov;
    /** Per layer: whether its activation is applied unit by unit (all but a softmax output). */
    private final boolean[] perUnit;
    /** Whether the loss is SSE or MSE, computed here; CE is left to the loss. */
    private final boolean squared, mse;

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
        w = new float[n][];
        bias = new float[n][];
        inputs = new int[n];
        outputs = new int[n];
        f = new Activation[n];
        perUnit = new boolean[n];
        Sgd sgd = (Sgd) options.rule();
        for (int l = 0; l < n; l++) {
            int o = layers[l].outputs();
            z[l] = new float[o];
            a[l] = new float[o];
            d[l] = new float[o];
            v[l] = new float[layers[l].weights().length];
            vb[l] = new float[layers[l].biases().length];
            w[l] = layers[l].weights();
            bias[l] = layers[l].hasBias() ? layers[l].biases() : null;
            inputs[l] = layers[l].inputs();
            outputs[l] = o;
            f[l] = layers[l].activation();
            perUnit[l] = f[l].elementwise();
        }
        target = new float[layers[n - 1].outputs()];
        loss = options.loss();
        out = layers[n - 1].activation();
        fused = loss.fuses(out);
        eta = (float) sgd.eta();
        alpha = (float) sgd.alpha();
        nesterov = sgd.nesterov();
        lambda2 = (float) (2 * options.lambda());
        squared = loss.kind() != Loss.Kind.CE;
        mse = loss.kind() == Loss.Kind.MSE;
        deltaScale = loss.kind() == Loss.Kind.MSE ? 2f * loss.scale(1) / target.length : loss.scale(1);
    }

    /** One epoch over the patterns in {@code order}; returns the summed per-pattern loss. */
    double epoch(Dataset data, int[] order) {
        int in = data.inputs(), outW = data.outputs(), last = layers.length - 1;
        float[] x = data.x(), b = data.b();
        double sum = 0;
        for (int r : order) {
            int xo = r * in, bo = r * outW;
            for (int l = 0; l <= last; l++) forward(l, l == 0 ? x : a[l - 1], l == 0 ? xo : 0);
            sum += outputError(b, bo);
            for (int l = last; l >= 0; l--) backward(l, l == 0 ? x : a[l - 1], l == 0 ? xo : 0);
        }
        return sum;
    }

    /**
     * z = W a + b and a = f(z) for layer l, its input at {@code src[so..]}. One loop over the
     * (O, I) weights rather than O loops of I: for fan-ins of two or three the loop set-up costs
     * more than the products. The activation is applied per unit as its sum completes.
     */
    private void forward(int l, float[] src, int so) {
        float[] wl = w[l], bl = bias[l], zl = z[l], al = a[l];
        Activation fl = f[l];
        boolean unit = perUnit[l];
        int I = inputs[l], n = I * outputs[l];
        float s = 0f;
        for (int j = 0, i = 0, o = 0; j < n; j++) {
            s += src[so + i] * wl[j];
            if (++i == I) {
                float zo = bl == null ? s : s + bl[o];
                zl[o] = zo;
                if (unit) al[o] = fl.forward(zo);
                o++;
                i = 0;
                s = 0f;
            }
        }
        if (!unit) fl.forward(zl, al, 1, outputs[l]);
    }

    /** The output layer's delta (dE/da, or dE/dz when the loss fuses the activation) and the pattern's loss. */
    private double outputError(float[] b, int bo) {
        int last = layers.length - 1, outW = target.length;
        float[] aL = a[last], dL = d[last];
        if (squared) {
            // the loss's own arithmetic: 1/2 sum (b - a)^2 (SSE) or sum (b - a)^2 / O (MSE), in double
            double sq = 0;
            for (int o = 0; o < outW; o++) {
                float diff = b[bo + o] - aL[o];
                sq += (double) diff * diff;
                dL[o] = deltaScale * (aL[o] - b[bo + o]);
            }
            return mse ? sq / outW : 0.5 * sq;
        }
        System.arraycopy(b, bo, target, 0, outW);
        for (int o = 0; o < outW; o++) dL[o] = deltaScale * (aL[o] - target[o]);
        return loss.value(z[last], aL, target, 1, outW, out);
    }

    /**
     * Layer l's backward step and update, one loop over its weights: dz = f'(z) d per unit as its
     * row starts, then for each weight the hidden delta dIn = dz W with the weight before its
     * update (what computing all deltas first would use), the gradient dz a_in (+ 2 lambda w),
     * and the update; each bias as its row ends.
     */
    private void backward(int l, float[] src, int so) {
        float[] wl = w[l], bl = bias[l], dl = d[l], vl = v[l], vbl = vb[l], zl = z[l], al = a[l];
        float[] dIn = l > 0 ? d[l - 1] : null;
        Activation fl = f[l];
        boolean derive = !(l == layers.length - 1 && fused);
        if (derive && !perUnit[l]) { // softmax without a fusing loss: its Jacobian needs the whole row
            fl.backward(zl, al, dl, dl, 1, outputs[l]);
            derive = false;
        }
        int I = inputs[l], O = outputs[l], n = I * O;
        float lambda2 = this.lambda2;
        float dz = derive ? fl.backward(zl[0], al[0], dl[0]) : dl[0];
        for (int j = 0, i = 0, o = 0; j < n; j++) {
            float wv = wl[j];
            if (dIn != null) dIn[i] = (o == 0 ? 0f : dIn[i]) + dz * wv;
            float g = 0f + dz * src[so + i];
            if (lambda2 > 0) g += lambda2 * wv;
            wl[j] = wv + step(vl, j, g);
            if (++i == I) {
                if (bl != null) bl[o] += step(vbl, o, 0f + dz);
                i = 0;
                if (++o < O) dz = derive ? fl.backward(zl[o], al[o], dl[o]) : dl[o];
            }
        }
    }

    /**
     * The weight change for gradient g, updating the velocity: the arithmetic of {@link Sgd}
     * (plain, classical momentum or Nesterov), inlined by the JIT into the update loop.
     */
    private float step(float[] vel, int j, float g) {
        if (alpha == 0f) return -(eta * g);
        float dw = alpha * vel[j] - eta * g;
        vel[j] = dw;
        return nesterov ? alpha * dw - eta * g : dw;
    }
}
