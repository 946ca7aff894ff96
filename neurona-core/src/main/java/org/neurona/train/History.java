package org.neurona.train;

import java.util.List;

/**
 * What happened during training: the error of every epoch on the training data (in the loss's
 * reduction, accumulated over the epoch's batches before each update) and, when a validation
 * set was given, on it after the epoch (NaN otherwise), plus why training stopped.
 *
 * @param trainError      per epoch
 * @param validationError per epoch (NaN entries without validation data)
 * @param epochSeconds    wall time of each epoch's training
 * @param stop            why training ended
 */
public record History(List<Double> trainError, List<Double> validationError, List<Double> epochSeconds,
                      StopReason stop) {

    /** Why training ended. */
    public enum StopReason { MAX_EPOCHS, TARGET_ERROR, LISTENER }

    public History {
        trainError = List.copyOf(trainError);
        validationError = List.copyOf(validationError);
        epochSeconds = List.copyOf(epochSeconds);
    }

    /** Number of epochs run. */
    public int epochs() {
        return trainError.size();
    }

    /** The last epoch's training error. */
    public double finalTrainError() {
        return trainError.isEmpty() ? Double.NaN : trainError.get(trainError.size() - 1);
    }

    /** The last epoch's validation error (NaN without validation data). */
    public double finalValidationError() {
        return validationError.isEmpty() ? Double.NaN : validationError.get(validationError.size() - 1);
    }

    /** The training errors as an array. */
    public double[] trainErrorArray() {
        return trainError.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
