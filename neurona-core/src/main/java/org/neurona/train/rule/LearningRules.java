package org.neurona.train.rule;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.neurona.layer.Param;

/**
 * Learning rules found by name, as the command line's {@code --learn NAME[:p1[:p2...]]} and
 * model files spell them, case-insensitively, with the names of SNNS/RSNNS learning functions
 * accepted with SNNS's parameter order. docs/LEARNING.md has the full table.
 *
 * <p>An SNNS learning function is more than an update rule: it also fixes how patterns are
 * presented (online, batch, chunks), whether the batch gradient is averaged, the flat-spot
 * constant added to f'(net) in the backward pass, and dmax, the error tolerance below which an
 * output's error is ignored. {@link #parse} therefore returns a {@link Setup}: the
 * {@link LearningRule} plus those settings, which the trainer reads.
 *
 * <pre>
 *   neurona name        SNNS name              parameters (missing ones take the default)
 *   sgd                                        eta=0.1 alpha=0
 *   momentum                                   eta=0.1 alpha=0.9
 *   nesterov                                   eta=0.1 alpha=0.9
 *                       Std_Backpropagation    eta=0.2 dmax=0                       online
 *                       BackpropMomentum       eta=0.2 alpha=0 c=0 dmax=0           online
 *                       BackpropBatch          eta=0.2 dmax=0                       batch, averaged
 *                       BackpropChunk          eta=0.2 dmax=0 N=1                   chunks of N, averaged
 *                       BackpropWeightDecay    eta=0.2 d=0 dmin=0 dmax=0            online
 *   rprop               Rprop                  delta0=0.1 deltamax=50 a=0           batch
 *   irprop+                                    delta0=0.1 deltamax=50               batch
 *   quickprop           Quickprop              eta=0.2 mu=1.75 nu=0.0001 dmax=0     batch, c=0.1
 *   scg                 SCG                    sigma1=1e-4 lambda1=1e-6 dmax=0 tol=1e-8   full batch
 *   adam                                       eta=0.001 beta1=0.9 beta2=0.999 eps=1e-8
 *   rmsprop                                    eta=0.001 rho=0.9 eps=1e-8
 *   adagrad                                    eta=0.01 eps=1e-10
 * </pre>
 * As in SNNS, a 0 for Rprop's delta0 and deltamax and for SCG's sigma1, lambda1 and tolerance
 * means "the default", and Rprop's delta0 is capped at deltamax. The SNNS defaults of eta and of
 * the missing parameters are RSNNS's: {@code learnFuncParams = c(0.2, 0)} padded with zeros.
 */
public final class LearningRules {

    private LearningRules() {
    }

    /** How the trainer presents patterns for a rule. */
    public enum Presentation {
        /** Update after every pattern (SNNS's Std_Backpropagation, BackpropMomentum). */
        ONLINE,
        /** One update per epoch from the gradient over all patterns (Rprop, Quickprop, SCG). */
        BATCH,
        /** One update per {@link Setup#chunkSize()} patterns (SNNS's BackpropChunk). */
        CHUNK,
        /** The rule works with any presentation: the trainer's options decide. */
        ANY
    }

