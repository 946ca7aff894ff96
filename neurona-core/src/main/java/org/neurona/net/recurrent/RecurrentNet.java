package org.neurona.net.recurrent;

import java.util.Arrays;
import java.util.List;
import org.neurona.activation.Activation;
import org.neurona.layer.Param;
import org.neurona.math.Gemm;
import org.neurona.math.Parallel;
import org.neurona.math.Rng;

/**
 * A simple recurrent network (one hidden layer plus a context layer) with the forward pass over a
 * stretch of time and its exact gradient by backpropagation through time (BPTT).
 *
 * <p>Shapes: I inputs, H hidden, O outputs, C context units, k = steps of one stretch (window).
 * Weights are (out, in) row-major as everywhere in neurona. The equations, per step t:
 * <pre>
 *   z_t = W_x x_t + W_c c_t + b_h      h_t = f(z_t)
 *   A_t = W_y h_t + b_y                y_t = g(A_t)
 *   c_(t+1) = next context             ({@link Elman}: h_t; {@link Jordan}: mu c_t + y_t)
 * </pre>
 * and backwards (Werbos 1990, "Backpropagation through time: what it does and how to do it"),
 * with gamma_t = dE/dc_t and gamma_(k+1) = 0 because the stretch is cut after its last step:
 * <pre>
 *   dy_t = dE_t/dy_t  (+ gamma_(t+1) for Jordan)
 *   dA_t = g'(A_t) (.) dy_t
 *   dh_t = W_y^T dA_t (+ gamma_(t+1) for Elman)
 *   dz_t = f'(z_t) (.) dh_t
 *   gamma_t = W_c^T dz_t (+ mu gamma_(t+1) for Jordan)
 *   dW_x += sum_t dz_t x_t^T   dW_c += sum_t dz_t c_t^T   db_h += sum_t dz_t
 *   dW_y += sum_t dA_t h_t^T   db_y += sum_t dA_t
 * </pre>
 * The context that enters a stretch (c_1) is a constant for its gradient: this is truncated BPTT
 * when a long series is cut into windows whose context is carried over (Williams and Peng 1990),
 * and full BPTT when the window is the whole sequence and c_1 = 0.
 *
 * <p>The net keeps its context between calls (it is a state machine), so an instance is not
 * thread-safe. {@link #forward}/{@link #backward} do not allocate; they record what backward
 * needs on a {@link Tape} the caller creates once. {@link RecurrentReference} computes the same
 * loss and gradient in double precision, plainly, for the gradient checks.
 */
public abstract class RecurrentNet {
    private static final int CHUNK = 64;

    private final RecurrentSpec spec;
    /** I, H, O, C. */
    protected final int inputs, hidden, outputs, context;
    private final Param wx, wc, bh, wy, by;
    private final List<Param> params;
    private final Activation f, g;
    private final float[] state; // c for the next step (C)
    private Tape runTape;       // for prediction, made on first use

    /** Builds the layers of {@code spec} with weights and biases drawn uniform(-s, s), s = initScale. */
    protected RecurrentNet(RecurrentSpec spec, Rng rng) {
        this.spec = spec;
        inputs = spec.inputs();
        hidden = spec.hidden();
        outputs = spec.outputs();
        context = spec.context();
        float s = (float) spec.initScale();
        wx = init("W_x", hidden * inputs, true, rng, s);
        wc = init("W_c", hidden * context, true, rng, s);
        bh = init("b_h", hidden, false, rng, s);
        wy = init("W_y", outputs * hidden, true, rng, s);
        by = init("b_y", outputs, false, rng, s);
        params = List.of(wx, wc, bh, wy, by);
        f = spec.hiddenActivation();
        g = spec.outputActivation();
        state = new float[context];
    }

