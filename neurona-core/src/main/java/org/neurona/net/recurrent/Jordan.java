package org.neurona.net.recurrent;

import org.neurona.math.Rng;

/**
 * Jordan's recurrent network: the context layer holds the output at t-1, plus mu times its own
 * previous value (the self-connection of Jordan's state units), and feeds the hidden layer
 * through trainable weights W_c (H, O):
 * <pre>
 *   c_t = mu c_(t-1) + y_(t-1)     h_t = f(W_x x_t + W_c c_t + b_h)     y_t = g(W_y h_t + b_y)
 * </pre>
 * with c_1 = 0 (Jordan 1986, "Serial order: a parallel distributed processing approach",
 * ICS report 8604). With mu = 0 the context is just the previous output. Backwards, the context
 * gradient gamma_(t+1) joins dy_t, and gamma_t = W_c^T dz_t + mu gamma_(t+1). Build with
 * {@code RecurrentNet.create(RecurrentSpec.jordan(I, H, O).withMu(mu), rng)}; the rest of the
 * equations are in {@link RecurrentNet}.
 */
public final class Jordan extends RecurrentNet {
    private final float mu;

    Jordan(RecurrentSpec spec, Rng rng) {
        super(spec, rng);
        mu = (float) spec.mu();
    }

    /** c_(t+1) = mu c_t + y_t. */
    @Override
    void nextContext(float[] h, float[] y, float[] c) {
        for (int q = 0; q < context; q++) c[q] = mu * c[q] + y[q];
    }

    /** dy_t += gamma_(t+1). */
    @Override
    void contextToOutput(float[] gamma, float[] dy) {
        for (int q = 0; q < context; q++) dy[q] += gamma[q];
    }

    @Override
    float contextDecay() {
        return mu;
    }
}
