package org.neurona.io;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything a model file holds, as plain data: the network's layers with their weights, how
 * inputs are normalised before they reach it, what its outputs mean (class labels), and how it
 * was trained. {@link ModelFile} reads and writes it; turning it into a runnable network is the
 * caller's job, so the file format does not change when the network classes do.
 *
 * @param layers        the weighted layers, input side first
 * @param loss          the loss it was trained with ("sse", "mse", "ce"), or "" when unknown
 * @param normalization the input transform fitted on the training data, or null for none
 * @param inputNames    names of the input columns (may be empty)
 * @param targetNames   names of the target columns (may be empty)
 * @param classes       class labels of the one-hot outputs, in output order; or two labels for a
 *                      single output read as 0 = first, 1 = second; empty for regression
 * @param settings      training settings (mode, eta, momentum, ...), for the record; values are
 *                      strings, numbers or booleans
 * @param epochs        epochs trained
 * @param finalError    training error after the last epoch, in the loss above (NaN when unknown)
 * @param history       training error per epoch (may be empty)
 * @param validationHistory validation error per epoch (may be empty)
 * @param recurrent     the context of a recurrent net, or null for a feedforward one
 * @param targetNormalization the transform the training targets were scaled by, which outputs are
 *                      taken back through; null for none (format version 2 and up)
 */
