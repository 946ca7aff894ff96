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
 *
 * <p>The facade picks the loop by shape, so callers never choose one: tiny products (online
 * learning, fewer than about 4096 multiply-adds or fewer than 8 columns) run plain loops with no
 * set-up; larger ones run a packed, blocked kernel that the JIT vectorises (see
 * docs/PERFORMANCE.md for its speed). With a {@link Parallel} of more than one thread, products
 * of at least 2^20 (about a million) multiply-adds are split among the threads by fixed blocks of columns of C (or of rows, when C is narrow). Each element of C
 * is computed by the same sequence of float operations whatever the thread count, so results are
 * bit-identical from run to run and across thread counts. After the first call on a thread,
 * single-threaded calls allocate nothing (the packed kernel keeps fixed-size scratch buffers per
 * thread); {@link GemmReference} holds the plain triple loops the kernels are tested against.
 */
public final class Gemm {
    private Gemm() {}

    /**
     * Whether the packed products run on the JDK's Vector API, about twice as fast as the
     * auto-vectorised loops at the training shapes and giving the same floats. True when the JVM
     * was started with {@code --add-modules jdk.incubator.vector} (the {@code neurona} launcher
     * adds it for training) unless the system property {@code neurona.vector} is {@code false} (or {@code 0},
     * {@code no}, {@code off}) or the JVM runs interpreted only ({@code -Xint}). A JVM limited to
     * its first compiler ({@code -XX:TieredStopAtLevel=1}) should be run without the module: the
     * vectors would stay boxed objects there.
     * The JVM then prints one line, "WARNING: Using incubator modules", when it starts.
     */
    public static boolean vectorized() {
        return GemmKernels.VECTOR;
    }

    /**
     * C (m, n) = A (m, k) . B^T, with B stored (n, k). Modifies c only.
     *
     * @param accumulate add to C instead of overwriting it
     */
    public static void mulNT(float[] a, float[] b, float[] c, int m, int n, int k,
                             boolean accumulate, Parallel par) {
        check(a, m, k, b, n, k, c, m, n, k);
        GemmKernels.nt(a, b, c, m, n, k, accumulate, par);
    }

    /**
     * C (m, n) = A^T . B, with A stored (k, m) and B stored (k, n). Modifies c only.
     *
     * @param accumulate add to C instead of overwriting it
     */
    public static void mulTN(float[] a, float[] b, float[] c, int m, int n, int k,
                             boolean accumulate, Parallel par) {
        check(a, k, m, b, k, n, c, m, n, k);
        GemmKernels.tn(a, b, c, m, n, k, accumulate, par);
    }

    /**
     * C (m, n) = A (m, k) . B (k, n). Modifies c only.
     *
     * @param accumulate add to C instead of overwriting it
     */
    public static void mulNN(float[] a, float[] b, float[] c, int m, int n, int k,
                             boolean accumulate, Parallel par) {
        check(a, m, k, b, k, n, c, m, n, k);
        GemmKernels.nn(a, b, c, m, n, k, accumulate, par);
    }

    /** Checks shapes and aliasing; A is stored (ra, ca), B (rb, cb). Builds no strings unless it throws. */
    private static void check(float[] a, int ra, int ca, float[] b, int rb, int cb, float[] c, int m, int n, int k) {
        if (m < 0 || n < 0 || k < 0) {
            throw new IllegalArgumentException("dimensions must be >= 0, got m=" + m + ", n=" + n + ", k=" + k);
        }
        if (a.length < (long) ra * ca) throw tooShort("A", ra, ca, a.length);
        if (b.length < (long) rb * cb) throw tooShort("B", rb, cb, b.length);
        if (c.length < (long) m * n) throw tooShort("C", m, n, c.length);
        if (c == a) throw aliased("A", ra, ca, m, n);
        if (c == b) throw aliased("B", rb, cb, m, n);
    }

    private static IllegalArgumentException tooShort(String name, int rows, int cols, int has) {
        return new IllegalArgumentException(name + " (" + rows + ", " + cols + ") needs " + (long) rows * cols
                + " elements but its array has " + has);
    }

    private static IllegalArgumentException aliased(String name, int rows, int cols, int m, int n) {
        return new IllegalArgumentException("C (" + m + ", " + n + ", " + (long) m * n + " elements) must not be the same array as "
                + name + " (" + rows + ", " + cols + ", " + (long) rows * cols + " elements)");
    }
}
