/**
 * Measures of how well a network does: errors, accuracy, confusion matrices, clustering quality.
 */
package org.neurona.eval;
