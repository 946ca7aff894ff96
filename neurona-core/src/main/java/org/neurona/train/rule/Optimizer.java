package org.neurona.train.rule;

import org.neurona.math.Parallel;

/**
 * The running state of a learning rule bound to one network's parameters (velocities, step
 * sizes, previous gradients). Created by {@link LearningRule#create}; the trainer calls
 * {@link #step} once per batch after the gradients of that batch have been accumulated into each
 * {@link org.neurona.layer.Param#grad()}. An optimiser never zeroes gradients.
 */
public interface Optimizer {

    /** Updates every parameter from its gradient. Must not allocate. */
    void step();

    /** Sets the learning rate used by the next steps (for schedules). */
    void learningRate(double eta);

    /**
     * The threads {@link #step} may split its update among (the trainer's kernel threads; the
     * caller of step counts as one of them). An update computed element by element gives the same
     * values whatever the split. The default ignores them and updates on the calling thread.
     */
    default void parallel(Parallel par) {}
}
