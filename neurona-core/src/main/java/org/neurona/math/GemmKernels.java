package org.neurona.math;

import java.util.Arrays;

/**
 * The fast loops behind {@link Gemm}: rows of C split among threads, inner loops written so the
 * JIT vectorises them (unit stride over the longest dimension). A serial call runs the row loop
 * directly, with no task objects, so small products (online learning) do not allocate.
 */
final class GemmKernels {
    private GemmKernels() {}

    private static int parts(Parallel par, int m, long work) {
        if (par.threads() == 1 || work < 1 << 16) return 1;
        return Math.min(par.threads(), m);
    }

    static void nt(float[] a, float[] b, float[] c, int m, int n, int k, boolean acc, Parallel par) {
        int parts = parts(par, m, (long) m * n * k);
        if (parts == 1) {
            ntRows(a, b, c, 0, m, n, k, acc);
            return;
        }
        par.forEachPart(parts, p -> ntRows(a, b, c, lo(m, p, parts), lo(m, p + 1, parts), n, k, acc));
    }

    static void tn(float[] a, float[] b, float[] c, int m, int n, int k, boolean acc, Parallel par) {
        int parts = parts(par, m, (long) m * n * k);
        if (parts == 1) {
            tnRows(a, b, c, 0, m, m, n, k, acc);
            return;
        }
        par.forEachPart(parts, p -> tnRows(a, b, c, lo(m, p, parts), lo(m, p + 1, parts), m, n, k, acc));
    }

    static void nn(float[] a, float[] b, float[] c, int m, int n, int k, boolean acc, Parallel par) {
        int parts = parts(par, m, (long) m * n * k);
        if (parts == 1) {
            nnRows(a, b, c, 0, m, n, k, acc);
            return;
        }
        par.forEachPart(parts, p -> nnRows(a, b, c, lo(m, p, parts), lo(m, p + 1, parts), n, k, acc));
    }

    private static int lo(int m, int p, int parts) {
        return (int) ((long) m * p / parts);
    }

    private static void ntRows(float[] a, float[] b, float[] c, int lo, int hi, int n, int k, boolean acc) {
        for (int i = lo; i < hi; i++) {
            int ai = i * k;
            for (int j = 0; j < n; j++) {
                int bj = j * k;
                float s = 0f;
                for (int q = 0; q < k; q++) s += a[ai + q] * b[bj + q];
                c[i * n + j] = acc ? c[i * n + j] + s : s;
            }
        }
    }

    private static void tnRows(float[] a, float[] b, float[] c, int lo, int hi, int m, int n, int k, boolean acc) {
        for (int i = lo; i < hi; i++) {
            int ci = i * n;
            if (!acc) Arrays.fill(c, ci, ci + n, 0f);
            for (int q = 0; q < k; q++) {
                float aqi = a[q * m + i];
                int bq = q * n;
                for (int j = 0; j < n; j++) c[ci + j] += aqi * b[bq + j];
            }
        }
    }

    private static void nnRows(float[] a, float[] b, float[] c, int lo, int hi, int n, int k, boolean acc) {
        for (int i = lo; i < hi; i++) {
            int ci = i * n, ai = i * k;
            if (!acc) Arrays.fill(c, ci, ci + n, 0f);
            for (int q = 0; q < k; q++) {
                float aiq = a[ai + q];
                int bq = q * n;
                for (int j = 0; j < n; j++) c[ci + j] += aiq * b[bq + j];
            }
        }
    }
}
