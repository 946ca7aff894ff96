/**
 * Networks: the multilayer feedforward net and its spec, the McCulloch-Pitts unit and the
 * perceptron, and the autoencoder. The other families of the lecture have subpackages:
 * competitive (winner-takes-all, Kohonen maps), hopfield, recurrent (Elman, Jordan).
 */
package org.neurona.net;