    /**
     * A parsed learning function: the rule and the settings it implies for the trainer.
     *
     * @param spec         the canonical spec, with every parameter spelled out
     * @param rule         the update rule
     * @param presentation how patterns are presented
     * @param chunkSize    patterns per update for {@link Presentation#CHUNK}, else 0
     * @param averaged     the batch gradient is divided by the number of patterns in the batch or
     *                     chunk (SNNS's BackpropBatch and BackpropChunk divide eta by it)
     * @param flatSpot     constant c added to the activation derivative in the backward pass,
     *                     f'(net) + c (Fahlman's flat-spot elimination; 0 = off)
     * @param dmax         output error tolerance: an output with |target - output| &lt;= dmax
     *                     contributes neither error nor gradient, as in SNNS (0 = off)
     */
    public record Setup(String spec, LearningRule rule, Presentation presentation, int chunkSize,
                        boolean averaged, double flatSpot, double dmax) {
        public Setup {
            if (rule == null || presentation == null) {
                throw new IllegalArgumentException("learning setup: rule and presentation must not be null");
            }
            if ((presentation == Presentation.CHUNK) != (chunkSize > 0)) {
                throw new IllegalArgumentException("learning setup: chunk size " + chunkSize
                        + " does not fit presentation " + presentation);
            }
            if (!(flatSpot >= 0) || Double.isInfinite(flatSpot)) {
                throw new IllegalArgumentException("flat-spot constant c must be finite and >= 0, got " + flatSpot);
            }
            if (!(dmax >= 0) || Double.isInfinite(dmax)) {
                throw new IllegalArgumentException("dmax (output error tolerance) must be finite and >= 0, got " + dmax);
            }
        }
    }

    /**
     * SNNS's BackpropWeightDecay update around another rule: before the inner rule's step, every
     * parameter (biases too, as in SNNS) shrinks by the factor d:
     * <pre>
     *   w = w - d w          then the inner rule:  w = w - eta dE/dw  (for plain gradient descent)
     * </pre>
     * which for plain gradient descent is exactly SNNS's w(t+1) = w(t) - eta dE/dw - d w(t).
     * d is not multiplied by eta; compare an L2 term lambda w^2 in the loss, which decays by
     * 2 eta lambda w.
     *
     * @param inner the rule that applies the gradient
     * @param d     decay factor per update, in [0, 1)
     */
    public record WeightDecay(LearningRule inner, double d) implements LearningRule {
        public WeightDecay {
            if (inner == null) {
                throw new IllegalArgumentException("weight decay: inner rule must not be null");
            }
            if (!(d >= 0 && d < 1)) {
                throw new IllegalArgumentException("weight decay d must be in [0, 1), got " + d);
            }
        }

        /** "BackpropWeightDecay:eta:d:0.0:0.0" around plain gradient descent, else "decay:d+" + the inner name. */
        @Override
        public String name() {
            if (inner instanceof Sgd sgd && sgd.alpha() == 0) {
                return "BackpropWeightDecay:" + sgd.eta() + ":" + d + ":0.0:0.0";
            }
            return "decay:" + d + "+" + inner.name();
        }

        @Override
        public double learningRate() {
            return inner.learningRate();
        }

        @Override
        public Optimizer create(List<Param> params) {
            Optimizer optimizer = inner.create(params);
            Param[] all = params.toArray(Param[]::new);
            float keep = (float) (1 - d);
            return new Optimizer() {
                @Override
                public void step() {
                    for (Param param : all) {
                        float[] w = param.value();
                        for (int j = 0; j < w.length; j++) {
                            w[j] *= keep;
                        }
                    }
                    optimizer.step();
                }

                @Override
                public void learningRate(double eta) {
                    optimizer.learningRate(eta);
                }
            };
        }
    }

    private record Entry(String name, String[] params, double[] defaults) {
    }

