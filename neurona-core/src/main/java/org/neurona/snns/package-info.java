/**
 * The Stuttgart Neural Network Simulator's file formats, for people moving work between SNNS,
 * JavaNNS or RSNNS and neurona: pattern files ({@link org.neurona.snns.SnnsPatternFile}, .pat
 * V3.2-V4.2), network files ({@link org.neurona.snns.SnnsNetFile} into the plain description
 * {@link org.neurona.snns.SnnsNet}), and the conversion of layered nets to and from neurona's
 * feed-forward networks ({@link org.neurona.snns.SnnsFeedForward}). docs/RSNNS.md is the guide.
 */
package org.neurona.snns;
