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
 * results are bit-identical to the generic path with batches of one pattern) without it. Each
 * layer's step is an {@link OnlineLayer}, compiled for the layer's shape where a copy can be made
 * (small layers, a runtime that allows it; {@link OnlineLayer} says when), else the same code as
 * loaded, reading the sizes from fields.
 *
 * <p>Used by {@link Trainer} for online training with {@link Sgd} on layers whose activations
 * are deterministic, parameter-free and elementwise except possibly softmax on the output.
 */
final class SmallNetOnline {
    /** The layers' steps, first to last. */
    final OnlineLayer[] layers;
    /** The loss's scale for a batch of one pattern. */
    private final float deltaScale;
    private final Loss loss;
    /** Whether the loss gives dE/dz of the output directly (softmax or logistic under CE). */
    private final boolean fused;

    /** Whether this path can train {@code net} with {@code options}. */
    static boolean applies(FeedForward net, TrainOptions options, int rows) {
        return applies(net.layers().stream().map(Dense::activation).toList(), options, rows);
    }

    /** Whether this path can train a net whose layers have the activations {@code fs} with {@code options}. */
    static boolean applies(List<Activation> fs, TrainOptions options, int rows) {
        if (options.rowsPerUpdate(rows) != 1 || !(options.rule() instanceof Sgd)) return false;
        if (options.flatSpot() != 0 || options.loss().dmax() != 0 || options.clipping() != null
                || !(options.schedule() instanceof Schedule.Constant)) {
            return false;
        }
        int last = fs.size() - 1;
        for (int l = 0; l <= last; l++) {
            Activation f = fs.get(l);
            if (f instanceof Stochastic || f instanceof Parametric || (!f.elementwise() && l != last)) return false;
        }
        return true;
    }

    SmallNetOnline(FeedForward net, TrainOptions options) {
        this(net, options, true);
    }

    /** With {@code shaped} false, every layer's step is the class as loaded, not a copy for its shape (for tests). */
    SmallNetOnline(FeedForward net, TrainOptions options, boolean shaped) {
        Sgd sgd = (Sgd) options.rule();
        layers = new OnlineLayer[net.layers().size()];
        for (int l = 0; l < layers.length; l++) {
            Dense dense = net.layers().get(l);
            layers[l] = shaped ? OnlineLayer.of(dense, sgd, options.lambda()) : new OnlineLayerCode(dense, sgd, options.lambda());
        }
        loss = options.loss();
        fused = loss.fuses(layers[layers.length - 1].f);
        deltaScale = loss.scale(1);
    }

    /** One epoch over the patterns in {@code order}; returns the summed per-pattern loss. */
    double epoch(Dataset data, int[] order) {
        OnlineLayer[] layers = this.layers;
        int in = data.inputs(), outW = data.outputs(), last = layers.length - 1;
        float[] x = data.x(), b = data.b();
        OnlineLayer first = layers[0], top = layers[last];
        // the top layer's dz: from the loss when it fuses the activation; through the whole row's
        // Jacobian for softmax under SSE or MSE; else per unit, like every hidden layer
        boolean rowJacobian = !fused && !top.f.elementwise(), topDerive = !fused && !rowJacobian;
        double sum = 0;
        if (last == 1) {
            // the lecture's x:h:y, each step called on its own layer: 8 % faster on XOR than the
            // loops over the layers below (docs/PERFORMANCE.md), the same calls in the same order
            for (int r : order) {
                int xo = r * in;
                first.forward(x, xo);
                top.forward(first.a, 0);
                sum += top.outputError(loss, b, r * outW, deltaScale);
                if (rowJacobian) top.f.backward(top.z, top.a, top.d, top.d, 1, top.outputs);
                top.backward(first.d, first.a, 0, topDerive);
                first.backward(null, x, xo, true);
            }
            return sum;
        }
        for (int r : order) {
            int xo = r * in;
            first.forward(x, xo);
            for (int l = 1; l <= last; l++) layers[l].forward(layers[l - 1].a, 0);
            sum += top.outputError(loss, b, r * outW, deltaScale);
            if (rowJacobian) top.f.backward(top.z, top.a, top.d, top.d, 1, top.outputs);
            for (int l = last; l > 0; l--) layers[l].backward(layers[l - 1].d, layers[l - 1].a, 0, l < last || topDerive);
            first.backward(null, x, xo, last > 0 || topDerive);
        }
        return sum;
    }
}
