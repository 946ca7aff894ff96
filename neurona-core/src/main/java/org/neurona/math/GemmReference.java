package org.neurona.math;

/**
 * The plain triple loops, in double accumulation: the reference every fast kernel is tested
 * against. Same contract as {@link Gemm}. Slow on purpose; never used in training.
 */
public final class GemmReference {
    private GemmReference() {}

    /** C (m, n) (+)= A (m, k) . B^T, B stored (n, k). */
    public static void mulNT(float[] a, float[] b, float[] c, int m, int n, int k, boolean accumulate) {
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double s = accumulate ? c[i * n + j] : 0;
                for (int p = 0; p < k; p++) s += (double) a[i * k + p] * b[j * k + p];
                c[i * n + j] = (float) s;
            }
        }
    }

    /** C (m, n) (+)= A^T . B, A stored (k, m), B stored (k, n). */
    public static void mulTN(float[] a, float[] b, float[] c, int m, int n, int k, boolean accumulate) {
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double s = accumulate ? c[i * n + j] : 0;
                for (int p = 0; p < k; p++) s += (double) a[p * m + i] * b[p * n + j];
                c[i * n + j] = (float) s;
            }
        }
    }

    /** C (m, n) (+)= A (m, k) . B (k, n). */
    public static void mulNN(float[] a, float[] b, float[] c, int m, int n, int k, boolean accumulate) {
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double s = accumulate ? c[i * n + j] : 0;
                for (int p = 0; p < k; p++) s += (double) a[i * k + p] * b[p * n + j];
                c[i * n + j] = (float) s;
            }
        }
    }
}
