/**
 * Recurrent networks with a context layer, Elman's (hidden state fed back) and Jordan's (output
 * fed back), with forward passes and backpropagation through time over a preallocated tape.
 */
package org.neurona.net.recurrent;
