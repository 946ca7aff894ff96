/**
 * Layers and their trainable parameters: the dense layer's forward and backward passes, initial weights.
 */
package org.neurona.layer;
