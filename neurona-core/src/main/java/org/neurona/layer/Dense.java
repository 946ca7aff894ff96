package org.neurona.layer;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.neurona.activation.Activation;
import org.neurona.activation.Parametric;
import org.neurona.activation.ReLU;
import org.neurona.activation.Stochastic;
import org.neurona.math.Gemm;
import org.neurona.math.Parallel;
import org.neurona.math.Rng;

/**
 * A fully connected layer: I inputs, O units, the lecture's
 * <pre>
 *   forward    A = W a_in + b,  a = f(A)                     (per pattern; a batch is B rows)
 *   backward   delta = dE/da (.) f'(A)
 *              dE/dW += delta^T a_in,  dE/db += sum_rows delta,  dE/da_in = delta W
 * </pre>
 * Shapes: B = batch rows, I = inputs, O = outputs. W is (O, I) row-major (unit o's weights are
 * row o), b is (O). In code the pre-activation A is {@code z}, delta is {@code dz}.
 *
 * <p>The weights are read by {@link #forward} without being changed, so any number of threads may
 * run inference at once; gradients ({@code dW}, {@code db}) are written by {@link #backward} and
 * belong to one trainer at a time.
 */
public final class Dense {
    private final int inputs;
    private final int outputs;
    private final Activation f;
    private final boolean bias;
    private final Param w;      // (O, I)
    private final Param b;      // (O), empty when the layer has no bias
    private final Param slope;  // (1) PReLU's trained slope, or null
    private final List<Param> params;

    /** A layer with weights and biases drawn by {@code init}. */
    public Dense(int inputs, int outputs, Activation f, boolean bias, Init init, Rng rng, String name) {
        if (inputs < 1 || outputs < 1) {
            throw new IllegalArgumentException(name + ": sizes must be positive, got " + inputs + " -> " + outputs);
        }
        this.inputs = inputs;
        this.outputs = outputs;
        this.f = f;
        this.bias = bias;
        float[] wv = new float[outputs * inputs];
        float[] bv = new float[bias ? outputs : 0];
        float[] initB = new float[outputs];
        init.fill(wv, initB, inputs, outputs, rng);
        if (bias) System.arraycopy(initB, 0, bv, 0, outputs);
        this.w = Param.of(name + ".W", wv, true);
        this.b = Param.of(name + ".b", bv, false);
        this.slope = f instanceof Parametric p ? Param.of(name + ".slope", new float[] {p.initialParameter()}, false) : null;
        List<Param> ps = new ArrayList<>(List.of(w));
        if (bias) ps.add(b);
        if (slope != null) ps.add(slope);
        this.params = Collections.unmodifiableList(ps);
    }

    /** Number of inputs I. */
    public int inputs() { return inputs; }

    /** Number of units O. */
    public int outputs() { return outputs; }

    /** The activation function f. */
    public Activation activation() { return f; }

    /** Whether the layer has biases. */
    public boolean hasBias() { return bias; }

    /** The weights W (O, I), row-major; live array, changes as the net trains. */
    public float[] weights() { return w.value(); }

    /** The biases b (O); live array; empty when the layer has no bias. */
    public float[] biases() { return b.value(); }

    /** PReLU's current slope, or NaN when the activation has no parameter. */
    public float activationParameter() { return slope == null ? Float.NaN : slope.value()[0]; }

    /** Sets PReLU's slope (model loading). */
    public void activationParameter(float p) {
        if (slope == null) throw new IllegalStateException("activation " + f.name() + " has no parameter");
        slope.value()[0] = p;
    }

    /** The trainable parameters: W, then b (if any), then the activation's slope (if any). */
    public List<Param> params() { return params; }

