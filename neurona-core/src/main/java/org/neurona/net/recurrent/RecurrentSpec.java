package org.neurona.net.recurrent;

import org.neurona.activation.Activation;
import org.neurona.activation.Activations;

/**
 * The shape of a simple recurrent network with one hidden layer and a context layer: an
 * immutable, validated description from which {@link RecurrentNet#create} builds the runtime net.
 *
 * <p>Dimension letters: I = inputs, H = hidden units, O = outputs, C = context units
 * (C = H for Elman, C = O for Jordan, C = 0 without context). At every step t
 * <pre>
 *   z_t = W_x x_t + W_c c_t + b_h      h_t = f(z_t)         (H)
 *   A_t = W_y h_t + b_y                y_t = g(A_t)         (O)
 *   Elman:  c_(t+1) = h_t
 *   Jordan: c_(t+1) = mu c_t + y_t
 * </pre>
 * with c_1 = 0 at the start of a sequence (Elman 1990, "Finding structure in time";
 * Jordan 1986, "Serial order: a parallel distributed processing approach").
 *
 * @param kind             which context the net keeps
 * @param inputs           I, at least 1
 * @param hidden           H, at least 1
 * @param outputs          O, at least 1
 * @param hiddenActivation f, differentiable and elementwise (tanh by default)
 * @param outputActivation g, differentiable and elementwise (linear by default, for regression)
 * @param mu               Jordan's self-connection of the context units, in [0, 1); must be 0 for
 *                         the other kinds
 * @param initScale        weights and biases start uniform in (-initScale, initScale); the lecture
 *                         uses 1
 */
public record RecurrentSpec(Kind kind, int inputs, int hidden, int outputs, Activation hiddenActivation,
                            Activation outputActivation, double mu, double initScale) {

    /** Which activations the context layer copies. */
    public enum Kind {
        /** Context = hidden layer at t-1 (Elman). */
        ELMAN,
        /** Context = output at t-1, plus mu times its own previous value (Jordan). */
        JORDAN,
        /**
         * No context (C = 0): a feedforward net I:H:O trained by the same code, the baseline that
         * shows what the memory adds.
         */
        NONE;

        /** The kind named "elman", "jordan" or "none" (any case). */
        public static Kind parse(String name) {
            for (Kind k : values()) if (k.name().equalsIgnoreCase(name == null ? "" : name.trim())) return k;
            throw new IllegalArgumentException("unknown recurrent net '" + name + "'; expected elman, jordan or none");
        }
    }

    public RecurrentSpec {
        if (kind == null) throw new IllegalArgumentException("recurrent net kind is missing; expected elman, jordan or none");
        positive("inputs", inputs);
        positive("hidden units", hidden);
        positive("outputs", outputs);
        check("hidden", hiddenActivation);
        check("output", outputActivation);
        if (!(mu >= 0 && mu < 1)) {
            throw new IllegalArgumentException("context decay mu must be in [0, 1), got " + mu);
        }
        if (mu != 0 && kind != Kind.JORDAN) {
            throw new IllegalArgumentException("context decay mu = " + mu + " is defined for Jordan nets only, not "
                    + kind.name().toLowerCase(java.util.Locale.ROOT));
        }
        if (!(initScale > 0) || Double.isInfinite(initScale)) {
            throw new IllegalArgumentException("initial weight scale must be positive, got " + initScale);
        }
    }

    /** An Elman net I:H:O, tanh hidden, linear output, initial weights uniform(-1, 1). */
    public static RecurrentSpec elman(int inputs, int hidden, int outputs) {
        return new RecurrentSpec(Kind.ELMAN, inputs, hidden, outputs, Activations.parse("tanh"),
                Activations.parse("linear"), 0, 1);
    }

    /** A Jordan net I:H:O, tanh hidden, linear output, mu = 0, initial weights uniform(-1, 1). */
    public static RecurrentSpec jordan(int inputs, int hidden, int outputs) {
        return new RecurrentSpec(Kind.JORDAN, inputs, hidden, outputs, Activations.parse("tanh"),
                Activations.parse("linear"), 0, 1);
    }

    /** The same spec with another kind (mu is reset to 0 unless the new kind is Jordan). */
    public RecurrentSpec withKind(Kind k) {
        return new RecurrentSpec(k, inputs, hidden, outputs, hiddenActivation, outputActivation,
                k == Kind.JORDAN ? mu : 0, initScale);
    }

    /** The same spec with hidden activation f and output activation g, by name ("tanh", "linear"). */
    public RecurrentSpec withActivations(String hiddenName, String outputName) {
        return new RecurrentSpec(kind, inputs, hidden, outputs, Activations.parse(hiddenName),
                Activations.parse(outputName), mu, initScale);
    }

    /** The same spec with Jordan's context decay mu. */
    public RecurrentSpec withMu(double m) {
        return new RecurrentSpec(kind, inputs, hidden, outputs, hiddenActivation, outputActivation, m, initScale);
    }

    /** The same spec with initial weights uniform in (-scale, scale). */
    public RecurrentSpec withInitScale(double scale) {
        return new RecurrentSpec(kind, inputs, hidden, outputs, hiddenActivation, outputActivation, mu, scale);
    }

    /** C, the number of context units. */
    public int context() {
        return switch (kind) {
            case ELMAN -> hidden;
            case JORDAN -> outputs;
            case NONE -> 0;
        };
    }

    /** Number of trainable scalars: H*I + H*C + H + O*H + O. */
    public int parameterCount() {
        return hidden * inputs + hidden * context() + hidden + outputs * hidden + outputs;
    }

    private static void positive(String what, int n) {
        if (n < 1) throw new IllegalArgumentException("number of " + what + " must be at least 1, got " + n);
    }

    private static void check(String layer, Activation f) {
        if (f == null) throw new IllegalArgumentException(layer + " activation is missing");
        if (!f.differentiable()) {
            throw new IllegalArgumentException(layer + " activation '" + f.name()
                    + "' has no usable derivative; backpropagation through time needs a differentiable one");
        }
        if (!f.elementwise()) {
            throw new IllegalArgumentException(layer + " activation '" + f.name()
                    + "' is not elementwise; recurrent nets are trained on squared error and need one like tanh or linear");
        }
    }
}
