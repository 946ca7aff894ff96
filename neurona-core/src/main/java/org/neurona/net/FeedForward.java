package org.neurona.net;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.neurona.layer.Dense;
import org.neurona.layer.Param;
import org.neurona.math.Parallel;
import org.neurona.math.Rng;

/**
 * A multilayer feedforward network (the lecture's x:h:y net, any depth): a stack of
 * {@link Dense} layers, a^0 = x, A^l = W^l a^(l-1) + b^l, a^l = f^l(A^l).
 *
 * <p>Inference ({@link #predict}) only reads the weights and may run on many threads at once.
 * Training goes through a {@link Workspace}: buffers for one batch size, owned by one trainer, so
 * the training loop never allocates.
 */
public final class FeedForward {
    private final NetworkSpec spec;
    private final List<Dense> layers;
    private final List<Param> params;

    private FeedForward(NetworkSpec spec, List<Dense> layers) {
        this.spec = spec;
        this.layers = Collections.unmodifiableList(layers);
        List<Param> ps = new ArrayList<>();
        for (Dense d : layers) ps.addAll(d.params());
        this.params = Collections.unmodifiableList(ps);
    }

    /** A network of the given shape with initial weights drawn from {@code seed}. */
    public static FeedForward create(NetworkSpec spec, long seed) {
        return create(spec, new Rng(seed));
    }

    /** A network of the given shape with initial weights drawn from {@code rng}, layer by layer. */
    public static FeedForward create(NetworkSpec spec, Rng rng) {
        int[] s = spec.sizes();
        List<Dense> layers = new ArrayList<>();
        for (int l = 0; l < s.length - 1; l++) {
            layers.add(new Dense(s[l], s[l + 1], spec.activations().get(l), spec.bias(), spec.init(), rng,
                    "layer" + (l + 1)));
        }
        return new FeedForward(spec, layers);
    }

    /** The shape this network was built from. */
    public NetworkSpec spec() { return spec; }

    /** The weight layers, input side first. */
    public List<Dense> layers() { return layers; }

    /** Number of inputs. */
    public int inputs() { return layers.get(0).inputs(); }

    /** Number of outputs. */
    public int outputs() { return layers.get(layers.size() - 1).outputs(); }

    /** All trainable parameters, layer by layer (W, b, slope). */
    public List<Param> params() { return params; }

    /** Number of trainable scalars. */
    public int parameterCount() {
        int n = 0;
        for (Param p : params) n += p.size();
        return n;
    }

    /** Outputs for one input pattern. Thread-safe; allocates its result. */
    public float[] predict(float[] x) {
        return predict(x, 1);
    }

    /**
     * Outputs (rows, O) for {@code rows} input patterns x (rows, I). Thread-safe (reads the
     * weights only); allocates its buffers.
     */
    public float[] predict(float[] x, int rows) {
        checkInput(x, rows);
        Workspace ws = new Workspace(this, Math.max(rows, 1), Parallel.SERIAL);
        return java.util.Arrays.copyOf(forward(ws, x, rows, null), rows * outputs());
    }

    /** Outputs for rows of doubles, for small examples. */
    public double[][] predict(double[][] x) {
        int in = inputs(), out = outputs();
        float[] fx = new float[x.length * in];
        for (int r = 0; r < x.length; r++) {
            if (x[r].length != in) {
                throw new IllegalArgumentException("input row " + r + " has " + x[r].length + " values; the network has "
                        + in + " inputs");
            }
            for (int j = 0; j < in; j++) fx[r * in + j] = (float) x[r][j];
        }
        float[] y = predict(fx, x.length);
        double[][] res = new double[x.length][out];
        for (int r = 0; r < x.length; r++) for (int j = 0; j < out; j++) res[r][j] = y[r * out + j];
        return res;
    }

    private void checkInput(float[] x, int rows) {
        if (x.length < (long) rows * inputs()) {
            throw new IllegalArgumentException("input has " + x.length + " values; " + rows + " rows of "
                    + inputs() + " inputs need " + (long) rows * inputs());
        }
    }

    /**
     * Forward pass of {@code rows} patterns through every layer; returns the workspace's output
     * array (rows, O) (valid until the next call). Writes the workspace only.
     *
     * @param rng non-null while training (stochastic activations draw from it)
     */
    public float[] forward(Workspace ws, float[] x, int rows, Rng rng) {
        ws.check(this, rows);
        float[] in = x;
        for (int l = 0; l < layers.size(); l++) {
            layers.get(l).forward(in, ws.z[l], ws.a[l], ws.noise[l], rows, rng, ws.par);
            in = ws.a[l];
        }
        return ws.a[layers.size() - 1];
    }