    /**
     * z = x W^T + b, a = f(z) for {@code rows} patterns. Writes z, a (and noise when training a
     * stochastic activation).
     *
     * @param x     inputs (rows, I), not modified
     * @param z     net inputs A (rows, O), written
     * @param a     outputs (rows, O), written
     * @param noise (rows, O) per-unit draws of a stochastic activation while training, written
     * @param rng   non-null while training (draws RReLU slopes); null at inference
     */
    public void forward(float[] x, float[] z, float[] a, float[] noise, int rows, Rng rng, Parallel par) {
        Gemm.mulNT(x, w.value(), z, rows, outputs, inputs, false, par);
        if (slope == null && f instanceof ReLU) {
            // bias and rectifier in one pass, rows split among the threads
            Elementwise.forwardRelu(z, bias ? b.value() : null, a, rows, outputs, par);
            return;
        }
        if (bias) {
            float[] bv = b.value();
            for (int r = 0; r < rows; r++) {
                int o = r * outputs;
                for (int j = 0; j < outputs; j++) z[o + j] += bv[j];
            }
        }
        if (slope != null) {
            ((Parametric) f).forward(z, a, rows, outputs, slope.value()[0]);
        } else if (rng != null && f instanceof Stochastic s) {
            s.forwardTraining(z, a, noise, rows, outputs, rng);
        } else {
            f.forward(z, a, rows, outputs);
        }
    }

    /**
     * Backpropagates through the layer. Accumulates into dW, db (and the slope's gradient);
     * writes dz and, when {@code dx} is non-null, dx.
     *
     * @param x       the inputs of the forward pass (rows, I), not modified
     * @param z       net inputs from the forward pass (rows, O), not modified
     * @param a       outputs from the forward pass (rows, O), not modified
     * @param noise   the stochastic activation's draws from the forward pass, not modified
     * @param d       dE/da (rows, O), or dE/dz when {@code isDz}; overwritten with dE/dz
     * @param isDz    whether d already holds dE/dz (fused softmax + cross-entropy)
     * @param dx      dE/dx (rows, I), written; null for the first layer
     * @param flatSpot Fahlman's flat-spot constant c: delta = dE/da (.) (f'(A) + c); 0 for the lecture's rule
     * @param spare   (rows, O) scratch for the flat-spot term, written; may be null when flatSpot is 0
     */
    public void backward(float[] x, float[] z, float[] a, float[] noise, float[] d, boolean isDz,
                         float[] dx, int rows, boolean training, Parallel par, float flatSpot, float[] spare) {
        backward(x, z, a, noise, d, isDz, dx, rows, training, par, flatSpot, spare, false);
    }

    /**
     * {@link #backward(float[], float[], float[], float[], float[], boolean, float[], int, boolean, Parallel, float, float[])}
     * that, when {@code fresh}, overwrites dW, db (and the slope's gradient) with this batch's
     * gradient instead of adding to them: the same values, bit for bit, as zeroing them first,
     * without the extra pass over the gradients.
     *
     * @param fresh write the gradients instead of accumulating into them
     */
    public void backward(float[] x, float[] z, float[] a, float[] noise, float[] d, boolean isDz,
                         float[] dx, int rows, boolean training, Parallel par, float flatSpot, float[] spare,
                         boolean fresh) {
        float[] db = bias ? b.grad() : null;
        boolean dbDone = false;
        if (!isDz && flatSpot == 0f && slope == null && f instanceof ReLU) {
            // rectifier derivative and bias gradient in one pass, columns split among the threads
            Elementwise.backwardRelu(z, a, d, db, fresh, rows, outputs, par);
            dbDone = true;
        } else if (!isDz) {
            if (flatSpot != 0f) System.arraycopy(d, 0, spare, 0, rows * outputs);
            if (slope != null) {
                float g = (float) ((Parametric) f).backward(z, d, d, rows, outputs, slope.value()[0]);
                float[] sg = slope.grad();
                sg[0] = fresh ? 0f + g : sg[0] + g;
            } else if (training && f instanceof Stochastic s) {
                s.backwardTraining(z, noise, d, d, rows, outputs);
            } else {
                f.backward(z, a, d, d, rows, outputs);
            }
            if (flatSpot != 0f) {
                for (int i = 0, n = rows * outputs; i < n; i++) d[i] += flatSpot * spare[i];
            }
        }
        // dW (O, I) (+)= dz^T (O, B) . x (B, I)
        Gemm.mulTN(d, x, w.grad(), outputs, inputs, rows, !fresh, par);
        if (bias && !dbDone) {
            if (fresh) java.util.Arrays.fill(db, 0f);
            for (int r = 0; r < rows; r++) {
                int o = r * outputs;
                for (int j = 0; j < outputs; j++) db[j] += d[o + j];
            }
        }
        if (dx != null) {
            // dx (B, I) = dz (B, O) . W (O, I)
            Gemm.mulNN(d, w.value(), dx, rows, inputs, outputs, false, par);
        }
    }
}
