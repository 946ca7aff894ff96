package org.neurona.activation;

/**
 * An activation with one trained parameter per layer (PReLU's negative slope). The layer owns
 * the parameter's current value; the activation object holds only its initial value and the
 * mathematics. {@link Activation#value} and {@link Activation#derivative} use the initial value.
 */
public interface Parametric extends Activation {

    /** The parameter's initial value. */
    float initialParameter();

    /** a = f(z; p). Writes a only. */
    void forward(float[] z, float[] a, int rows, int width, float p);

    /**
     * dz = da (.) df/dz (z; p), and returns dE/dp = sum over all values of da * df/dp (z; p).
     * Writes dz only.
     */
    double backward(float[] z, float[] da, float[] dz, int rows, int width, float p);
}
