package org.neurona.activation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Finds activation functions by name, case-insensitively, with parameters after colons:
 * "logistic", "logistic:2" (slope c = 2), "tanh:0.5", "softexp:0.3", "rrelu:0.1:0.3",
 * "prelu:0.1", "relu", "linear", "softmax", ... The same names are used in model files and on
 * the command line, and {@link Activation#name()} of every function parses back to an equal
 * function.
 *
 * <table>
 *   <caption>Specs, in the order of the lecture's table</caption>
 *   <tr><th>spec</th><th>function</th><th>parameters (default)</th></tr>
 *   <tr><td>linear (identity)</td><td>{@link Linear}</td><td></td></tr>
 *   <tr><td>sign (sgn)</td><td>{@link Sign}</td><td></td></tr>
 *   <tr><td>step (heaviside)</td><td>{@link Step}</td><td></td></tr>
 *   <tr><td>logistic (sigmoid)</td><td>{@link Logistic}</td><td>c (1)</td></tr>
 *   <tr><td>tanh</td><td>{@link Tanh}</td><td>c (1)</td></tr>
 *   <tr><td>softsign</td><td>{@link SoftSign}</td><td></td></tr>
 *   <tr><td>softplus</td><td>{@link SoftPlus}</td><td></td></tr>
 *   <tr><td>softexp (softexponential)</td><td>{@link SoftExponential}</td><td>alpha (0.3)</td></tr>
 *   <tr><td>sinusoid (sin)</td><td>{@link Sinusoid}</td><td></td></tr>
 *   <tr><td>sinc</td><td>{@link Sinc}</td><td></td></tr>
 *   <tr><td>selu</td><td>{@link Selu}</td><td></td></tr>
 *   <tr><td>relu</td><td>{@link ReLU}</td><td></td></tr>
 *   <tr><td>leakyrelu</td><td>{@link LeakyReLU}</td><td>slope (0.01)</td></tr>
 *   <tr><td>rrelu</td><td>{@link RReLU}</td><td>l:u (1/8:1/3)</td></tr>
 *   <tr><td>prelu</td><td>{@link PReLU}</td><td>initial slope (0.25)</td></tr>
 *   <tr><td>softmax</td><td>{@link Softmax}</td><td></td></tr>
 * </table>
 */
public final class Activations {
    private Activations() {}

    /** The canonical function names, in the order of the lecture's table (for help and plots). */
    public static final List<String> NAMES = List.of(
            "linear", "sign", "step", "logistic", "tanh", "softsign", "softplus", "softexp",
            "sinusoid", "sinc", "selu", "relu", "leakyrelu", "rrelu", "prelu", "softmax");

    /** Other accepted names and the canonical name each stands for. */
    public static final Map<String, String> ALIASES = Map.of(
            "identity", "linear",
            "sgn", "sign",
            "heaviside", "step",
            "sigmoid", "logistic",
            "softexponential", "softexp",
            "sin", "sinusoid");

    /**
     * One instance of every function, with default parameters ({@code parse(name)}), in the order
     * of {@link #NAMES}. For plots and tables; note that {@link Softmax} is not elementwise and has
     * no scalar value.
     */
    public static List<Activation> table() {
        List<Activation> t = new ArrayList<>(NAMES.size());
        for (String n : NAMES) t.add(parse(n));
        return List.copyOf(t);
    }

    /**
     * The activation named by {@code spec}: a name from {@link #NAMES} or {@link #ALIASES},
     * any case, then its parameters separated by colons.
     *
     * @throws IllegalArgumentException naming the spec and what was expected: for an unknown
     *         name it suggests the closest known one; for wrong parameters it gives the form
     */
    public static Activation parse(String spec) {
        if (spec == null || spec.isBlank()) {
            throw new IllegalArgumentException("empty activation name; expected one of " + NAMES);
        }
        String[] parts = spec.trim().split(":", -1);
        String name = canonical(parts[0].trim().toLowerCase(Locale.ROOT));
        if (name == null) {
            throw new IllegalArgumentException("unknown activation '" + spec + "'; did you mean '"
                    + suggest(parts[0]) + "'? Known: " + String.join(", ", NAMES) + "; also "
                    + String.join(", ", new java.util.TreeSet<>(ALIASES.keySet())));
        }
        double[] p = new double[parts.length - 1];
        for (int i = 1; i < parts.length; i++) {
            String s = parts[i].trim();
            try {
                p[i - 1] = Double.parseDouble(s);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("activation '" + spec + "': parameter " + i + " '" + s
                        + "' is not a number; expected " + form(name));
            }
        }
        try {
            return switch (name) {
                case "linear" -> arity(spec, name, p, 0, 0, () -> new Linear());
                case "sign" -> arity(spec, name, p, 0, 0, () -> new Sign());
                case "step" -> arity(spec, name, p, 0, 0, () -> new Step());
                case "logistic" -> arity(spec, name, p, 0, 1, () -> new Logistic(p.length == 0 ? 1 : p[0]));
                case "tanh" -> arity(spec, name, p, 0, 1, () -> new Tanh(p.length == 0 ? 1 : p[0]));
                case "softsign" -> arity(spec, name, p, 0, 0, () -> new SoftSign());
                case "softplus" -> arity(spec, name, p, 0, 0, () -> new SoftPlus());
                case "softexp" -> arity(spec, name, p, 0, 1,
                        () -> new SoftExponential(p.length == 0 ? SoftExponential.DEFAULT_ALPHA : p[0]));
                case "sinusoid" -> arity(spec, name, p, 0, 0, () -> new Sinusoid());
                case "sinc" -> arity(spec, name, p, 0, 0, () -> new Sinc());
                case "selu" -> arity(spec, name, p, 0, 0, () -> new Selu());
                case "relu" -> arity(spec, name, p, 0, 0, () -> new ReLU());
                case "leakyrelu" -> arity(spec, name, p, 0, 1,
                        () -> new LeakyReLU(p.length == 0 ? LeakyReLU.DEFAULT_SLOPE : p[0]));
                case "rrelu" -> {
                    if (p.length == 1) {
                        throw new IllegalArgumentException("activation '" + spec
                                + "' has 1 parameter; expected none or both bounds: " + form(name));
                    }
                    yield arity(spec, name, p, 0, 2, () -> p.length == 0 ? new RReLU() : new RReLU(p[0], p[1]));
                }
                case "prelu" -> arity(spec, name, p, 0, 1,
                        () -> new PReLU(p.length == 0 ? PReLU.DEFAULT_SLOPE : p[0]));
                case "softmax" -> arity(spec, name, p, 0, 0, () -> new Softmax());
                default -> throw new AssertionError("name in NAMES without a case: " + name);
            };
        } catch (IllegalArgumentException e) {
            if (e.getMessage().startsWith("activation '")) throw e;
            throw new IllegalArgumentException("activation '" + spec + "': " + e.getMessage(), e);
        }
    }

    /** The usage form of a canonical name, for messages: "rrelu[:l:u]". */
    static String form(String name) {
        return switch (name) {
            case "logistic", "tanh" -> name + "[:c]";
            case "softexp" -> "softexp[:alpha]";
            case "leakyrelu", "prelu" -> name + "[:slope]";
            case "rrelu" -> "rrelu[:l:u]";
            default -> name + " (no parameters)";
        };
    }

    private static Activation arity(String spec, String name, double[] p, int min, int max,
                                    java.util.function.Supplier<Activation> make) {
        if (p.length < min || p.length > max) {
            String want = min == max ? Integer.toString(min) : min + " to " + max;
            throw new IllegalArgumentException("activation '" + spec + "' has " + p.length + " parameter"
                    + (p.length == 1 ? "" : "s") + "; expected " + want + ": " + form(name));
        }
        return make.get();
    }

    /** The canonical name for a name or alias (lower case), or null. */
    private static String canonical(String name) {
        if (NAMES.contains(name)) return name;
        return ALIASES.get(name);
    }

    /**
     * The known name (from {@link #NAMES} or {@link #ALIASES}) closest to {@code name}, ignoring
     * case and any ":parameters": the shortest name that begins with it when it has at least three
     * letters ("leaky" gives "leakyrelu"), otherwise the name at the smallest edit (Levenshtein)
     * distance, ties going to the earlier name in {@link #NAMES}, then to aliases in alphabetical
     * order. Never null: the caller decides whether it is close enough to offer ("did you mean ...?").
     */
    public static String suggest(String name) {
        String n = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        int colon = n.indexOf(':');
        if (colon >= 0) n = n.substring(0, colon);
        String best = NAMES.get(0);
        int bestD = Integer.MAX_VALUE;
        List<String> candidates = new ArrayList<>(NAMES);
        ALIASES.keySet().stream().sorted().forEach(candidates::add);
        if (n.length() >= 3) {
            String prefixed = null;
            for (String c : candidates) {
                if (c.startsWith(n) && (prefixed == null || c.length() < prefixed.length())) prefixed = c;
            }
            if (prefixed != null) return prefixed;
        }
        for (String c : candidates) {
            int d = editDistance(n, c);
            if (d < bestD) {
                bestD = d;
                best = c;
            }
        }
        return best;
    }

    /** Levenshtein distance: insertions, deletions and substitutions each cost 1. */
    static int editDistance(String a, String b) {
        int[] prev = new int[b.length() + 1], cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) prev[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                cur[j] = Math.min(sub, Math.min(prev[j], cur[j - 1]) + 1);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    /** A parameter as it appears in a canonical name: "2" rather than "2.0"; parses back exactly. */
    static String format(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return Long.toString((long) v);
        return Double.toString(v);
    }
}