    // One row per name; the order of params is the order on the command line.
    private static final List<Entry> ENTRIES = List.of(
            new Entry("sgd", new String[] {"eta", "alpha"}, new double[] {0.1, 0}),
            new Entry("momentum", new String[] {"eta", "alpha"}, new double[] {0.1, 0.9}),
            new Entry("nesterov", new String[] {"eta", "alpha"}, new double[] {0.1, 0.9}),
            new Entry("Std_Backpropagation", new String[] {"eta", "dmax"}, new double[] {0.2, 0}),
            new Entry("BackpropMomentum", new String[] {"eta", "alpha", "c", "dmax"}, new double[] {0.2, 0, 0, 0}),
            new Entry("BackpropBatch", new String[] {"eta", "dmax"}, new double[] {0.2, 0}),
            new Entry("BackpropChunk", new String[] {"eta", "dmax", "N"}, new double[] {0.2, 0, 1}),
            new Entry("BackpropWeightDecay", new String[] {"eta", "d", "dmin", "dmax"}, new double[] {0.2, 0, 0, 0}),
            new Entry("Rprop", new String[] {"delta0", "deltamax", "a"}, new double[] {0.1, 50, 0}),
            new Entry("irprop+", new String[] {"delta0", "deltamax"}, new double[] {0.1, 50}),
            new Entry("Quickprop", new String[] {"eta", "mu", "nu", "dmax"}, new double[] {0.2, 1.75, 0.0001, 0}),
            new Entry("SCG", new String[] {"sigma1", "lambda1", "dmax", "tol"}, new double[] {1e-4, 1e-6, 0, 1e-8}),
            new Entry("adam", new String[] {"eta", "beta1", "beta2", "eps"}, new double[] {0.001, 0.9, 0.999, 1e-8}),
            new Entry("rmsprop", new String[] {"eta", "rho", "eps"}, new double[] {0.001, 0.9, 1e-8}),
            new Entry("adagrad", new String[] {"eta", "eps"}, new double[] {0.01, 1e-10}));

    /** The names {@link #parse} accepts, as they are spelled in the docs. */
    public static List<String> names() {
        List<String> names = new ArrayList<>();
        for (Entry entry : ENTRIES) {
            names.add(entry.name());
        }
        return names;
    }

    /**
     * Parses "NAME[:p1[:p2...]]" (see the class comment for names, parameters and defaults).
     *
     * @throws IllegalArgumentException for an unknown name (naming the closest known one), too
     *         many parameters, a parameter that is not a number or a value out of range
     */
    public static Setup parse(String spec) {
        if (spec == null || spec.isBlank()) {
            throw new IllegalArgumentException("learning rule: empty spec, expected NAME[:params], one of " + names());
        }
        String[] parts = spec.trim().split(":", -1);
        String name = parts[0].trim();
        Entry entry = find(name);
        if (parts.length - 1 > entry.params().length) {
            throw new IllegalArgumentException("learning rule '" + spec + "' has " + (parts.length - 1)
                    + " parameters, " + entry.name() + " takes at most " + entry.params().length + ": "
                    + String.join(":", entry.params()));
        }
        double[] p = entry.defaults().clone();
        for (int i = 1; i < parts.length; i++) {
            String text = parts[i].trim();
            if (text.isEmpty()) {
                continue; // "rprop::40" keeps the default delta0
            }
            try {
                p[i - 1] = Double.parseDouble(text);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("learning rule '" + spec + "': parameter " + entry.params()[i - 1]
                        + " = '" + text + "' is not a number");
            }
            if (!Double.isFinite(p[i - 1])) {
                throw new IllegalArgumentException("learning rule '" + spec + "': parameter " + entry.params()[i - 1]
                        + " must be finite, got " + text);
            }
        }
        return build(entry, p);
    }

