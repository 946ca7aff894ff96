package org.neurona.math;

import java.util.Arrays;

/**
 * The loops behind {@link Gemm}: a plain kernel for tiny and awkward shapes and a blocked,
 * packed kernel that the JIT (C2) turns into AVX/NEON vector code, with columns (or rows) of C
 * split among the threads of a {@link Parallel}.
 *
 * <p>Legend: C (m, n) = A . B summed over k. {@code A(i, q)} is read as
 * {@code a[i * sa + q * sq]}, so one loop serves all three layouts: NN and NT read A (m, k)
 * ({@code sa = k, sq = 1}), TN reads A stored (k, m) ({@code sa = 1, sq = m}). B is read
 * through a packed panel, so its layout only matters to {@link #pack}.
 *
 * <h2>Why the fast kernel looks the way it does</h2>
 * C2's auto-vectoriser (JDK 17 to 25) only vectorises a loop when it can prove that no store
 * feeds a later load of another iteration. It cannot tell two {@code float[]} parameters apart,
 * so {@code c[ci + j] += x * b[bj + j]} with two different variable offsets stays scalar
 * (measured: 3.5 GFLOP/s, the same as with the vectoriser switched off), while the same loop
 * with every array indexed by the bare {@code j} is vectorised (about 25 GFLOP/s). The fast
 * kernel therefore works on per-thread scratch rows that all start at index 0:
 * <ol>
 *   <li>a panel of {@code KC} rows of {@code NC} floats holding B (q0.., j0..), one array per
 *       row, packed once per block (for NT this packing is the transpose, so the inner loop
 *       runs over contiguous memory instead of being a dot product, which C2 cannot
 *       vectorise because float addition is not associative);</li>
 *   <li>an accumulator row holding C (i, j0..j0+NC), copied in, updated and copied back;</li>
 *   <li>the update {@code acc[j] = fma(x5, p5[j], ... fma(x0, p0[j], acc[j]))}: six rows of
 *       the panel per pass. Six, because a seventh memory stream makes C2 give up, and
 *       {@link Math#fma} because the same expression written with * and + is not vectorised
 *       at six terms (both measured on this project's bench machine, see docs/PERFORMANCE.md).
 *       Math.fma is an intrinsic on every x86-64 with FMA3 (2013 on) and on AArch64.</li>
 * </ol>
 * Updating three rows of C per pass (each panel load feeding three multiply-adds, the rows at
 * constant offsets of one array) would halve the loads per flop, but on JDK 17 the same loop ran
 * at 40 to 60 GFLOP/s in some JVM runs of a stand-alone test and at 8 to 11 in others (the
 * garbage collector chosen, or a small change of the surrounding code, flipped it), and at 4 to
 * 10 inside this kernel, so the kernel keeps one row per pass.
 * Narrow products (fewer than {@link #NARROW} columns, a 10-class output layer) are computed
 * as C^T, whose rows are long.
 *
 * <p>Every element of C is computed by the same sequence of floating-point operations whatever
 * the thread count and whichever block of C a thread gets (the path and the summation blocking
 * depend on the shape only), so results are bit-identical across runs and across thread counts.
 *
 * <p>Scratch buffers live in a {@link ThreadLocal} of each calling or worker thread, sized once
 * to the fixed block size; they carry no information from one call to the next. After the first
 * call on a thread, the serial path allocates nothing.
 */
final class GemmKernels {
    private GemmKernels() {}

    /** Columns of C per block: the accumulator row and the panel rows hold this many floats. */
    static final int NC = 256;
    /**
     * Most rows of the packed panel (128 KB, L2 resident); k is cut into equal blocks of at most
     * KC, so a weight gradient summed over a batch of 128 rows is one block (C is read and written
     * once) and k = 784 is seven blocks of 112 rather than eight of 96 and one of 16.
     */
    static final int KC = 128;
    /** Panel rows consumed per pass of the inner loop. */
    static final int KU = 6;
    /**
     * Below this many columns of C the vector loop runs mostly in its scalar tail, so a product
     * with enough rows is computed as C^T instead (rows and columns swap).
     */
    static final int NARROW = 16;

    /** Products smaller than this many multiply-adds run the plain loops: packing would cost more. */
    static final long FAST_MIN_WORK = 4096;
    /**
     * Products smaller than this many multiply-adds stay on the calling thread: handing half of
     * 10 x 128 x 128 to a worker measured 49 us against 14 us on one thread (docs/PERFORMANCE.md).
     */
    static final long PARALLEL_MIN_WORK = 1L << 20;

