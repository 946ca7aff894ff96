package org.neurona.net.recurrent;

import org.neurona.math.Rng;

/**
 * Elman's simple recurrent network: the context layer holds a copy of the hidden layer at t-1
 * and feeds the hidden layer at t through trainable weights W_c (H, H):
 * <pre>
 *   h_t = f(W_x x_t + W_c h_(t-1) + b_h)     y_t = g(W_y h_t + b_y)     h_0 = 0
 * </pre>
 * (Elman 1990, "Finding structure in time", Cognitive Science 14). Backwards, the gradient of
 * the context gamma_(t+1) = W_c^T dz_(t+1) joins dh_t. Build with
 * {@code RecurrentNet.create(RecurrentSpec.elman(I, H, O), rng)}; the equations of the forward
 * and backward pass are in {@link RecurrentNet}.
 */
public final class Elman extends RecurrentNet {

    Elman(RecurrentSpec spec, Rng rng) {
        super(spec, rng);
    }

    /** c_(t+1) = h_t. */
    @Override
    void nextContext(float[] h, float[] y, float[] c) {
        System.arraycopy(h, 0, c, 0, context);
    }

    /** dh_t += gamma_(t+1). */
    @Override
    void contextToHidden(float[] gamma, float[] dh) {
        for (int j = 0; j < context; j++) dh[j] += gamma[j];
    }
}
