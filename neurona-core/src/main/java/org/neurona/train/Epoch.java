package org.neurona.train;

import java.util.List;
import org.neurona.layer.Param;

/** What a listener sees after an epoch: its number (1-based), errors, time, and a way to stop. */
public final class Epoch {
    private final int number;
    private final int maxEpochs;
    private final double trainError;
    private final double validationError;
    private final double seconds;
    private final List<Param> params;
    private boolean stop;

    Epoch(int number, int maxEpochs, double trainError, double validationError, double seconds, List<Param> params) {
        this.number = number;
        this.maxEpochs = maxEpochs;
        this.trainError = trainError;
        this.validationError = validationError;
        this.seconds = seconds;
        this.params = params;
    }

    /** 1-based epoch number. */
    public int number() { return number; }

    /** The epoch limit of this training run. */
    public int maxEpochs() { return maxEpochs; }

    /** Training error of this epoch. */
    public double trainError() { return trainError; }

    /** Validation error after this epoch, NaN without validation data. */
    public double validationError() { return validationError; }

    /** Wall time of this epoch's training, in seconds. */
    public double seconds() { return seconds; }

    /** The network's parameters (for early stopping's snapshots; do not change them otherwise). */
    public List<Param> params() { return params; }

    /** Ends training after this epoch. */
    public void requestStop() { stop = true; }

    boolean stopRequested() { return stop; }
}