    /**
     * Whether the packed products run on {@link VectorKernels} (same floats, about twice the
     * speed): only when the JVM has the incubating Vector API module, does not run interpreted
     * only, and the system property {@code neurona.vector} is not {@code false} (or {@code 0},
     * {@code no}, {@code off}). Read once; without the module the Vector API class is never loaded.
     */
    static final boolean VECTOR = vectorAvailable();
    /** Column blocks handed to threads start at multiples of this: whole vector tiles. */
    private static final int ALIGN = VECTOR ? VectorKernels.NR : 8;

    private static boolean vectorAvailable() {
        if (switchedOff(System.getProperty("neurona.vector"))) return false;
        if (ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) return false;
        // without C2 (-Xint, or -XX:TieredStopAtLevel below 4) vectors stay boxed objects, many
        // times slower than the Java kernel; -Xint at least is visible here
        if (System.getProperty("java.vm.info", "").contains("interpreted mode")) return false;
        try {
            return VectorKernels.LANES >= 4;
        } catch (LinkageError e) { // a JVM whose module cannot be linked: keep the scalar kernel
            return false;
        }
    }

    /** Whether a value of {@code neurona.vector} turns the Vector API off: false, 0, no, off, any case. */
    static boolean switchedOff(String value) {
        return value != null && java.util.Set.of("false", "0", "no", "off")
                .contains(value.trim().toLowerCase(java.util.Locale.ROOT));
    }

    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    /** Per-thread buffers of the fast kernel, and a reusable task so forking does not allocate one. */
    private static final class Scratch {
        final float[][] panel = new float[KC][NC];
        final float[] acc = new float[NC];
        final BlockTask task = new BlockTask();
        /** The Vector API kernel's packed panel; allocated on its first use on this thread. */
        private float[] slivers;
        /** C^T of a narrow product; grown on first use to the largest seen (at most NARROW * m). */
        float[] ct = new float[0];

        float[] slivers() {
            if (slivers == null) slivers = new float[VectorKernels.KC * NC];
            return slivers;
        }
    }

    // ---------------------------------------------------------------- entry points (called by Gemm)

    /** C (m, n) (+)= A (m, k) . B^T, B stored (n, k). */
    static void nt(float[] a, float[] b, float[] c, int m, int n, int k, boolean acc, Parallel par) {
        run(Variant.NT, a, b, c, m, n, k, acc, par);
    }

    /** C (m, n) (+)= A^T . B, A stored (k, m), B stored (k, n). */
    static void tn(float[] a, float[] b, float[] c, int m, int n, int k, boolean acc, Parallel par) {
        run(Variant.TN, a, b, c, m, n, k, acc, par);
    }

    /** C (m, n) (+)= A (m, k) . B (k, n). */
    static void nn(float[] a, float[] b, float[] c, int m, int n, int k, boolean acc, Parallel par) {
        run(Variant.NN, a, b, c, m, n, k, acc, par);
    }

    /** The three layouts of A and B; see the class legend. */
    enum Variant { NT, TN, NN }

    /** Whether the shape takes the packed kernel; depends on the shape only, never on threads. */
    static boolean fast(int m, int n, int k) {
        // Below 8 columns a vector lane would be mostly empty; below 6 summed terms the
        // six-row pass never runs.
        return n >= 8 && k >= KU && (long) m * n * k >= FAST_MIN_WORK;
    }

    private static void run(Variant v, float[] a, float[] b, float[] c, int m, int n, int k,
                            boolean acc, Parallel par) {
        if (m == 0 || n == 0) return;
        long work = (long) m * n * k;
        int parts = par.threads() == 1 || work < PARALLEL_MIN_WORK ? 1 : par.threads();
        if (parts == 1) {
            if (v != Variant.NN && n < NARROW && m >= 2 * NARROW && fast(m, n, k) && fast(n, m, k)) {
                transposed(v, a, b, c, m, n, k, acc);
            } else {
                block(v, a, b, c, 0, m, 0, n, m, n, k, acc);
            }
            return;
        }
        // Split columns when the packed kernel runs and C is wide enough: each thread then packs
        // only its own part of B (splitting rows, every thread would pack all of it). Each part
        // must get at least one whole tile of ALIGN columns (32 with AVX-512).
        boolean byColumns = fast(m, n, k) && n >= Math.max(16, ALIGN) * parts;
        if (!byColumns) parts = Math.min(parts, m);
        BlockTask task = SCRATCH.get().task;
        task.set(v, a, b, c, m, n, k, acc, parts, byColumns);
        try {
            par.forEachPart(parts, task);
        } finally {
            task.clear();
        }
    }

