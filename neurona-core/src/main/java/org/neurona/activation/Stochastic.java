package org.neurona.activation;

import org.neurona.math.Rng;

/**
 * An activation that behaves differently while training: it draws random numbers per unit and
 * pattern (RReLU's slope) and remembers them for the backward pass. At inference it is the
 * deterministic function of {@link Activation#value}.
 */
public interface Stochastic extends Activation {

    /**
     * a = f(z) with fresh random draws, recorded in {@code noise} for {@link #backwardTraining}.
     *
     * @param noise (rows, width), written
     */
    void forwardTraining(float[] z, float[] a, float[] noise, int rows, int width, Rng rng);

    /** dz = da (.) f'(z) under the draws recorded by {@link #forwardTraining}. Writes dz only. */
    void backwardTraining(float[] z, float[] noise, float[] da, float[] dz, int rows, int width);
}