public record StoredModel(List<Layer> layers, String loss, Scaling normalization,
                          List<String> inputNames, List<String> targetNames, List<String> classes,
                          Map<String, Object> settings, int epochs, double finalError,
                          double[] history, double[] validationHistory, Recurrent recurrent,
                          Scaling targetNormalization) {

    /** A feedforward model. */
    public StoredModel(List<Layer> layers, String loss, Scaling normalization,
                       List<String> inputNames, List<String> targetNames, List<String> classes,
                       Map<String, Object> settings, int epochs, double finalError,
                       double[] history, double[] validationHistory) {
        this(layers, loss, normalization, inputNames, targetNames, classes, settings, epochs, finalError, history,
                validationHistory, null, null);
    }

    /** A model without target normalisation. */
    public StoredModel(List<Layer> layers, String loss, Scaling normalization,
                       List<String> inputNames, List<String> targetNames, List<String> classes,
                       Map<String, Object> settings, int epochs, double finalError,
                       double[] history, double[] validationHistory, Recurrent recurrent) {
        this(layers, loss, normalization, inputNames, targetNames, classes, settings, epochs, finalError, history,
                validationHistory, recurrent, null);
    }

    /** This model with its outputs taken back through {@code targets}. */
    public StoredModel withTargetNormalization(Scaling targets) {
        return new StoredModel(layers, loss, normalization, inputNames, targetNames, classes, settings, epochs,
                finalError, history, validationHistory, recurrent, targets);
    }

    public StoredModel {
        layers = List.copyOf(layers);
        if (layers.isEmpty()) throw new IllegalArgumentException("a model needs at least one layer");
        for (int l = 1; l < layers.size(); l++) {
            if (layers.get(l).inputs() != layers.get(l - 1).outputs()) {
                throw new IllegalArgumentException("layer " + (l + 1) + " has " + layers.get(l).inputs()
                        + " inputs but layer " + l + " has " + layers.get(l - 1).outputs() + " outputs");
            }
        }
        loss = loss == null ? "" : loss;
        inputNames = List.copyOf(inputNames);
        targetNames = List.copyOf(targetNames);
        classes = List.copyOf(classes);
        settings = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(settings));
        history = history == null ? new double[0] : history;
        validationHistory = validationHistory == null ? new double[0] : validationHistory;
        int in = layers.get(0).inputs(), out = layers.get(layers.size() - 1).outputs();
        if (!inputNames.isEmpty() && inputNames.size() != in) {
            throw new IllegalArgumentException(inputNames.size() + " input names for " + in + " inputs");
        }
        if (!classes.isEmpty() && classes.size() != out && !(classes.size() == 2 && out == 1)) {
            throw new IllegalArgumentException(classes.size() + " class labels for " + out
                    + " outputs; expected one per output, or two for a single 0/1 output");
        }
        if (normalization != null && normalization.shift().length != in) {
            throw new IllegalArgumentException("normalisation for " + normalization.shift().length
                    + " inputs, but the network has " + in);
        }
        if (targetNormalization != null && targetNormalization.shift().length != out) {
            throw new IllegalArgumentException("target normalisation for " + targetNormalization.shift().length
                    + " outputs, but the network has " + out);
        }
        if (targetNormalization != null && !classes.isEmpty()) {
            throw new IllegalArgumentException("a classifier's outputs are not normalised targets");
        }
        if (recurrent != null) recurrent.check(layers);
    }

    /** Whether this is a recurrent net (Elman, Jordan) rather than a feedforward one. */
    public boolean isRecurrent() {
        return recurrent != null;
    }

    /** Layer sizes, input first: [2, 3, 1] for a 2:3:1 network. */
    public int[] sizes() {
        int[] s = new int[layers.size() + 1];
        s[0] = layers.get(0).inputs();
        for (int l = 0; l < layers.size(); l++) s[l + 1] = layers.get(l).outputs();
        return s;
    }

    /** The sizes as the command line writes them: "2:3:1". */
    public String sizeSpec() {
        StringBuilder b = new StringBuilder();
        for (int s : sizes()) b.append(b.length() == 0 ? "" : ":").append(s);
        return b.toString();
    }

    /** One activation spec per layer ("logistic", "relu", "softmax"). */
    public List<String> activations() {
        List<String> a = new ArrayList<>();
        for (Layer l : layers) a.add(l.activation());
        return a;
    }

    /** Whether the outputs are one-hot classes. */
    public boolean isClassifier() {
        return !classes.isEmpty();
    }

    /**
     * One weighted layer: a = f(W x + b).
     *
     * @param inputs     I
     * @param outputs    O
     * @param activation the activation's canonical spec ("logistic:2")
     * @param weights    W (O, I), row-major
     * @param biases     b (O), or an empty array for a layer without biases
     * @param params     further trained parameters by name (PReLU slopes), possibly empty
     */
    public record Layer(int inputs, int outputs, String activation, float[] weights, float[] biases,
                        Map<String, float[]> params) {
        public Layer {
            if (inputs <= 0 || outputs <= 0) {
                throw new IllegalArgumentException("layer size " + inputs + " -> " + outputs + "; expected positive sizes");
            }
            if (weights.length != inputs * outputs) {
                throw new IllegalArgumentException("weights of a " + inputs + " -> " + outputs + " layer need "
                        + inputs * outputs + " values, got " + weights.length);
            }
            if (biases.length != 0 && biases.length != outputs) {
                throw new IllegalArgumentException("biases of a layer with " + outputs + " outputs need "
                        + outputs + " values, got " + biases.length);
            }
            params = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(params));
        }

        public Layer(int inputs, int outputs, String activation, float[] weights, float[] biases) {
            this(inputs, outputs, activation, weights, biases, Map.of());
        }

        /** Whether the layer adds biases. */
        public boolean hasBias() {
            return biases.length > 0;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Layer l && inputs == l.inputs && outputs == l.outputs
                    && activation.equals(l.activation) && Arrays.equals(weights, l.weights)
                    && Arrays.equals(biases, l.biases) && paramsEqual(params, l.params);
        }

        @Override
        public int hashCode() {
            return 31 * (31 * activation.hashCode() + Arrays.hashCode(weights)) + Arrays.hashCode(biases);
        }

        private static boolean paramsEqual(Map<String, float[]> p, Map<String, float[]> q) {
            if (!p.keySet().equals(q.keySet())) return false;
            for (String k : p.keySet()) if (!Arrays.equals(p.get(k), q.get(k))) return false;
            return true;
        }
    }

    /**
     * A per-input affine transform x' = (x - shift) / scale, fitted on the training data (the
     * statistics of the core's {@code Normalization}).
     *
     * @param kind  how it was fitted: "minmax" (shift = min, scale = max - min), "center"
     *              (shift = mean, scale = 1) or "zscore" (shift = mean, scale = standard deviation)
     * @param shift (I)
     * @param scale (I), positive
     */
    public record Scaling(String kind, double[] shift, double[] scale) {
        public Scaling {
            if (shift.length != scale.length) {
                throw new IllegalArgumentException("normalisation has " + shift.length + " shifts but "
                        + scale.length + " scales");
            }
            for (int j = 0; j < scale.length; j++) {
                if (!(scale[j] > 0 && Double.isFinite(scale[j]) && Double.isFinite(shift[j]))) {
                    throw new IllegalArgumentException("normalisation of input " + (j + 1) + ": shift "
                            + shift[j] + ", scale " + scale[j] + "; expected finite values and a positive scale");
                }
            }
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Scaling s && kind.equals(s.kind) && Arrays.equals(shift, s.shift)
                    && Arrays.equals(scale, s.scale);
        }

        @Override
        public int hashCode() {
            return 31 * Arrays.hashCode(shift) + Arrays.hashCode(scale);
        }
    }

    /**
     * What a recurrent net adds to its two layers: the context layer. With h_t the hidden and y_t
     * the output activations, z_t = W_x x_t + W_c c_t + b_h, c_1 = 0, and
     * Elman: c_(t+1) = h_t (C = H); Jordan: c_(t+1) = mu c_t + y_t (C = O); none: C = 0.
     *
     * @param kind           "elman", "jordan" or "none"
     * @param context        C, the number of context units
     * @param mu             Jordan's context decay in [0, 1); 0 for the other kinds
     * @param contextWeights W_c (H, C), row-major
     */
    public record Recurrent(String kind, int context, double mu, float[] contextWeights) {
        /** The kinds a model file may name. */
        public static final List<String> KINDS = List.of("elman", "jordan", "none");

        public Recurrent {
            if (!KINDS.contains(kind)) {
                throw new IllegalArgumentException("recurrent kind '" + kind + "'; expected one of " + KINDS);
            }
            if (!(mu >= 0 && mu < 1)) throw new IllegalArgumentException("context decay mu " + mu + "; expected [0, 1)");
            if (mu != 0 && !kind.equals("jordan")) {
                throw new IllegalArgumentException("context decay mu " + mu + " is defined for jordan nets only, not " + kind);
            }
        }

        /** Checks the context against the two layers: C as the kind says, W_c of H C values. */
        void check(List<Layer> layers) {
            if (layers.size() != 2) {
                throw new IllegalArgumentException("a recurrent net has a hidden and an output layer, got "
                        + layers.size() + " layers");
            }
            int h = layers.get(0).outputs(), o = layers.get(1).outputs();
            int want = switch (kind) {
                case "elman" -> h;
                case "jordan" -> o;
                default -> 0;
            };
            if (context != want) {
                throw new IllegalArgumentException(kind + " net with " + h + " hidden units and " + o + " outputs has "
                        + want + " context units, not " + context);
            }
            if (contextWeights.length != h * context) {
                throw new IllegalArgumentException("context weights W_c (" + h + ", " + context + ") need " + h * context
                        + " values, got " + contextWeights.length);
            }
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Recurrent r && kind.equals(r.kind) && context == r.context && mu == r.mu
                    && Arrays.equals(contextWeights, r.contextWeights);
        }

        @Override
        public int hashCode() {
            return 31 * kind.hashCode() + Arrays.hashCode(contextWeights);
        }
    }
}