    /**
     * A narrow product (n &lt; {@link #NARROW}, such as a 10-class output layer) computed as
     * C^T (n, m), whose rows are long enough for the vector loop, then transposed into C. NT:
     * C^T = B . A^T with B (n, k) and A (m, k) as stored, again NT. TN: C^T = B^T . A with B
     * (k, n) and A (k, m) as stored, again TN. Each element is the same chain of fused
     * multiply-adds as in C (fma(a, b, s) = fma(b, a, s)), so the result is bit-identical.
     */
    private static void transposed(Variant v, float[] a, float[] b, float[] c, int m, int n, int k, boolean acc) {
        Scratch s = SCRATCH.get();
        if (s.ct.length < m * n) s.ct = new float[m * n];
        float[] ct = s.ct;
        if (acc) {
            for (int i = 0; i < m; i++) for (int j = 0; j < n; j++) ct[j * m + i] = c[i * n + j];
        }
        block(v, b, a, ct, 0, n, 0, m, n, m, k, acc);
        for (int i = 0; i < m; i++) for (int j = 0; j < n; j++) c[i * n + j] = ct[j * m + i];
    }

    /**
     * One thread's share of C: a fixed range of columns (boundaries multiples of {@link #ALIGN}) or of rows,
     * depending only on the shape and the part count. Fields are written by the forking thread
     * before {@link Parallel#forEachPart} hands the task to the pool, which orders them before
     * the workers read them.
     */
    private static final class BlockTask implements java.util.function.IntConsumer {
        private Variant v;
        private float[] a, b, c;
        private int m, n, k, parts;
        private boolean acc, byColumns;

        void set(Variant v, float[] a, float[] b, float[] c, int m, int n, int k, boolean acc, int parts,
                 boolean byColumns) {
            this.v = v; this.a = a; this.b = b; this.c = c;
            this.m = m; this.n = n; this.k = k; this.acc = acc; this.parts = parts; this.byColumns = byColumns;
        }

        void clear() {
            a = b = c = null; // do not keep the caller's arrays reachable
        }

        @Override
        public void accept(int p) {
            if (byColumns) {
                int jlo = (int) Parallel.partStart(n, p, parts, ALIGN);
                int jhi = (int) Parallel.partStart(n, p + 1, parts, ALIGN);
                block(v, a, b, c, 0, m, jlo, jhi, m, n, k, acc);
            } else {
                int lo = (int) Parallel.partStart(m, p, parts, 1), hi = (int) Parallel.partStart(m, p + 1, parts, 1);
                block(v, a, b, c, lo, hi, 0, n, m, n, k, acc);
            }
        }
    }

    /**
     * Rows [lo, hi) x columns [jlo, jhi) of C, on the current thread. The plain loops are only
     * ever given whole rows (jlo = 0, jhi = n).
     */
    static void block(Variant v, float[] a, float[] b, float[] c, int lo, int hi, int jlo, int jhi,
                      int m, int n, int k, boolean acc) {
        if (lo >= hi || jlo >= jhi) return;
        if (!fast(m, n, k)) {
            plainRows(v, a, b, c, lo, hi, m, n, k, acc);
            return;
        }
        fastBlock(VECTOR, v, a, b, c, lo, hi, jlo, jhi, m, n, k, acc);
    }

    /**
     * The packed kernel for a fast shape: the Vector API one or the auto-vectorised one. An empty
     * sum (k = 0) leaves C as it is, or zero without {@code acc}.
     */
    static void fastBlock(boolean vector, Variant v, float[] a, float[] b, float[] c, int lo, int hi, int jlo,
                          int jhi, int m, int n, int k, boolean acc) {
        if (k == 0) {
            if (!acc) for (int i = lo; i < hi; i++) Arrays.fill(c, i * n + jlo, i * n + jhi, 0f);
            return;
        }
        int sa = v == Variant.TN ? 1 : k, sq = v == Variant.TN ? m : 1;
        Scratch s = SCRATCH.get();
        if (vector) VectorKernels.block(v, a, sa, sq, b, c, lo, hi, jlo, jhi, n, k, acc, s.slivers());
        else packedBlock(v, a, sa, sq, b, c, lo, hi, jlo, jhi, n, k, acc, s.panel, s.acc);
    }

    // ---------------------------------------------------------------- plain kernel

    /** The plain loops: no scratch, no packing; exact for tiny shapes such as online learning. */
    static void plainRows(Variant v, float[] a, float[] b, float[] c, int lo, int hi, int m, int n, int k,
                          boolean acc) {
        if (v == Variant.NT) {
            for (int i = lo; i < hi; i++) {
                int ai = i * k, ci = i * n;
                for (int j = 0; j < n; j++) {
                    int bj = j * k;
                    float s = 0f;
                    for (int q = 0; q < k; q++) s += a[ai + q] * b[bj + q];
                    c[ci + j] = acc ? c[ci + j] + s : s;
                }
            }
            return;
        }
        int sa = v == Variant.TN ? 1 : k, sq = v == Variant.TN ? m : 1;
        for (int i = lo; i < hi; i++) {
            int ci = i * n;
            if (!acc) Arrays.fill(c, ci, ci + n, 0f);
            for (int q = 0; q < k; q++) {
                float x = a[i * sa + q * sq];
                int bq = q * n;
                for (int j = 0; j < n; j++) c[ci + j] += x * b[bq + j];
            }
        }
    }

