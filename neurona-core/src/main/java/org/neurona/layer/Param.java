package org.neurona.layer;

/**
 * A trainable array and its gradient: the unit optimisers work on. {@code grad} has the shape of
 * {@code value} and accumulates dE/dvalue during the backward pass ({@code +=}); zeroing it
 * before each batch is the trainer's job.
 *
 * @param name   for messages and model files ("layer1.W", "layer1.b")
 * @param value  the parameter, updated in place by optimisers
 * @param grad   dE/dvalue, same length
 * @param decays whether L2 regularisation applies (weights yes, biases and slopes no)
 */
public record Param(String name, float[] value, float[] grad, boolean decays) {
    public Param {
        if (value.length != grad.length) {
            throw new IllegalArgumentException(name + ": value has " + value.length + " elements, grad " + grad.length);
        }
    }

    /** A parameter with a fresh zero gradient. */
    public static Param of(String name, float[] value, boolean decays) {
        return new Param(name, value, new float[value.length], decays);
    }

    /** Number of scalars. */
    public int size() {
        return value.length;
    }

    /** Sets the gradient to zero. */
    public void zeroGrad() {
        java.util.Arrays.fill(grad, 0f);
    }
}