    private static Setup build(Entry entry, double[] p) {
        String spec = entry.name() + ":" + join(p);
        switch (entry.name()) {
            case "sgd":
                return new Setup(spec, new Sgd(p[0], p[1]), Presentation.ANY, 0, false, 0, 0);
            case "momentum":
                return new Setup(spec, new Sgd(p[0], p[1]), Presentation.ANY, 0, false, 0, 0);
            case "nesterov":
                return new Setup(spec, new Sgd(p[0], p[1], true), Presentation.ANY, 0, false, 0, 0);
            case "Std_Backpropagation":
                return new Setup(spec, new Sgd(p[0], 0), Presentation.ONLINE, 0, false, 0, p[1]);
            case "BackpropMomentum":
                return new Setup(spec, new Sgd(p[0], p[1]), Presentation.ONLINE, 0, false, p[2], p[3]);
            case "BackpropBatch":
                return new Setup(spec, new Sgd(p[0], 0), Presentation.BATCH, 0, true, 0, p[1]);
            case "BackpropChunk": {
                // SNNS updates after max(N, 1) patterns: N = 0 behaves as online.
                int n = (int) Math.max(1, p[2]);
                if (p[2] != Math.rint(p[2]) || p[2] < 0) {
                    throw new IllegalArgumentException("BackpropChunk: chunk size N must be a whole number >= 0, got " + p[2]);
                }
                return new Setup(spec, new Sgd(p[0], 0), Presentation.CHUNK, n, true, 0, p[1]);
            }
            case "BackpropWeightDecay":
                if (p[2] != 0) {
                    throw new IllegalArgumentException("BackpropWeightDecay: dmin = " + p[2]
                            + " asks SNNS to delete links with smaller weights; neurona does not prune, use dmin = 0");
                }
                return new Setup(spec, new WeightDecay(new Sgd(p[0], 0), p[1]), Presentation.ONLINE, 0, false, 0, p[3]);
            case "Rprop": {
                double deltaMax = p[1] == 0 ? 50 : p[1];
                double delta0 = Math.min(p[0] == 0 ? 0.1 : p[0], deltaMax);
                return new Setup(spec, new Rprop(delta0, deltaMax, p[2]), Presentation.BATCH, 0, false, 0, 0);
            }
            case "irprop+":
                return new Setup(spec, new IRpropPlus(p[0], p[1]), Presentation.BATCH, 0, false, 0, 0);
            case "Quickprop":
                return new Setup(spec, new Quickprop(p[0], p[1], p[2]), Presentation.BATCH, 0, false, 0.1, p[3]);
            case "SCG":
                return new Setup(spec, new Scg(p[0] == 0 ? 1e-4 : p[0], p[1] == 0 ? 1e-6 : p[1], p[3] == 0 ? 1e-8 : p[3]),
                        Presentation.BATCH, 0, false, 0, p[2]);
            case "adam":
                return new Setup(spec, new Adam(p[0], p[1], p[2], p[3]), Presentation.ANY, 0, false, 0, 0);
            case "rmsprop":
                return new Setup(spec, new RmsProp(p[0], p[1], p[2]), Presentation.ANY, 0, false, 0, 0);
            case "adagrad":
                return new Setup(spec, new AdaGrad(p[0], p[1]), Presentation.ANY, 0, false, 0, 0);
            default:
                throw new IllegalStateException("no builder for " + entry.name());
        }
    }

    private static Entry find(String name) {
        String key = name.toLowerCase(Locale.ROOT);
        Entry closest = null;
        int best = Integer.MAX_VALUE;
        for (Entry entry : ENTRIES) {
            String candidate = entry.name().toLowerCase(Locale.ROOT);
            if (candidate.equals(key)) {
                return entry;
            }
            int distance = editDistance(key, candidate);
            if (distance < best) {
                best = distance;
                closest = entry;
            }
        }
        throw new IllegalArgumentException("unknown learning rule '" + name + "', did you mean '" + closest.name()
                + "'? Known: " + String.join(", ", names()));
    }

    /** Levenshtein distance. */
    static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1], current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitute = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitute, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    private static String join(double[] values) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                text.append(':');
            }
            text.append(values[i]);
        }
        return text.toString();
    }

    // Validation and state helpers shared by the rules of this package.

    static void positive(String what, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(what + " must be positive and finite, got " + value);
        }
    }

    static void unitInterval(String what, double value) {
        if (!(value >= 0 && value < 1)) {
            throw new IllegalArgumentException(what + " must be in [0, 1), got " + value);
        }
    }

    static float[][] zerosLike(Param[] params) {
        float[][] zeros = new float[params.length][];
        for (int i = 0; i < params.length; i++) {
            zeros[i] = new float[params[i].size()];
        }
        return zeros;
    }
}
