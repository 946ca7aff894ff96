package org.neurona.layer;

import java.util.Arrays;
import java.util.function.IntConsumer;
import org.neurona.activation.ReLU;
import org.neurona.math.Parallel;

/**
 * The passes of a {@link Dense} layer around its products, fused and split among the threads of
 * a {@link Parallel} when the layer is large: for the rectifier (ReLU, f(z) = max(0, z),
 * f'(z) = 1 for z &gt; 0 and 0 otherwise)
 * <pre>
 *   forward    z (B, O) += b,  a = max(z, 0)                    one pass, rows split
 *   backward   dz = (z &gt; 0 ? da : 0),  db (+)= sum_rows dz      one pass, columns split
 * </pre>
 * The values are those of {@link ReLU}'s loops after the layer's bias loop, bit for bit (the
 * passes call ReLU's per-unit methods, which its loops are made of); the bias gradient sums the
 * rows in order for every column whatever the
 * split, so results do not depend on the thread count. Small layers (fewer than
 * {@link #PARALLEL_MIN} values) run on the calling thread: handing a part to a worker costs
 * about a microsecond and a half.
 *
 * <p>The task object that carries a job's arrays to the workers is kept per calling thread, so
 * a call allocates nothing and layers stay safe for concurrent inference.
 */
final class Elementwise {
    private Elementwise() {}

    /** Values (rows x width) from which a pass is split among the threads. */
    static final int PARALLEL_MIN = 8192;

    private static final ThreadLocal<Task> TASK = ThreadLocal.withInitial(Task::new);
    private static final ReLU RELU = new ReLU();

    /** z (rows, width) += bias (when non-null), a = max(z, 0). Writes z and a. */
    static void forwardRelu(float[] z, float[] bias, float[] a, int rows, int width, Parallel par) {
        int parts = parts(rows, width, par, rows);
        if (parts == 1) {
            forwardRows(z, bias, a, 0, rows, width);
            return;
        }
        run(par, parts, Task.FORWARD, z, null, bias, a, rows, width, false);
    }

    /**
     * d (rows, width) = (z &gt; 0 ? d : 0) in place; db (when non-null) += the column sums of the
     * new d, or = them when {@code fresh}.
     */
    static void backwardRelu(float[] z, float[] a, float[] d, float[] db, boolean fresh, int rows, int width,
                             Parallel par) {
        // column parts start on multiples of 8 (whole vectors), so each needs 16 columns or more
        int parts = parts(rows, width, par, width / 16);
        if (parts == 1) {
            backwardColumns(z, a, d, db, fresh, 0, width, rows, width);
            return;
        }
        run(par, parts, Task.BACKWARD, z, a, db, d, rows, width, fresh);
    }

    private static int parts(int rows, int width, Parallel par, int most) {
        if (par.threads() == 1 || (long) rows * width < PARALLEL_MIN) return 1;
        return Math.max(1, Math.min(par.threads(), most));
    }

    private static void run(Parallel par, int parts, int kind, float[] z, float[] a, float[] v, float[] out, int rows,
                            int width, boolean fresh) {
        Task t = TASK.get();
        t.set(kind, z, a, v, out, rows, width, fresh, parts);
        try {
            par.forEachPart(parts, t);
        } finally {
            t.clear();
        }
    }

    /** Rows [r0, r1): bias, then the rectifier. */
    static void forwardRows(float[] z, float[] bias, float[] a, int r0, int r1, int width) {
        if (bias == null) {
            for (int i = r0 * width, n = r1 * width; i < n; i++) a[i] = RELU.forward(z[i]);
            return;
        }
        for (int r = r0; r < r1; r++) {
            int o = r * width;
            for (int j = 0; j < width; j++) {
                float v = z[o + j] + bias[j];
                z[o + j] = v;
                a[o + j] = RELU.forward(v);
            }
        }
    }

    /** Columns [j0, j1) of every row: the rectifier's derivative, then db. */
    static void backwardColumns(float[] z, float[] a, float[] d, float[] db, boolean fresh, int j0, int j1, int rows,
                                int width) {
        if (db != null && fresh) Arrays.fill(db, j0, j1, 0f);
        for (int r = 0; r < rows; r++) {
            int o = r * width;
            for (int j = o + j0, e = o + j1; j < e; j++) d[j] = RELU.backward(z[j], a[j], d[j]);
            if (db == null) continue;
            for (int j = j0; j < j1; j++) db[j] += d[o + j];
        }
    }

    /** One part of a pass: a block of rows (forward) or of columns (backward), fixed by the shape and part count. */
    private static final class Task implements IntConsumer {
        static final int FORWARD = 0, BACKWARD = 1;
        private int kind, rows, width, parts;
        private float[] z, a, v, out;
        private boolean fresh;

        void set(int kind, float[] z, float[] a, float[] v, float[] out, int rows, int width, boolean fresh, int parts) {
            this.kind = kind; this.z = z; this.a = a; this.v = v; this.out = out;
            this.rows = rows; this.width = width; this.fresh = fresh; this.parts = parts;
        }

        void clear() {
            z = a = v = out = null; // do not keep the caller's arrays reachable
        }

        @Override
        public void accept(int p) {
            if (kind == FORWARD) {
                int r0 = (int) Parallel.partStart(rows, p, parts, 1);
                int r1 = (int) Parallel.partStart(rows, p + 1, parts, 1);
                forwardRows(z, v, out, r0, r1, width);
            } else {
                int j0 = (int) Parallel.partStart(width, p, parts, 8);
                int j1 = (int) Parallel.partStart(width, p + 1, parts, 8);
                backwardColumns(z, a, out, v, fresh, j0, j1, rows, width);
            }
        }
    }
}
