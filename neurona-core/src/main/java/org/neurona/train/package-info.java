/**
 * Training: the backpropagation trainer (online, batch, mini-batch) and its options, history and
 * per-epoch listeners, early stopping, and backpropagation through time for recurrent nets. The
 * learning rules themselves are in {@link org.neurona.train.rule}.
 */
package org.neurona.train;
