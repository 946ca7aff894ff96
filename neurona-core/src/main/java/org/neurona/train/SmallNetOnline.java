package org.neurona.train;

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
    /**
     * One layer's arrays, hoisted out of {@link Dense} so that a layer's step loads each with one
     * field read: weights w (O, I), biases b (O) or null, net inputs z, outputs a, the error
     * signal d = dE/da (O), velocities v, vb.
     */
    private record Layer(float[] w, float[] b, float[] z, float[] a, float[] d, float[] v, float[] vb,
                         Activation f, int inputs, int outputs) {
        Layer(Dense dense) {
            this(dense.weights(), dense.hasBias() ? dense.biases() : null, new float[dense.outputs()],
                    new float[dense.outputs()], new float[dense.outputs()], new float[dense.weights().length],
                    new float[dense.biases().length], dense.activation(), dense.inputs(), dense.outputs());
        }
    }

    private final Layer[] layers;
    /** The loss's scale for a batch of one pattern. */
    private final float deltaScale;
    private final Loss loss;
    /** Whether the loss gives dE/dz of the output directly (softmax or logistic under CE). */
    private final boolean fused;
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
        layers = net.layers().stream().map(Layer::new).toArray(Layer[]::new);
        Layer top = layers[layers.length - 1];
        loss = options.loss();
        fused = loss.fuses(top.f);
        deltaScale = loss.scale(1);
        Sgd sgd = (Sgd) options.rule();
        eta = (float) sgd.eta();
        alpha = (float) sgd.alpha();
        nesterov = sgd.nesterov();
        lambda2 = (float) (2 * options.lambda());
    }

    /** One epoch over the patterns in {@code order}; returns the summed per-pattern loss. */
    double epoch(Dataset data, int[] order) {
        Layer[] layers = this.layers;
        int in = data.inputs(), outW = data.outputs(), last = layers.length - 1;
        float[] x = data.x(), b = data.b();
        Layer top = layers[last];
        // the top layer's dz: from the loss when it fuses the activation; through the whole row's
        // Jacobian for softmax under SSE or MSE; else per unit, like every hidden layer
        boolean rowJacobian = !fused && !top.f.elementwise(), topDerive = !fused && !rowJacobian;
        double sum = 0;
        for (int r : order) {
            int xo = r * in;
            forward(layers[0], x, xo);
            for (int l = 1; l <= last; l++) forward(layers[l], layers[l - 1].a, 0);
            sum += outputError(top, b, r * outW);
            if (rowJacobian) top.f.backward(top.z, top.a, top.d, top.d, 1, top.outputs);
            for (int l = last; l > 0; l--) backward(layers[l], layers[l - 1].d, layers[l - 1].a, 0, l < last || topDerive);
            backward(layers[0], null, x, xo, last > 0 || topDerive);
        }
        return sum;
    }

    /**
     * z = W a + b and a = f(z) for layer L, its input at {@code src[so..]}. One loop over the
     * (O, I) weights rather than O loops of I: for fan-ins of two or three the loop set-up costs
     * more than the products. The activation is applied per unit as its sum completes.
     */
    private static void forward(Layer L, float[] src, int so) {
        float[] w = L.w, b = L.b, z = L.z, a = L.a;
        Activation f = L.f;
        boolean unit = f.elementwise();
        int I = L.inputs, n = I * L.outputs;
        float s = 0f;
        for (int j = 0, i = 0, o = 0; j < n; j++) {
            s += src[so + i] * w[j];
            if (++i == I) {
                float zo = b == null ? s : s + b[o];
                z[o] = zo;
                if (unit) a[o] = f.forward(zo);
                o++;
                i = 0;
                s = 0f;
            }
        }
        if (!unit) f.forward(z, a, 1, L.outputs);
    }

    /**
     * The output layer's delta (dE/da, or dE/dz when the loss fuses the activation) and the
     * pattern's loss, by the loss itself (the batch path's calls with one row), reading the
     * targets where they lie in the data set.
     */
    private double outputError(Layer top, float[] b, int bo) {
        loss.delta(top.a, b, bo, top.d, 1, top.outputs, deltaScale);
        return loss.value(top.z, top.a, b, bo, 1, top.outputs, top.f);
    }

    /**
     * Layer L's backward step and update, one loop over its weights: dz = f'(z) d per unit as
     * its row starts ({@code derive}; else d is dE/dz already), then for each weight the delta
     * of the layer below, dIn = dz W with the weight before its update (what computing all deltas
     * first would use; null for the first layer), the gradient dz a_in (+ 2 lambda w) and the
     * update; each bias as its row ends.
     */
    private void backward(Layer L, float[] dIn, float[] src, int so, boolean derive) {
        float[] w = L.w, b = L.b, d = L.d, v = L.v, vb = L.vb, z = L.z, a = L.a;
        Activation f = L.f;
        int I = L.inputs, O = L.outputs, n = I * O;
        float lambda2 = this.lambda2;
        float dz = derive ? f.backward(z[0], a[0], d[0]) : d[0];
        for (int j = 0, i = 0, o = 0; j < n; j++) {
            float wv = w[j];
            if (dIn != null) dIn[i] = (o == 0 ? 0f : dIn[i]) + dz * wv;
            float g = 0f + dz * src[so + i];
            if (lambda2 > 0) g += lambda2 * wv;
            w[j] = wv + step(v, j, g);
            if (++i == I) {
                if (b != null) b[o] += step(vb, o, 0f + dz);
                i = 0;
                if (++o < O) dz = derive ? f.backward(z[o], a[o], d[o]) : d[o];
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