    // ---------------------------------------------------------------- packed kernel

    /**
     * Rows [lo, hi) x columns [jlo, jhi) of C through packed panels. Loop order: column block
     * j0, summed block q0 (k cut into equal blocks of at most {@link #KC}), then every row i, so
     * one packed panel (L2 resident) serves all rows. Whatever the blocking, every element of C is
     * C(i, j) (or 0) followed by fma(A(i, q), B(q, j), .) for q = 0, 1, ..., k - 1 in order.
     */
    private static void packedBlock(Variant v, float[] a, int sa, int sq, float[] b, float[] c, int lo, int hi,
                                    int jlo, int jhi, int n, int k, boolean acc, float[][] panel, float[] row) {
        int blocks = (k + KC - 1) / KC, size = (k + blocks - 1) / blocks;
        for (int j0 = jlo; j0 < jhi; j0 += NC) {
            int nb = Math.min(NC, jhi - j0);
            for (int q0 = 0; q0 < k; q0 += size) {
                int kb = Math.min(size, k - q0);
                pack(v, b, n, k, q0, kb, j0, nb, panel);
                boolean fresh = q0 == 0 && !acc;
                for (int i = lo; i < hi; i++) {
                    int ci = i * n + j0;
                    if (fresh) Arrays.fill(row, 0, nb, 0f);
                    else System.arraycopy(c, ci, row, 0, nb);
                    panelRow(a, i * sa + q0 * sq, sq, panel, kb, row, nb);
                    System.arraycopy(row, 0, c, ci, nb);
                }
            }
        }
    }

    /** panel[t][jj] = B(q0 + t, j0 + jj) for t < kb, jj < nb. */
    private static void pack(Variant v, float[] b, int n, int k, int q0, int kb, int j0, int nb,
                             float[][] panel) {
        if (v == Variant.NT) {
            // B stored (n, k): the transpose. Eight rows of B at a time, so each panel row gets
            // eight adjacent floats (one cache line) per visit while B is read in eight streams.
            int jj = 0;
            for (; jj + 8 <= nb; jj += 8) {
                int b0 = (j0 + jj) * k + q0;
                for (int t = 0; t < kb; t++) {
                    float[] p = panel[t];
                    int bt = b0 + t;
                    p[jj] = b[bt];
                    p[jj + 1] = b[bt + k];
                    p[jj + 2] = b[bt + 2 * k];
                    p[jj + 3] = b[bt + 3 * k];
                    p[jj + 4] = b[bt + 4 * k];
                    p[jj + 5] = b[bt + 5 * k];
                    p[jj + 6] = b[bt + 6 * k];
                    p[jj + 7] = b[bt + 7 * k];
                }
            }
            for (; jj < nb; jj++) {
                int bj = (j0 + jj) * k + q0;
                for (int t = 0; t < kb; t++) panel[t][jj] = b[bj + t];
            }
        } else {
            for (int t = 0; t < kb; t++) System.arraycopy(b, (q0 + t) * n + j0, panel[t], 0, nb);
        }
    }

    /** row[0..nb) += sum over t < kb of A(i, q0 + t) * panel[t][0..nb), A(i, q0 + t) = a[ai + t*sq]. */
    private static void panelRow(float[] a, int ai, int sq, float[][] panel, int kb, float[] row, int nb) {
        int t = 0;
        for (; t + KU <= kb; t += KU, ai += KU * sq) {
            float x0 = a[ai], x1 = a[ai + sq], x2 = a[ai + 2 * sq];
            float x3 = a[ai + 3 * sq], x4 = a[ai + 4 * sq], x5 = a[ai + 5 * sq];
            float[] p0 = panel[t], p1 = panel[t + 1], p2 = panel[t + 2];
            float[] p3 = panel[t + 3], p4 = panel[t + 4], p5 = panel[t + 5];
            for (int j = 0; j < nb; j++) {
                row[j] = Math.fma(x5, p5[j], Math.fma(x4, p4[j], Math.fma(x3, p3[j],
                        Math.fma(x2, p2[j], Math.fma(x1, p1[j], Math.fma(x0, p0[j], row[j]))))));
            }
        }
        for (; t < kb; t++, ai += sq) {
            float x = a[ai];
            float[] p = panel[t];
            for (int j = 0; j < nb; j++) row[j] = Math.fma(x, p[j], row[j]);
        }
    }
}
