package org.neurona.loss;

import java.util.Locale;
import org.neurona.activation.Activation;
import org.neurona.activation.Logistic;
import org.neurona.activation.Softmax;

/**
 * What training minimises, per pattern r with outputs a (the net's b-hat) and targets b:
 * <pre>
 *   SSE  l_r = 1/2 sum_o (b_o - a_o)^2          the lecture's E = 1/2 sum (b - b_hat)^2
 *   MSE  l_r = 1/O sum_o (b_o - a_o)^2
 *   CE   l_r = -sum_o b_o log a_o               softmax outputs (categorical cross-entropy)
 *        l_r = -sum_o [b_o log a_o + (1 - b_o) log(1 - a_o)]   logistic outputs (binary)
 * </pre>
 * A batch's error is {@code sum_r l_r} ({@link Reduction#SUM}, the lecture's full-batch SSE) or
 * its mean over the batch ({@link Reduction#MEAN}); the gradient a trainer follows is that of
 * the batch error. Defaults: SSE sums, MSE and CE average (as PyTorch does).
 *
 * <p>With a softmax or logistic (c = 1) output and cross-entropy, the output delta is fused:
 * dE/dz = a - b, computed from the net input z with log-sum-exp so it never overflows.
 *
 * <p>SNNS's output tolerance dmax is honoured when set: an output with |b - a| &lt;= dmax counts as
 * correct and contributes neither error nor gradient (squared-error losses only).
 *
 * @param kind      which function
 * @param reduction sum or mean over the patterns of a batch
 * @param dmax      output error tolerance (0: off)
 */
public record Loss(Kind kind, Reduction reduction, double dmax) {

    /** The loss functions. */
    public enum Kind { SSE, MSE, CE }

    /** How the per-pattern losses of a batch are combined. */
    public enum Reduction { SUM, MEAN }

    /** The lecture's sum of squared errors, summed over patterns. */
    public static final Loss SSE = new Loss(Kind.SSE, Reduction.SUM);
    /** Mean squared error, averaged over patterns and outputs. */
    public static final Loss MSE = new Loss(Kind.MSE, Reduction.MEAN);
    /** Cross-entropy, averaged over patterns. */
    public static final Loss CE = new Loss(Kind.CE, Reduction.MEAN);

    public Loss {
        if (kind == null || reduction == null) throw new IllegalArgumentException("loss kind and reduction are required");
        if (!(dmax >= 0) || Double.isInfinite(dmax)) {
            throw new IllegalArgumentException("output tolerance dmax must be >= 0, got " + dmax);
        }
        if (dmax > 0 && kind == Kind.CE) {
            throw new IllegalArgumentException("an output tolerance dmax applies to squared-error losses, not cross-entropy");
        }
    }

    /** A loss without output tolerance. */
    public Loss(Kind kind, Reduction reduction) {
        this(kind, reduction, 0);
    }

    /** The same loss with SNNS's output tolerance dmax. */
    public Loss withTolerance(double dmax) {
        return new Loss(kind, reduction, dmax);
    }

    /** The same loss with another reduction. */
    public Loss withReduction(Reduction r) {
        return new Loss(kind, r, dmax);
    }

    /**
     * Parses "sse", "mse", "ce" (also "crossentropy"), optionally with ":sum" or ":mean".
     *
     * @throws IllegalArgumentException for other names
     */
    public static Loss parse(String spec) {
        String[] parts = spec.trim().toLowerCase(Locale.ROOT).split(":");
        Loss base = switch (parts[0]) {
            case "sse" -> SSE;
            case "mse" -> MSE;
            case "ce", "crossentropy", "cross-entropy" -> CE;
            default -> throw new IllegalArgumentException("unknown loss '" + spec + "'; expected sse, mse or ce");
        };
        if (parts.length == 1) return base;
        if (parts.length == 2 && parts[1].equals("sum")) return new Loss(base.kind, Reduction.SUM);
        if (parts.length == 2 && parts[1].equals("mean")) return new Loss(base.kind, Reduction.MEAN);
        throw new IllegalArgumentException("loss '" + spec + "': expected a suffix ':sum' or ':mean'");
    }

    /** The canonical spec: "sse", "ce", or with a non-default reduction "sse:mean". */
    public String name() {
        String k = kind.name().toLowerCase(Locale.ROOT);
        String n = reduction == parse(k).reduction ? k : k + ":" + reduction.name().toLowerCase(Locale.ROOT);
        return dmax == 0 ? n : n + " (dmax " + dmax + ")";
    }

