package org.neurona.net.hopfield;

/**
 * Watches a Hopfield recall step by step, e.g. to check that the energy never rises or to
 * animate the state. Called after every single unit update in asynchronous mode (whether or not
 * the unit changed), and after every whole sweep with unit -1 in synchronous mode. The state
 * array is the live one: read it, do not change or keep it.
 */
@FunctionalInterface
public interface HopfieldObserver {
    void updated(int unit, int[] state);
}
