package org.neurona.train.rule;

import java.util.List;
import org.neurona.layer.Param;

/**
 * An immutable, validated description of how weights change from gradients (gradient descent
 * with momentum, Rprop, Adam, ...). {@link #create} binds it to a network's parameters and
 * returns the stateful {@link Optimizer}.
 */
public interface LearningRule {

    /** The canonical spec, as accepted on the command line: "sgd:0.1:0.9". */
    String name();

    /** The learning rate eta the rule starts with. */
    double learningRate();

    /** A fresh optimiser for {@code params}, with zero state. */
    Optimizer create(List<Param> params);
}
