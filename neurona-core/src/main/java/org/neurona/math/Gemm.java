package org.neurona.math;

/**
 * Matrix products on row-major float arrays, the kernels every layer is built on.
 *
 * <p>Shapes (the letters used throughout neurona): B = batch rows, I = inputs of a layer,
 * O = outputs of a layer. The weight layout is fixed once for the whole library:
 * {@code W} is (O, I) row-major, so unit o's incoming weights are {@code W[o*I .. o*I+I)}, as in
 * the lecture's {@code A = W a + b}. With a batch of row vectors that is
 * <pre>
 *   forward        A (B, O)  = a (B, I) . W^T        {@link #mulNT}
 *   weight grad    dW (O, I) += dA^T (O, B) . a (B, I) {@link #mulTN}
 *   input grad     da (B, I) = dA (B, O) . W (O, I)   {@link #mulNN}
 * </pre>
 * Every method computes {@code C = A op B} (or {@code C += ...} when {@code accumulate}) where the
 * dimensions are named m, n, k with C (m, n) and k the summed dimension. Arrays may be longer than
 * needed; only the leading elements are used. C must not alias A or B. Only C is modified.
 * These methods do not allocate; with a {@link Parallel} of more than one thread, rows of C are
 * split among the threads.
 */
public final class Gemm {
    private Gemm() {}

    /**
     * C (m, n) = A (m, k) . B^T, with B stored (n, k). Modifies c only.
     *
     * @param accumulate add to C instead of overwriting it
     */
    public static void mulNT(float[] a, float[] b, float[] c, int m, int n, int k,
                             boolean accumulate, Parallel par) {
        check(a, (long) m * k, "A", b, (long) n * k, "B", c, (long) m * n);
        GemmKernels.nt(a, b, c, m, n, k, accumulate, par);
    }

    /**
     * C (m, n) = A^T . B, with A stored (k, m) and B stored (k, n). Modifies c only.
     *
     * @param accumulate add to C instead of overwriting it
     */
    public static void mulTN(float[] a, float[] b, float[] c, int m, int n, int k,
                             boolean accumulate, Parallel par) {
        check(a, (long) k * m, "A", b, (long) k * n, "B", c, (long) m * n);
        GemmKernels.tn(a, b, c, m, n, k, accumulate, par);
    }

    /**
     * C (m, n) = A (m, k) . B (k, n). Modifies c only.
     *
     * @param accumulate add to C instead of overwriting it
     */
    public static void mulNN(float[] a, float[] b, float[] c, int m, int n, int k,
                             boolean accumulate, Parallel par) {
        check(a, (long) m * k, "A", b, (long) k * n, "B", c, (long) m * n);
        GemmKernels.nn(a, b, c, m, n, k, accumulate, par);
    }

    private static void check(float[] a, long needA, String nameA, float[] b, long needB, String nameB,
                              float[] c, long needC) {
        if (a.length < needA) throw new IllegalArgumentException(nameA + " has " + a.length + " elements, needs " + needA);
        if (b.length < needB) throw new IllegalArgumentException(nameB + " has " + b.length + " elements, needs " + needB);
        if (c.length < needC) throw new IllegalArgumentException("C has " + c.length + " elements, needs " + needC);
        if (c == a || c == b) throw new IllegalArgumentException("C must not alias A or B");
    }
}
