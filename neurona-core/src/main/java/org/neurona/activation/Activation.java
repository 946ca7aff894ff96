package org.neurona.activation;

/**
 * An activation function f, applied to a unit's net input (pre-activation) z = W a + b to give
 * its output a = f(z), with its derivative for backpropagation.
 *
 * <p>Two views of the same function: the scalar {@link #value}/{@link #derivative} in double
 * precision (the mathematics, used by plots and gradient checks) and the float
 * {@link #forward}/{@link #backward} kernels of training, which must not allocate: over arrays for
 * batches, and per unit for the small-net path (both give the same floats). Arrays hold {@code rows} patterns of {@code width} units each, row-major; elementwise
 * functions ignore the row structure, row-wise ones ({@link Softmax}) use it.
 *
 * <p>Implementations are immutable and thread-safe. Two extensions add what a plain function
 * cannot hold: {@link Stochastic} (RReLU draws a slope per unit and pattern while training) and
 * {@link Parametric} (PReLU's slope is a trained parameter). Instances are found by name with
 * {@link Activations#parse(String)}; {@link #name()} gives back the canonical spec with
 * parameters ("logistic:2"), the form used in model files and on the command line.
 */
public interface Activation {

    /** The canonical spec, parseable by {@link Activations#parse(String)}: "tanh", "logistic:2". */
    String name();

    /** f(x), in double precision. */
    double value(double x);

    /** f'(x) = df/dx at the net input x, in double precision. */
    double derivative(double x);

    /**
     * Whether gradient descent can train units with this function. False for the step
     * functions (sign, Heaviside), whose derivative is zero almost everywhere: they serve
     * McCulloch-Pitts units and the perceptron rule, and asking to backpropagate through them
     * is rejected when a network is configured.
     */
    default boolean differentiable() {
        return true;
    }

    /** Whether the output of a unit depends only on its own net input (false for softmax). */
    default boolean elementwise() {
        return true;
    }

    /**
     * a = f(z) for one unit: the same float arithmetic as {@link #forward(float[], float[], int, int)},
     * bit for bit, for the small-net path, which visits a few units at a time. Elementwise
     * functions only ({@link Softmax} has no value for one unit and throws).
     */
    default float forward(float z) {
        return (float) value(z);
    }

    /**
     * dz = da f'(z) for one unit, from its net input z and output a = f(z): the same float
     * arithmetic as {@link #backward(float[], float[], float[], float[], int, int)}, bit for bit.
     * Elementwise functions only.
     */
    default float backward(float z, float a, float da) {
        return (float) (da * derivative(z));
    }

    /**
     * a = f(z) for {@code rows * width} values. Modifies {@code a} only; {@code a} may be
     * {@code z} (in place).
     *
     * @param z net inputs (rows, width), not modified
     * @param a outputs (rows, width), written
     */
    default void forward(float[] z, float[] a, int rows, int width) {
        int n = rows * width;
        for (int i = 0; i < n; i++) a[i] = (float) value(z[i]);
    }

    /**
     * dz = da (.) f'(z): the backpropagation step through the function (the lecture's
     * delta = dE/da (.) f'(A)). Modifies {@code dz} only; {@code dz} may be {@code da}.
     *
     * @param z  net inputs (rows, width), not modified
     * @param a  outputs f(z) from the forward pass (rows, width), not modified
     * @param da dE/da (rows, width), not modified unless it is dz
     * @param dz dE/dz (rows, width), written
     */
    default void backward(float[] z, float[] a, float[] da, float[] dz, int rows, int width) {
        int n = rows * width;
        for (int i = 0; i < n; i++) dz[i] = (float) (da[i] * derivative(z[i]));
    }
}