    /**
     * Backward pass after {@link #forward} on the same workspace and inputs. The caller has
     * written the output error signal into {@link Workspace#outputDelta()}: dE/da, or dE/dz when
     * {@code fused} (softmax + cross-entropy). Accumulates into every parameter's gradient.
     */
    public void backward(Workspace ws, float[] x, int rows, boolean fused, boolean training) {
        backward(ws, x, rows, fused, training, 0f);
    }

    /**
     * {@link #backward(Workspace, float[], int, boolean, boolean)} with Fahlman's flat-spot
     * elimination: delta = dE/da (.) (f'(A) + c), so saturated units keep learning (SNNS's
     * BackpropMomentum and Quickprop parameter c).
     */
    public void backward(Workspace ws, float[] x, int rows, boolean fused, boolean training, float flatSpot) {
        backward(ws, x, rows, fused, training, flatSpot, false);
    }

    /**
     * {@link #backward(Workspace, float[], int, boolean, boolean, float)} that, when
     * {@code freshGradients}, writes every parameter's gradient instead of adding to it: the
     * gradient of this batch alone, bit for bit what zeroing the gradients first and accumulating
     * gives, in one pass less over them (a trainer that zeroes before every batch calls this
     * instead). Every parameter of the network is written.
     */
    public void backward(Workspace ws, float[] x, int rows, boolean fused, boolean training, float flatSpot,
                         boolean freshGradients) {
        int last = layers.size() - 1;
        if (flatSpot != 0f && ws.spare == null) ws.spare = new float[maxWidth(ws)];
        for (int l = last; l >= 0; l--) {
            float[] in = l == 0 ? x : ws.a[l - 1];
            float[] dIn = l == 0 ? null : ws.d[l - 1];
            layers.get(l).backward(in, ws.z[l], ws.a[l], ws.noise[l], ws.d[l], l == last && fused, dIn, rows,
                    training, ws.par, flatSpot, ws.spare, freshGradients);
        }
    }

    private static int maxWidth(Workspace ws) {
        int m = 0;
        for (float[] d : ws.d) m = Math.max(m, d.length);
        return m;
    }

    /** A new workspace for batches of up to {@code maxRows} patterns. */
    public Workspace workspace(int maxRows, Parallel par) {
        return new Workspace(this, maxRows, par);
    }

    /**
     * Per-layer buffers for batches of up to {@code maxRows} patterns: net inputs z = A^l,
     * outputs a^l, error signals d (dE/da^l, turned into delta^l in place), stochastic draws.
     * Belongs to one thread at a time.
     */
    public static final class Workspace {
        private final FeedForward net;
        private final int maxRows;
        private final Parallel par;
        final float[][] z;
        final float[][] a;
        final float[][] d;
        final float[][] noise;
        float[] spare; // flat-spot scratch, made on first use

        Workspace(FeedForward net, int maxRows, Parallel par) {
            if (maxRows < 1) throw new IllegalArgumentException("workspace needs at least one row, got " + maxRows);
            this.net = net;
            this.maxRows = maxRows;
            this.par = par;
            int n = net.layers.size();
            z = new float[n][];
            a = new float[n][];
            d = new float[n][];
            noise = new float[n][];
            for (int l = 0; l < n; l++) {
                int w = net.layers.get(l).outputs() * maxRows;
                z[l] = new float[w];
                a[l] = new float[w];
                d[l] = new float[w];
                noise[l] = net.layers.get(l).activation() instanceof org.neurona.activation.Stochastic ? new float[w] : null;
            }
        }

        void check(FeedForward n, int rows) {
            if (n != net) throw new IllegalArgumentException("workspace belongs to another network");
            if (rows < 1 || rows > maxRows) {
                throw new IllegalArgumentException("batch of " + rows + " rows; workspace holds 1.." + maxRows);
            }
        }

        /** Largest batch this workspace holds. */
        public int maxRows() { return maxRows; }

        /** The thread pool the kernels use. */
        public Parallel parallel() { return par; }

        /** Net inputs of the output layer (rows, O) from the last forward pass. */
        public float[] outputNetInput() { return z[z.length - 1]; }

        /** Where the caller writes the output error signal (rows, O) before {@link FeedForward#backward}. */
        public float[] outputDelta() { return d[d.length - 1]; }

        /** Outputs a^l of layer l (0-based over weight layers) from the last forward pass. */
        public float[] activations(int layer) { return a[layer]; }
    }
}
