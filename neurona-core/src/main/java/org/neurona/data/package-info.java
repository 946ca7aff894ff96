/**
 * Data sets of patterns (inputs and targets) and the readers and transforms that make them.
 */
package org.neurona.data;
