package org.neurona.train.rule;

/**
 * An {@link Optimizer} that needs the current error E to decide its step (iRprop+ undoes the last
 * step of a weight whose gradient changed sign only if E went up).
 *
 * <p>Lifecycle: once per batch, after the gradients of the batch are in each
 * {@link org.neurona.layer.Param#grad()} and before {@link Optimizer#step()}, the trainer calls
 * {@code loss(E)} with the error of that same batch at the current weights (for full batch: the
 * training error E(w(t)) of the epoch, computed in the forward pass that produced the gradient,
 * including any regularisation term that is part of the gradient). An optimiser that implements
 * this interface throws {@link IllegalStateException} from {@code step()} if it was not told the
 * error since its last step, rather than silently skipping what the error is needed for.
 */
public interface LossAware {

    /** The error E(w(t)) of the batch whose gradient the next {@link Optimizer#step()} uses. */
    void loss(double E);
}
