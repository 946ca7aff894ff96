package org.neurona.net.hopfield;

/**
 * The outcome of recalling one probe from a Hopfield memory.
 *
 * @param state     the final bipolar state (N), +1/-1
 * @param converged whether the last sweep changed no unit (a fixed point)
 * @param sweeps    sweeps made, counting the final sweep that found nothing to change
 * @param energy    E = -1/2 s^T W s of the final state
 * @param matched   index (0-based) of the stored pattern the state equals, or -1 (a spurious
 *                  state, an inverted pattern, or not converged to a stored pattern)
 */
public record HopfieldRecall(int[] state, boolean converged, int sweeps, double energy, int matched) {
}
