/**
 * Learning rules: how gradients change weights. Each rule is an immutable record with its update
 * formula and citation ({@link org.neurona.train.rule.Sgd}, Rprop, Quickprop, SCG, Adam, ...),
 * creating the stateful {@link org.neurona.train.rule.Optimizer} that a trainer steps; plus
 * learning-rate schedules, gradient clipping, and {@link org.neurona.train.rule.LearningRules},
 * which finds a rule by name (SNNS's names included).
 */
package org.neurona.train.rule;
