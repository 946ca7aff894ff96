package org.neurona.activation;

import java.util.Locale;

/**
 * Finds activation functions by name, case-insensitively, with parameters after colons:
 * "logistic", "logistic:2" (slope c = 2), "tanh:0.5", "relu", "linear", "softmax", ...
 * The same names are used in model files and on the command line.
 */
public final class Activations {
    private Activations() {}

    /** The names {@link #parse} accepts, for help texts and "did you mean" suggestions. */
    public static final java.util.List<String> NAMES = java.util.List.of(
            "linear", "logistic", "tanh", "relu", "softmax");

    /**
     * The activation named by {@code spec}.
     *
     * @throws IllegalArgumentException naming the spec and what was expected
     */
    public static Activation parse(String spec) {
        if (spec == null || spec.isBlank()) {
            throw new IllegalArgumentException("empty activation name; expected one of " + NAMES);
        }
        String[] parts = spec.trim().toLowerCase(Locale.ROOT).split(":", -1);
        String name = parts[0];
        double[] p = new double[parts.length - 1];
        for (int i = 1; i < parts.length; i++) {
            try {
                p[i - 1] = Double.parseDouble(parts[i]);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("activation '" + spec + "': parameter '" + parts[i]
                        + "' is not a number");
            }
        }
        return switch (name) {
            case "linear", "identity" -> noParams(spec, p, new Linear());
            case "logistic", "sigmoid" -> new Logistic(param(spec, p, 0, 1));
            case "tanh" -> new Tanh(param(spec, p, 0, 1));
            case "relu" -> noParams(spec, p, new ReLU());
            case "softmax" -> noParams(spec, p, new Softmax());
            default -> throw new IllegalArgumentException("unknown activation '" + spec + "'; expected one of "
                    + NAMES);
        };
    }

    private static Activation noParams(String spec, double[] p, Activation a) {
        if (p.length > 0) throw new IllegalArgumentException("activation '" + spec + "' takes no parameters");
        return a;
    }

    private static double param(String spec, double[] p, int i, double dflt) {
        if (p.length > i + 1) throw new IllegalArgumentException("activation '" + spec + "' has too many parameters");
        return i < p.length ? p[i] : dflt;
    }

    /** A parameter as it appears in a canonical name: "2" rather than "2.0". */
    static String format(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return Long.toString((long) v);
        return Double.toString(v);
    }
}
