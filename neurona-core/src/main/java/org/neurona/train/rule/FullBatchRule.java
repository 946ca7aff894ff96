package org.neurona.train.rule;

import java.util.List;
import org.neurona.layer.Param;

/**
 * A learning rule that needs the whole training set as one batch and evaluates the error itself
 * at points other than the current weights (scaled conjugate gradient, {@link Scg}).
 *
 * <p>A trainer detects it with {@code rule instanceof FullBatchRule fb}, rejects online and
 * mini-batch presentation for it, and creates the optimiser with
 * {@link #create(List, Objective)}, passing an {@link Objective} that computes the full-batch
 * error and gradient at the parameters' current values. The plain {@link #create(List)} of such a
 * rule throws, because without the objective it cannot work.
 */
public interface FullBatchRule extends LearningRule {

    /** A fresh optimiser for {@code params} that evaluates {@code objective} as it needs. */
    Optimizer create(List<Param> params, Objective objective);
}