    /**
     * Rejects output activations this loss cannot train: cross-entropy needs probabilities
     * (softmax, or logistic with slope 1).
     */
    public void checkOutput(Activation output) {
        if (kind == Kind.CE && !fuses(output)) {
            throw new IllegalArgumentException("cross-entropy loss needs a softmax or logistic output layer, got '"
                    + output.name() + "'");
        }
    }

    /** Whether the output delta is computed directly as dE/dz (cross-entropy on softmax/logistic). */
    public boolean fuses(Activation output) {
        return kind == Kind.CE && (output instanceof Softmax
                || output instanceof Logistic l && l.slope() == 1);
    }

    /**
     * sum_r l_r over {@code rows} patterns (no reduction).
     *
     * @param z net inputs of the output layer (rows, width): used by CE for log-sum-exp
     * @param a outputs (rows, width)
     * @param b targets (rows, width)
     */
    public double value(float[] z, float[] a, float[] b, int rows, int width, Activation output) {
        return value(z, a, b, 0, rows, width, output);
    }

    /**
     * {@link #value(float[], float[], float[], int, int, Activation)} with the targets at
     * {@code b[bo..]}: a pattern's targets read where they lie in a data set, without a copy.
     */
    public double value(float[] z, float[] a, float[] b, int bo, int rows, int width, Activation output) {
        int n = rows * width;
        // ifs rather than a switch on the enum (which reads a lookup array first): the small-net
        // path calls this once per pattern
        if (kind == Kind.SSE) return 0.5 * squares(a, b, bo, n);
        if (kind == Kind.MSE) return squares(a, b, bo, n) / width;
        return output instanceof Softmax ? softmaxCe(z, b, bo, rows, width) : binaryCe(z, b, bo, n);
    }

    private double squares(float[] a, float[] b, int bo, int n) {
        double s = 0;
        for (int i = 0; i < n; i++) {
            double d = b[bo + i] - a[i];
            if (dmax > 0 && Math.abs(d) <= dmax) continue;
            s += d * d;
        }
        return s;
    }

    private static double softmaxCe(float[] z, float[] b, int bo, int rows, int width) {
        double s = 0;
        for (int r = 0; r < rows; r++) {
            int o = r * width;
            double max = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < width; i++) max = Math.max(max, z[o + i]);
            double sum = 0;
            for (int i = 0; i < width; i++) sum += Math.exp(z[o + i] - max);
            double logSum = max + Math.log(sum);
            for (int i = 0; i < width; i++) {
                if (b[bo + o + i] != 0) s -= b[bo + o + i] * (z[o + i] - logSum);
            }
        }
        return s;
    }

    private static double binaryCe(float[] z, float[] b, int bo, int n) {
        // log a = -softplus(-z), log(1 - a) = -softplus(z)
        double s = 0;
        for (int i = 0; i < n; i++) s += b[bo + i] * softplus(-z[i]) + (1 - b[bo + i]) * softplus(z[i]);
        return s;
    }

    private static double softplus(double x) {
        return Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x)));
    }

    /**
     * The output error signal, scaled by {@code scale} (1 for SUM, 1/B for MEAN): dE/dz when
     * {@link #fuses} the output activation, else dE/da. Writes {@code d} only.
     */
    public void delta(float[] a, float[] b, float[] d, int rows, int width, float scale) {
        delta(a, b, 0, d, rows, width, scale);
    }

    /**
     * {@link #delta(float[], float[], float[], int, int, float)} with the targets at
     * {@code b[bo..]}.
     */
    public void delta(float[] a, float[] b, int bo, float[] d, int rows, int width, float scale) {
        int n = rows * width;
        // SSE: d/da 1/2 (b - a)^2 = a - b; CE, fused: dE/dz = a - b
        float k = kind == Kind.MSE ? 2f * scale / width : scale;
        for (int i = 0; i < n; i++) d[i] = k * (a[i] - b[bo + i]);
        if (dmax > 0) {
            for (int i = 0; i < n; i++) if (Math.abs(b[bo + i] - a[i]) <= dmax) d[i] = 0f;
        }
    }

    /** The factor that turns a sum over a batch of {@code rows} patterns into this loss's reduction. */
    public float scale(int rows) {
        return reduction == Reduction.SUM ? 1f : 1f / rows;
    }
}
