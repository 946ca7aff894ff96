/**
 * Activation functions with their derivatives, scalar (double) and vectorised (float), and the registry that finds them by name.
 */
package org.neurona.activation;
