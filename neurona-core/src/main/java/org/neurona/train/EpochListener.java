package org.neurona.train;

/**
 * Called after every epoch (progress bars, live plots, early stopping). Runs on the training
 * thread; must not change the network's parameters except through {@link Epoch}'s contract.
 */
@FunctionalInterface
public interface EpochListener {

    /** One epoch has ended. Call {@link Epoch#requestStop()} to end training after it. */
    void onEpoch(Epoch epoch);
}
