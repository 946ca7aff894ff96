package org.neurona.train.rule;

/**
 * The training error as a function of the parameters' current values, for learning rules that
 * evaluate it at points of their own choosing (scaled conjugate gradient probes E'(w + sigma p)
 * and E(w + alpha p) inside one step).
 *
 * <p>Contract: {@link #lossAndGradient()} reads every {@link org.neurona.layer.Param#value()} as it
 * is now, sets every {@link org.neurona.layer.Param#grad()} to dE/dvalue over the whole training
 * set (it zeroes the gradients first: the caller does not), and returns E. It must be the same
 * function the optimiser is asked to minimise: the same data, the same loss, the same
 * regularisation. It must not change the parameter values. The trainer supplies it for rules that
 * implement {@link FullBatchRule}.
 */
@FunctionalInterface
public interface Objective {

    /** Evaluates E and dE/dw at the parameters' current values; returns E. */
    double lossAndGradient();
}