    private static Param init(String name, int n, boolean decays, Rng rng, float s) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) v[i] = rng.uniformFloat(-s, s);
        return Param.of(name, v, decays);
    }

    /** A new net of the kind in {@code spec}, with initial weights drawn from {@code rng}. */
    public static RecurrentNet create(RecurrentSpec spec, Rng rng) {
        return switch (spec.kind()) {
            case ELMAN -> new Elman(spec, rng);
            case JORDAN -> new Jordan(spec, rng);
            case NONE -> new Memoryless(spec, rng);
        };
    }

    /**
     * A net of {@code spec} with the given weights, as read back from a model file: the arrays
     * W_x, W_c, b_h, W_y, b_y in the order and layout of {@link #params()}, copied. The context
     * starts at zero.
     *
     * @throws IllegalArgumentException if there are not five arrays of the spec's sizes
     */
    public static RecurrentNet restore(RecurrentSpec spec, List<float[]> values) {
        RecurrentNet net = create(spec, new Rng(0));
        if (values.size() != net.params.size()) {
            throw new IllegalArgumentException(values.size() + " weight arrays for a recurrent net; expected "
                    + net.params.size() + " (W_x, W_c, b_h, W_y, b_y)");
        }
        for (int p = 0; p < values.size(); p++) {
            Param param = net.params.get(p);
            float[] v = values.get(p);
            if (v.length != param.size()) {
                throw new IllegalArgumentException(param.name() + " has " + v.length + " values; " + spec.kind().name()
                        .toLowerCase(java.util.Locale.ROOT) + " " + spec.inputs() + ":" + spec.hidden() + ":"
                        + spec.outputs() + " needs " + param.size());
            }
            System.arraycopy(v, 0, param.value(), 0, v.length);
        }
        return net;
    }

    /** The configuration this net was built from. */
    public RecurrentSpec spec() {
        return spec;
    }

    /**
     * The trainable parameters, in this order: W_x (H, I), W_c (H, C), b_h (H), W_y (O, H),
     * b_y (O). Weights decay under L2, biases do not.
     */
    public List<Param> params() {
        return params;
    }

    // ---- the kind-specific context equations, implemented by Elman and Jordan ----

    /**
     * Advances the context: on entry {@code c} holds c_t, on exit c_(t+1).
     *
     * @param h h_t (H), not modified
     * @param y y_t (O), not modified
     * @param c the context (C), modified
     */
    abstract void nextContext(float[] h, float[] y, float[] c);

    /** Adds the part of gamma = dE/dc_(t+1) (C) that flows into dy_t (O); modifies {@code dy} only. */
    void contextToOutput(float[] gamma, float[] dy) {
    }

    /** Adds the part of gamma = dE/dc_(t+1) (C) that flows into dh_t (H); modifies {@code dh} only. */
    void contextToHidden(float[] gamma, float[] dh) {
    }

    /** dc_(t+1)/dc_t through the context's self-connection: mu for Jordan, 0 otherwise. */
    float contextDecay() {
        return 0f;
    }

    // ---- state ----

    /** A copy of the context the next step will see (C values). */
    public float[] contextState() {
        return state.clone();
    }

    /** Sets the context the next step will see; {@code c} must have C values. */
    public void setContextState(float[] c) {
        if (c.length != context) {
            throw new IllegalArgumentException("context state has " + c.length + " values, this net has " + context
                    + " context units");
        }
        System.arraycopy(c, 0, state, 0, context);
    }

    /** Sets the context to zero, as at the start of a sequence. */
    public void resetContext() {
        Arrays.fill(state, 0f);
    }

    // ---- forward and backward over a stretch of time ----

    /** A recording of up to {@code capacity} steps, for {@link #forward} and {@link #backward}. */
    public Tape newTape(int capacity) {
        return new Tape(this, capacity);
    }

    /**
     * Runs steps {@code from .. from+len-1} of the input sequence from the current context, records
     * them on the tape and leaves the context after the last step. Modifies the tape and the
     * context only; does not allocate.
     *
     * @param tape a tape of this net with capacity at least len, overwritten
     * @param x    inputs (T, I) with T >= from + len, not modified
     */
    public void forward(Tape tape, float[] x, int from, int len) {
        tape.check(this, len);
        if (from < 0 || (long) (from + len) * inputs > x.length) {
            throw new IllegalArgumentException("steps " + from + ".." + (from + len - 1) + " are outside the input sequence of "
                    + x.length / inputs + " steps");
        }
        final int I = inputs, H = hidden, O = outputs, C = context;
        float[] tx = tape.x, tc = tape.c, tz = tape.z, th = tape.h, ta = tape.a, ty = tape.y;
        float[] zs = tape.zs, hs = tape.hs, as = tape.as, ys = tape.ys;
        float[] Wc = wc.value(), Wy = wy.value(), Bh = bh.value(), By = by.value();
        System.arraycopy(x, from * I, tx, 0, len * I);
        Gemm.mulNT(tx, wx.value(), tz, len, H, I, false, Parallel.SERIAL); // W_x x_t for all t: (k, H)
        for (int t = 0; t < len; t++) {
            int ct = t * C, ht = t * H, ot = t * O;
            System.arraycopy(state, 0, tc, ct, C);
            for (int j = 0; j < H; j++) {
                float sum = tz[ht + j] + Bh[j];
                int wj = j * C;
                for (int q = 0; q < C; q++) sum += Wc[wj + q] * state[q];
                zs[j] = sum;
            }
            f.forward(zs, hs, 1, H);
            System.arraycopy(zs, 0, tz, ht, H);
            System.arraycopy(hs, 0, th, ht, H);
            for (int o = 0; o < O; o++) {
                float sum = By[o];
                int wo = o * H;
                for (int j = 0; j < H; j++) sum += Wy[wo + j] * hs[j];
                as[o] = sum;
            }
            g.forward(as, ys, 1, O);
            System.arraycopy(as, 0, ta, ot, O);
            System.arraycopy(ys, 0, ty, ot, O);
            nextContext(hs, ys, state);
        }
        tape.length = len;
    }

    /**
     * Backpropagation through the steps recorded on the tape, from the loss gradients the caller
     * put in {@link Tape#dy()}; accumulates (+=) into every parameter's gradient. Modifies the
     * tape's gradient buffers and the parameters' gradients only; does not allocate.
     */
    public void backward(Tape tape) {
        tape.check(this, tape.length);
        final int len = tape.length, I = inputs, H = hidden, O = outputs, C = context;
        float[] ta = tape.a, ty = tape.y, tz = tape.z, th = tape.h, tdA = tape.dA, tdz = tape.dz, tdy = tape.dy;
        float[] zs = tape.zs, hs = tape.hs, as = tape.as, ys = tape.ys, das = tape.das, dys = tape.dys;
        float[] dh = tape.dh, dzs = tape.dzs;
        float[] gamma = tape.gamma, gammaPrev = tape.gammaPrev;
        float[] Wc = wc.value(), Wy = wy.value();
        float mu = contextDecay();
        Arrays.fill(gamma, 0f); // nothing flows back from beyond the stretch
        for (int t = len - 1; t >= 0; t--) {
            int ht = t * H, ot = t * O;
            System.arraycopy(tdy, ot, dys, 0, O);
            contextToOutput(gamma, dys);
            System.arraycopy(ta, ot, as, 0, O);
            System.arraycopy(ty, ot, ys, 0, O);
            g.backward(as, ys, dys, das, 1, O);
            System.arraycopy(das, 0, tdA, ot, O);
            Arrays.fill(dh, 0f);
            for (int o = 0; o < O; o++) {
                float d = das[o];
                int wo = o * H;
                for (int j = 0; j < H; j++) dh[j] += Wy[wo + j] * d;
            }
            contextToHidden(gamma, dh);
            System.arraycopy(tz, ht, zs, 0, H);
            System.arraycopy(th, ht, hs, 0, H);
            f.backward(zs, hs, dh, dzs, 1, H);
            System.arraycopy(dzs, 0, tdz, ht, H);
            for (int q = 0; q < C; q++) gammaPrev[q] = mu * gamma[q];
            for (int j = 0; j < H; j++) {
                float d = dzs[j];
                int wj = j * C;
                for (int q = 0; q < C; q++) gammaPrev[q] += Wc[wj + q] * d;
            }
            float[] swap = gamma;
            gamma = gammaPrev;
            gammaPrev = swap;
        }
        // the weight gradients, summed over the stretch in one product each
        Gemm.mulTN(tdz, tape.x, wx.grad(), H, I, len, true, Parallel.SERIAL);
        Gemm.mulTN(tdz, tape.c, wc.grad(), H, C, len, true, Parallel.SERIAL);
        Gemm.mulTN(tdA, th, wy.grad(), O, H, len, true, Parallel.SERIAL);
        addColumnSums(tdz, bh.grad(), len, H);
        addColumnSums(tdA, by.grad(), len, O);
    }

    private static void addColumnSums(float[] m, float[] out, int rows, int width) {
        for (int t = 0; t < rows; t++) {
            int r = t * width;
            for (int j = 0; j < width; j++) out[j] += m[r + j];
        }
    }

    // ---- prediction ----

    /**
     * The outputs for {@code steps} inputs, continuing from the current context (one-step-ahead
     * prediction when x_t is the observed series: teacher forcing). Leaves the context after the
     * last step.
     *
     * @param x inputs (steps, I), not modified
     * @return outputs (steps, O)
     */
    public float[] predict(float[] x, int steps) {
        if (steps < 0 || (long) steps * inputs != x.length) {
            throw new IllegalArgumentException("input sequence has " + x.length + " values; " + steps + " steps of "
                    + inputs + " inputs need " + (long) steps * inputs);
        }
        float[] y = new float[steps * outputs];
        Tape tape = runTape();
        for (int from = 0; from < steps; from += CHUNK) {
            int len = Math.min(CHUNK, steps - from);
            forward(tape, x, from, len);
            System.arraycopy(tape.y, 0, y, from * outputs, len * outputs);
        }
        return y;
    }

    /**
     * A free-running forecast: the net is given {@code first} as its input, then each output
     * becomes the next input, for {@code steps} steps, continuing from the current context. Needs
     * I = O. Leaves the context after the last step.
     *
     * @param first the first input (I), not modified
     * @return the outputs y_1 .. y_steps (steps, O)
     */
    public float[] forecast(float[] first, int steps) {
        if (inputs != outputs) {
            throw new IllegalArgumentException("a free-running forecast feeds outputs back as inputs, so inputs ("
                    + inputs + ") and outputs (" + outputs + ") must be equal");
        }
        if (first.length != inputs) {
            throw new IllegalArgumentException("first input has " + first.length + " values, expected " + inputs);
        }
        if (steps < 0) throw new IllegalArgumentException("forecast length must be at least 0, got " + steps);
        float[] y = new float[steps * outputs];
        float[] in = first.clone();
        Tape tape = runTape();
        for (int t = 0; t < steps; t++) {
            forward(tape, in, 0, 1);
            System.arraycopy(tape.y, 0, in, 0, outputs);
            System.arraycopy(in, 0, y, t * outputs, outputs);
        }
        return y;
    }

    private Tape runTape() {
        if (runTape == null) runTape = newTape(CHUNK);
        return runTape;
    }

    /**
     * What {@link #forward} records and {@link #backward} reads, for up to {@code capacity} steps,
     * plus the scratch rows both use. Made by {@link #newTape}, tied to its net.
     */
    public static final class Tape {
        private final RecurrentNet net;
        private final int capacity;
        private int length;
        private final float[] x, c, z, h, a, y, dy, dA, dz;          // (k, width)
        private final float[] zs, hs, dh, dzs, as, ys, das, dys, gamma, gammaPrev; // one step

        private Tape(RecurrentNet net, int capacity) {
            if (capacity < 1) throw new IllegalArgumentException("tape capacity must be at least 1 step, got " + capacity);
            this.net = net;
            this.capacity = capacity;
            int I = net.inputs, H = net.hidden, O = net.outputs, C = net.context;
            x = new float[capacity * I];
            c = new float[capacity * C];
            z = new float[capacity * H];
            h = new float[capacity * H];
            a = new float[capacity * O];
            y = new float[capacity * O];
            dy = new float[capacity * O];
            dA = new float[capacity * O];
            dz = new float[capacity * H];
            zs = new float[H];
            hs = new float[H];
            dh = new float[H];
            dzs = new float[H];
            as = new float[O];
            ys = new float[O];
            das = new float[O];
            dys = new float[O];
            gamma = new float[C];
            gammaPrev = new float[C];
        }

        private void check(RecurrentNet n, int len) {
            if (n != net) throw new IllegalArgumentException("this tape belongs to another net");
            if (len < 1 || len > capacity) {
                throw new IllegalArgumentException("stretch of " + len + " steps; this tape holds 1.." + capacity);
            }
        }

        /** Steps recorded by the last forward pass. */
        public int length() {
            return length;
        }

        /** Outputs y_t of the recorded steps (k, O), row t = step t; read-only by convention. */
        public float[] outputs() {
            return y;
        }

        /** dE/dy_t (k, O), written by the caller before {@link RecurrentNet#backward}. */
        public float[] dy() {
            return dy;
        }
    }

    /** The same hidden and output layers without context: a feedforward net. */
    private static final class Memoryless extends RecurrentNet {
        Memoryless(RecurrentSpec spec, Rng rng) {
            super(spec, rng);
        }

        @Override
        void nextContext(float[] h, float[] y, float[] c) {
        }
    }
}
