package org.neurona.net.hopfield;

import java.util.ArrayList;
import java.util.List;
import org.neurona.math.Rng;

/**
 * A Hopfield autoassociative memory (Hopfield 1982): N bipolar units, symmetric weights W (N, N)
 * computed once from the stored patterns by the rule in {@link HopfieldSpec}, thresholds zero.
 * Recall moves a probe downhill in the energy
 * <pre>
 *   E(s) = -1/2 s^T W s
 * </pre>
 * which never increases under asynchronous updates when W is symmetric with a non-negative
 * diagonal: flipping unit i changes E by -2 |h_i| - 2 W_ii &lt;= 0, h_i = sum_j W_ij s_j.
 *
 * <p>Hebb's rule recalls random patterns up to about 0.138 N (Amit, Gutfreund and Sompolinsky
 * 1985); beyond that recall collapses into spurious states (docs/UNSUPERVISED.md has the
 * measured numbers). Weights are kept in double so that ties (h_i = 0) are exact.
 */
public final class Hopfield {
    private final HopfieldSpec spec;
    private final HopfieldPatterns stored;
    private final int n;
    private final double[] w; // (N, N), symmetric

    private Hopfield(HopfieldSpec spec, HopfieldPatterns stored, double[] w) {
        this.spec = spec;
        this.stored = stored;
        this.n = stored.units();
        this.w = w;
    }

    /**
     * Stores the patterns by the spec's rule.
     *
     * @throws IllegalArgumentException for no patterns, or, for the projection rule, patterns
     *                                  that are linearly dependent (a repeated pattern, or more than N)
     */
    public static Hopfield store(HopfieldSpec spec, HopfieldPatterns patterns) {
        if (patterns.rows() < 1) throw new IllegalArgumentException("no patterns to store; a Hopfield memory needs at least one");
        double[] w = spec.rule() == HopfieldSpec.Rule.HEBB ? hebb(patterns) : projection(patterns);
        int n = patterns.units();
        if (spec.zeroDiagonal()) for (int i = 0; i < n; i++) w[i * n + i] = 0;
        return new Hopfield(spec, patterns, w);
    }

    /** A memory with the given weights (N, N), e.g. read from a model file; W must be symmetric. The array is copied. */
    public static Hopfield of(HopfieldSpec spec, HopfieldPatterns stored, double[] weights) {
        int n = stored.units();
        if (weights.length != (long) n * n) {
            throw new IllegalArgumentException("Hopfield weights have " + weights.length + " values; " + n + " units need " + (long) n * n);
        }
        for (int i = 0; i < n; i++) {
            if (weights[i * n + i] < 0) throw new IllegalArgumentException("W[" + i + "][" + i + "] is " + weights[i * n + i] + "; expected >= 0");
            for (int j = 0; j < i; j++) {
                if (weights[i * n + j] != weights[j * n + i]) {
                    throw new IllegalArgumentException("W[" + i + "][" + j + "] = " + weights[i * n + j] + " but W[" + j + "][" + i + "] = "
                            + weights[j * n + i] + "; Hopfield weights must be symmetric");
                }
            }
        }
        return new Hopfield(spec, stored, weights.clone());
    }

    /** W = (1/N) sum_mu p_mu p_mu^T, diagonal included (zeroed by the caller). */
    private static double[] hebb(HopfieldPatterns pat) {
        int n = pat.units(), pn = pat.rows();
        int[] s = pat.s();
        int[] sum = new int[n * n]; // integer sums are exact; divide once
        for (int mu = 0; mu < pn; mu++) {
            int o = mu * n;
            for (int i = 0; i < n; i++) {
                int si = s[o + i], row = i * n;
                for (int j = 0; j < n; j++) sum[row + j] += si * s[o + j];
            }
        }
        double[] w = new double[n * n];
        for (int k = 0; k < w.length; k++) w[k] = (double) sum[k] / n;
        return w;
    }

