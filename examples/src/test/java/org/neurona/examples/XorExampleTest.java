package org.neurona.examples;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class XorExampleTest {
    @Test
    void momentumConvergesForNearlyEverySeed() {
        int withMomentum = XorExample.converged(100, 0.9);
        assertTrue(withMomentum >= 90, withMomentum + " of 100");
    }

    @Test
    void momentumReachesTheTargetInFewerEpochs() {
        double with = XorExample.meanEpochsToTarget(30, 0.9), without = XorExample.meanEpochsToTarget(30, 0.0);
        assertTrue(with < 0.5 * without, with + " vs " + without);
    }
}
