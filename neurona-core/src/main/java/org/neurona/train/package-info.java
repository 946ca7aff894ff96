/**
 * Learning: the trainer (online, batch, mini-batch), its options, learning rules and their optimisers, history and listeners.
 */
package org.neurona.train;