    /**
     * W = P (P^T P)^-1 P^T with P (N, P') the patterns as columns: the orthogonal projection onto
     * their span. G = P^T P (P', P') is solved by Cholesky, G X = P^T.
     */
    private static double[] projection(HopfieldPatterns pat) {
        int n = pat.units(), pn = pat.rows();
        int[] s = pat.s(); // (P', N): row mu is column mu of P
        if (pn > n) {
            throw new IllegalArgumentException(pn + " patterns of " + n + " units: the projection rule stores at most N = " + n
                    + " linearly independent patterns");
        }
        double[] g = new double[pn * pn];
        for (int a = 0; a < pn; a++) {
            for (int b = 0; b <= a; b++) {
                long dot = 0;
                for (int i = 0; i < n; i++) dot += s[a * n + i] * s[b * n + i];
                g[a * pn + b] = dot;
                g[b * pn + a] = dot;
            }
        }
        double[] x = new double[pn * n]; // (P', N), starts as P^T, ends as G^-1 P^T
        for (int k = 0; k < x.length; k++) x[k] = s[k];
        choleskySolve(g, pn, x, n);
        double[] w = new double[n * n];
        for (int a = 0; a < pn; a++) {
            for (int i = 0; i < n; i++) {
                double pi = s[a * n + i];
                int row = i * n, xo = a * n;
                for (int j = 0; j < n; j++) w[row + j] += pi * x[xo + j];
            }
        }
        // rounding leaves W a hair off symmetric; the energy argument needs it exactly symmetric
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++) {
                double m = 0.5 * (w[i * n + j] + w[j * n + i]);
                w[i * n + j] = m;
                w[j * n + i] = m;
            }
        }
        return w;
    }

    /**
     * Solves G X = B in place for symmetric positive definite G (m, m); B (m, r) is overwritten
     * with X. G is overwritten with its Cholesky factor L (G = L L^T, lower triangle).
     */
    static void choleskySolve(double[] g, int m, double[] b, int r) {
        for (int j = 0; j < m; j++) {
            double d = g[j * m + j];
            for (int k = 0; k < j; k++) d -= g[j * m + k] * g[j * m + k];
            // G's diagonal is N for bipolar patterns; a pivot this small means pattern j lies in the span of the earlier ones
            if (!(d > 1e-9 * Math.abs(g[j * m + j]))) {
                throw new IllegalArgumentException("stored pattern " + (j + 1) + " is a linear combination of the patterns before it"
                        + " (e.g. a repeat); the projection rule needs linearly independent patterns");
            }
            double ljj = Math.sqrt(d);
            g[j * m + j] = ljj;
            for (int i = j + 1; i < m; i++) {
                double v = g[i * m + j];
                for (int k = 0; k < j; k++) v -= g[i * m + k] * g[j * m + k];
                g[i * m + j] = v / ljj;
            }
        }
        for (int c = 0; c < r; c++) {
            for (int i = 0; i < m; i++) { // L y = b
                double v = b[i * r + c];
                for (int k = 0; k < i; k++) v -= g[i * m + k] * b[k * r + c];
                b[i * r + c] = v / g[i * m + i];
            }
            for (int i = m - 1; i >= 0; i--) { // L^T x = y
                double v = b[i * r + c];
                for (int k = i + 1; k < m; k++) v -= g[k * m + i] * b[k * r + c];
                b[i * r + c] = v / g[i * m + i];
            }
        }
    }

    public HopfieldSpec spec() {
        return spec;
    }

    /** N. */
    public int units() {
        return n;
    }

    /** The stored patterns. */
    public HopfieldPatterns stored() {
        return stored;
    }

    /** The weights (N, N) row-major, a copy. */
    public double[] weights() {
        return w.clone();
    }

    /** E = -1/2 s^T W s for a bipolar state s (N). */
    public double energy(int[] s) {
        checkWidth(s);
        double e = 0;
        for (int i = 0; i < n; i++) e += s[i] * field(i, s);
        return -0.5 * e;
    }

    /** The local field h_i = sum_j W_ij s_j. */
    private double field(int i, int[] s) {
        double h = 0;
        int row = i * n;
        for (int j = 0; j < n; j++) h += w[row + j] * s[j];
        return h;
    }

    /** Index of the stored pattern equal to s, or -1. */
    public int match(int[] s) {
        checkWidth(s);
        int[] p = stored.s();
        outer:
        for (int mu = 0; mu < stored.rows(); mu++) {
            for (int i = 0; i < n; i++) if (p[mu * n + i] != s[i]) continue outer;
            return mu;
        }
        return -1;
    }

    /** Recalls from a bipolar probe (N) with the spec's update mode; {@code rng} orders the asynchronous updates. */
    public HopfieldRecall recall(int[] probe, Rng rng) {
        return recall(probe, rng, null);
    }

    /** As {@link #recall(int[], Rng)}, telling {@code observer} (may be null) about every update. */
    public HopfieldRecall recall(int[] probe, Rng rng, HopfieldObserver observer) {
        checkWidth(probe);
        for (int i = 0; i < n; i++) {
            if (probe[i] != 1 && probe[i] != -1) {
                throw new IllegalArgumentException("probe unit " + (i + 1) + " is " + probe[i] + "; expected a bipolar state -1 or +1");
            }
        }
        int[] s = probe.clone();
        int sweeps = 0;
        boolean converged = false;
        int[] next = spec.update() == HopfieldSpec.Update.SYNC ? new int[n] : null;
        while (sweeps < spec.maxSweeps() && !converged) {
            sweeps++;
            boolean changed = false;
            if (next == null) {
                for (int i : rng.permutation(n)) {
                    double h = field(i, s);
                    int v = h > 0 ? 1 : h < 0 ? -1 : s[i];
                    if (v != s[i]) {
                        s[i] = v;
                        changed = true;
                    }
                    if (observer != null) observer.updated(i, s);
                }
            } else {
                for (int i = 0; i < n; i++) {
                    double h = field(i, s);
                    next[i] = h > 0 ? 1 : h < 0 ? -1 : s[i];
                    changed |= next[i] != s[i];
                }
                System.arraycopy(next, 0, s, 0, n);
                if (observer != null) observer.updated(-1, s);
            }
            converged = !changed;
        }
        return new HopfieldRecall(s, converged, sweeps, energy(s), match(s));
    }

    /**
     * Recalls every probe, in order. Probe k's asynchronous order comes from the k-th split of
     * {@code new Rng(spec.seed())}, so results depend only on the seed and the probes.
     *
     * @throws IllegalArgumentException if the probes' width is not N
     */
    public List<HopfieldRecall> recallAll(HopfieldPatterns probes) {
        if (probes.units() != n) {
            throw new IllegalArgumentException("probes have " + probes.units() + " units; the memory has " + n);
        }
        Rng root = new Rng(spec.seed());
        List<HopfieldRecall> out = new ArrayList<>(probes.rows());
        for (int k = 0; k < probes.rows(); k++) out.add(recall(probes.row(k), root.split()));
        return out;
    }

    private void checkWidth(int[] s) {
        if (s.length != n) throw new IllegalArgumentException("state has " + s.length + " units; the memory has " + n);
    }

    @Override
    public String toString() {
        return "Hopfield[" + n + " units, " + stored.rows() + " patterns, " + spec.rule() + "]";
    }

    /** The stored pattern mu (0-based) as bipolar values. */
    public int[] pattern(int mu) {
        return stored.row(mu);
    }

    /** Whether a state is a fixed point: no unit would change (every h_i agrees with s_i or is 0). */
    public boolean isFixedPoint(int[] s) {
        checkWidth(s);
        for (int i = 0; i < n; i++) {
            double h = field(i, s);
            if ((h > 0 && s[i] < 0) || (h < 0 && s[i] > 0)) return false;
        }
        return true;
    }
}
