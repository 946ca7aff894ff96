/**
 * Hopfield autoassociative memories: bipolar units, Hebb's and the projection rule, asynchronous
 * and synchronous recall with the energy that never rises.
 */
package org.neurona.net.hopfield;
