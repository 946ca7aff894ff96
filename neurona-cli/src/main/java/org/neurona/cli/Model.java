package org.neurona.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.neurona.activation.Activation;
import org.neurona.activation.Activations;
import org.neurona.data.Dataset;
import org.neurona.data.Normalization;
import org.neurona.data.OneHot;
import org.neurona.io.DataFileException;
import org.neurona.io.ModelFile;
import org.neurona.io.StoredModel;
import org.neurona.layer.Dense;
import org.neurona.layer.Init;
import org.neurona.net.FeedForward;
import org.neurona.net.NetworkSpec;

/**
 * A trained network with what is needed to use it on raw data: the input normalisation
 * fitted on the training data, and the meaning of the outputs (class labels). Converts to and
 * from the model file's {@link StoredModel}.
 */
final class Model {
    final FeedForward net;
    final Normalization scaling;   // null: inputs used as they are
    final List<String> inputNames;
    final List<String> targetNames;
    final List<String> classes;
    final String loss;
    /** The transform the training targets were scaled by; outputs go back through it. Null: none. */
    final Normalization targetScaling;
    /** Whether the model reproduces its inputs: an autoencoder ({@code autoencode --save}). */
    private final boolean autoencoder;

    Model(FeedForward net, Normalization scaling, List<String> inputNames, List<String> targetNames,
          List<String> classes, String loss) {
        this(net, scaling, inputNames, targetNames, classes, loss, null, false);
    }

    Model(FeedForward net, Normalization scaling, List<String> inputNames, List<String> targetNames,
          List<String> classes, String loss, Normalization targetScaling, boolean autoencoder) {
        this.net = net;
        this.scaling = scaling;
        this.inputNames = List.copyOf(inputNames);
        this.targetNames = List.copyOf(targetNames);
        this.classes = List.copyOf(classes);
        this.loss = loss;
        this.targetScaling = targetScaling;
        this.autoencoder = autoencoder;
    }

    boolean isClassifier() {
        return !classes.isEmpty();
    }

    /** Whether the model reproduces its inputs (its targets are its inputs). */
    boolean isAutoencoder() {
        return autoencoder;
    }

    /** The dataset as the net sees it: inputs, and targets when the model scales them, normalised. */
    Dataset prepare(Dataset d) {
        Dataset p = scaling == null ? d : scaling.applyInputs(d);
        return targetScaling == null ? p : targetScaling.applyTargets(p);
    }

    /** Outputs (rows, O) for raw inputs (rows, I). */
    float[] predict(float[] x, int rows) {
        float[] y = net.predict(scaling == null ? x : scaling.apply(x, rows), rows);
        return targetScaling == null ? y : targetScaling.invert(y, rows);
    }

    /** Class index per row: the largest output (OneHot's argmax), or output >= 0.5 for a single 0/1 output. */
    static int[] classify(float[] y, int rows, int outputs) {
        if (outputs > 1) return OneHot.decode(y, rows, outputs, OneHot.Rule.ARGMAX);
        int[] c = new int[rows];
        for (int r = 0; r < rows; r++) c[r] = y[r] >= 0.5f ? 1 : 0;
        return c;
    }

    /** Fraction of rows whose predicted class equals the target's. */
    static double accuracy(float[] y, float[] b, int rows, int outputs) {
        int[] p = classify(y, rows, outputs), t = classify(b, rows, outputs);
        int ok = 0;
        for (int r = 0; r < rows; r++) if (p[r] == t[r]) ok++;
        return rows == 0 ? Double.NaN : (double) ok / rows;
    }

    /** The model file's contents. */
    StoredModel toStored(Map<String, Object> settings, int epochs, double finalError, double[] history, double[] validation) {
        List<StoredModel.Layer> layers = new ArrayList<>();
        for (Dense d : net.layers()) {
            Map<String, float[]> params = Float.isNaN(d.activationParameter()) ? Map.of()
                    : Map.of("slope", new float[] {d.activationParameter()});
            layers.add(new StoredModel.Layer(d.inputs(), d.outputs(), d.activation().name(), d.weights().clone(),
                    d.biases().clone(), params));
        }
        return new StoredModel(layers, loss, stored(scaling), inputNames, targetNames, classes, settings, epochs, finalError,
                history, validation).withTargetNormalization(stored(targetScaling));
    }

    private static StoredModel.Scaling stored(Normalization n) {
        return n == null ? null : new StoredModel.Scaling(kindName(n.kind()), n.shift(), n.scale());
    }

    /** Loads a model file and rebuilds the network with its weights. */
    static Model load(Path file) {
        return of(ModelFile.read(file), file.toString());
    }

    /**
     * Rebuilds the feedforward network of a model file's contents.
     *
     * @throws DataFileException for a recurrent model, which only predict and evaluate run
     */
    static Model of(StoredModel s, String src) {
        if (s.isRecurrent()) {
            throw new DataFileException(src, 0, 0, "holds a recurrent (" + s.recurrent().kind() + ") net for time series;"
                    + " this command needs a feedforward one (recurrent models run with predict and evaluate)");
        }
        List<Activation> acts = new ArrayList<>();
        boolean bias = s.layers().get(0).hasBias();
        for (int l = 0; l < s.layers().size(); l++) {
            StoredModel.Layer layer = s.layers().get(l);
            try {
                acts.add(Activations.parse(layer.activation()));
            } catch (IllegalArgumentException e) {
                throw new DataFileException(src, 0, 0, "layer " + (l + 1) + ": " + e.getMessage());
            }
            if (layer.hasBias() != bias) {
                throw new DataFileException(src, 0, 0, "layers with and without biases mixed; this neurona expects all or none");
            }
        }
        FeedForward net;
        try {
            net = FeedForward.create(new NetworkSpec(s.sizes(), acts, bias, Init.LECTURE), 0);
        } catch (IllegalArgumentException e) {
            throw new DataFileException(src, 0, 0, e.getMessage());
        }
        for (int l = 0; l < s.layers().size(); l++) {
            Dense d = net.layers().get(l);
            StoredModel.Layer layer = s.layers().get(l);
            System.arraycopy(layer.weights(), 0, d.weights(), 0, layer.weights().length);
            System.arraycopy(layer.biases(), 0, d.biases(), 0, layer.biases().length);
            float[] slope = layer.params().get("slope");
            if (slope != null && slope.length == 1 && !Float.isNaN(d.activationParameter())) d.activationParameter(slope[0]);
        }
        boolean autoencoder = "autoencoder".equals(String.valueOf(s.settings().get("kind")))
                && net.inputs() == net.outputs() && s.classes().isEmpty();
        return new Model(net, normalization(s.normalization(), src, "data.normalization"), s.inputNames(),
                s.targetNames(), s.classes(), s.loss(),
                normalization(s.targetNormalization(), src, "data.target_normalization"), autoencoder);
    }

    private static Normalization normalization(StoredModel.Scaling n, String src, String field) {
        if (n == null) return null;
        try {
            return Normalization.of(Normalization.Kind.parse(n.kind()), n.shift(), n.scale());
        } catch (IllegalArgumentException e) {
            throw new DataFileException(src, 0, 0, field + ": " + e.getMessage());
        }
    }

    /** The model file's name for a normalisation kind: "minmax", "center", "zscore". */
    static String kindName(Normalization.Kind k) {
        return switch (k) {
            case MIN_MAX -> "minmax";
            case CENTER -> "center";
            case Z_SCORE -> "zscore";
        };
    }
}
