/**
 * Unsupervised competitive networks: the winner-takes-all layer (with a conscience against dead
 * units) and Kohonen's self-organising map with its U-matrix.
 */
package org.neurona.net.competitive;
