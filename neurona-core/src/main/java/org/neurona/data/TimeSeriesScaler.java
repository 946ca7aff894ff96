package org.neurona.data;

import java.util.Arrays;
import java.util.Locale;

/**
 * A per-variable affine normalisation u = (x - shift) / scale, fitted on the training part of a
 * series only (so nothing of the test part leaks into training) and applied to the whole series;
 * {@link #invert} maps net outputs back to the series' own units.
 *
 * @param kind  how shift and scale were chosen
 * @param shift per variable (D)
 * @param scale per variable (D), positive
 */
public record TimeSeriesScaler(Kind kind, double[] shift, double[] scale) {

    /** How to choose shift and scale from the training part. */
    public enum Kind {
        /** Identity: shift 0, scale 1. */
        NONE,
        /** Mean 0 and standard deviation 1 on the training part. */
        ZSCORE,
        /** Minimum to -1, maximum to 1 on the training part (the range of tanh). */
        MINMAX;

        /** "none", "zscore" or "minmax", any case. */
        public static Kind parse(String name) {
            for (Kind k : values()) if (k.name().equalsIgnoreCase(name == null ? "" : name.trim())) return k;
            throw new IllegalArgumentException("unknown normalisation '" + name + "'; expected none, zscore or minmax");
        }
    }

    public TimeSeriesScaler {
        if (kind == null) throw new IllegalArgumentException("normalisation kind is missing");
        if (shift.length != scale.length) {
            throw new IllegalArgumentException(shift.length + " shifts for " + scale.length + " scales");
        }
        for (int j = 0; j < scale.length; j++) {
            if (!Double.isFinite(shift[j]) || !(scale[j] > 0) || Double.isInfinite(scale[j])) {
                throw new IllegalArgumentException("variable " + j + ": shift " + shift[j] + ", scale " + scale[j]
                        + "; expected a finite shift and a positive scale");
            }
        }
        shift = shift.clone();
        scale = scale.clone();
    }

    /** A copy of the shifts. */
    @Override
    public double[] shift() {
        return shift.clone();
    }

    /** A copy of the scales. */
    @Override
    public double[] scale() {
        return scale.clone();
    }

    /**
     * Fits shift and scale to {@code train}. A variable that is constant there keeps scale 1,
     * since any other choice would divide by zero.
     */
    public static TimeSeriesScaler fit(TimeSeries train, Kind kind) {
        int d = train.width(), n = train.length();
        double[] shift = new double[d], scale = new double[d];
        Arrays.fill(scale, 1);
        for (int j = 0; j < d; j++) {
            switch (kind) {
                case NONE -> { }
                case ZSCORE -> {
                    double mean = 0, sq = 0;
                    for (int t = 0; t < n; t++) mean += train.value(t, j);
                    mean /= n;
                    for (int t = 0; t < n; t++) {
                        double r = train.value(t, j) - mean;
                        sq += r * r;
                    }
                    shift[j] = mean;
                    double sd = Math.sqrt(sq / n);
                    if (sd > 0) scale[j] = sd;
                }
                case MINMAX -> {
                    double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
                    for (int t = 0; t < n; t++) {
                        lo = Math.min(lo, train.value(t, j));
                        hi = Math.max(hi, train.value(t, j));
                    }
                    shift[j] = (lo + hi) / 2;
                    if (hi > lo) scale[j] = (hi - lo) / 2;
                }
            }
        }
        return new TimeSeriesScaler(kind, shift, scale);
    }

    /** u = (x - shift) / scale for every step, as a new series. */
    public TimeSeries apply(TimeSeries s) {
        checkWidth(s.width());
        int d = s.width();
        float[] u = new float[s.values().length];
        for (int i = 0; i < u.length; i++) u[i] = (float) ((s.values()[i] - shift[i % d]) / scale[i % d]);
        return new TimeSeries(u, s.length(), d, s.names(), s.source());
    }

    /** x = u scale + shift for row-major values (n, D), in double. */
    public double[] invert(float[] u) {
        int d = shift.length;
        if (u.length % d != 0) throw new IllegalArgumentException(u.length + " values are not rows of " + d + " variables");
        double[] x = new double[u.length];
        for (int i = 0; i < u.length; i++) x[i] = u[i] * scale[i % d] + shift[i % d];
        return x;
    }

    private void checkWidth(int d) {
        if (d != shift.length) {
            throw new IllegalArgumentException("series has " + d + " variables, the normalisation was fitted on " + shift.length);
        }
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s shift %s scale %s", kind.name().toLowerCase(Locale.ROOT),
                Arrays.toString(shift), Arrays.toString(scale));
    }
}
