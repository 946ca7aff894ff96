package org.neurona.net;

import java.util.List;
import org.neurona.data.Dataset;
import org.neurona.layer.Dense;
import org.neurona.math.Parallel;
import org.neurona.math.Rng;
import org.neurona.train.EpochListener;
import org.neurona.train.History;
import org.neurona.train.TrainOptions;
import org.neurona.train.Trainer;

/**
 * An autoencoder (see {@link AutoencoderSpec}): a {@link FeedForward} net trained input -&gt;
 * input, split at the code layer into an encoder (layers 0 .. codeLayer) and a decoder (the rest).
 *
 * <p>Shapes: N = patterns, I = inputs (= outputs), C = code units; codes are (N, C), inputs and
 * reconstructions (N, I), all row-major.
 */
public final class Autoencoder {
    private final AutoencoderSpec spec;
    private final FeedForward net;

    private Autoencoder(AutoencoderSpec spec, FeedForward net) {
        this.spec = spec;
        this.net = net;
    }

    /** A fresh autoencoder with initial weights drawn from {@code seed}. */
    public static Autoencoder create(AutoencoderSpec spec, long seed) {
        return new Autoencoder(spec, FeedForward.create(spec.network(), seed));
    }

    /** An autoencoder around an existing net (e.g. read from a model file) of the spec's shape. */
    public static Autoencoder of(AutoencoderSpec spec, FeedForward net) {
        if (!net.spec().equals(spec.network())) {
            throw new IllegalArgumentException("network " + net.spec() + " does not have the autoencoder's shape " + spec.network());
        }
        return new Autoencoder(spec, net);
    }

    public AutoencoderSpec spec() {
        return spec;
    }

    /** The underlying net (trained in place). */
    public FeedForward network() {
        return net;
    }

    /** I. */
    public int inputs() {
        return net.inputs();
    }

    /** C. */
    public int codeSize() {
        return spec.codeSize();
    }

    /**
     * Trains on the inputs of {@code data} (its targets are ignored; the target is the input).
     * With noise (a denoising autoencoder), every epoch trains on a freshly corrupted copy of the
     * inputs, drawn from {@code options.seed()}, against the clean inputs; the recorded error is
     * that on the corrupted inputs. The learning rule's state (momentum) carries across epochs.
     */
    public History train(Dataset data, TrainOptions options, EpochListener... listeners) {
        checkWidth(data.inputs(), data.source());
        Dataset target = new Dataset(data.x(), data.x(), data.rows(), data.inputs(), data.inputs(), List.of(), data.source());
        if (spec.noise() == 0) return new Trainer(options).fit(net, target, listeners);
        Rng rng = new Rng(options.seed()).split();
        return new Trainer(options).fit(net, epoch -> new Dataset(corrupt(data.x(), rng), data.x(), data.rows(),
                data.inputs(), data.inputs(), List.of(), data.source()), null, listeners);
    }

    /** A corrupted copy of x by the spec's corruption and noise level. */
    float[] corrupt(float[] x, Rng rng) {
        float[] c = x.clone();
        double noise = spec.noise();
        if (spec.corruption() == AutoencoderSpec.Corruption.MASK) {
            for (int i = 0; i < c.length; i++) if (rng.nextDouble() < noise) c[i] = 0;
        } else {
            for (int i = 0; i < c.length; i++) c[i] += (float) (noise * rng.nextGaussian());
        }
        return c;
    }

    /** Codes (rows, C) of {@code rows} input patterns x (rows, I): the code layer's outputs. */
    public float[] encode(float[] x, int rows) {
        checkRows(x, rows, inputs(), "input");
        return run(x, rows, 0, spec.codeLayer());
    }

    /** Reconstructions (rows, I) from codes (rows, C): the decoder's output. */
    public float[] decode(float[] codes, int rows) {
        checkRows(codes, rows, codeSize(), "code");
        return run(codes, rows, spec.codeLayer() + 1, net.layers().size() - 1);
    }

    /** Reconstructions (rows, I) of input patterns x (rows, I). */
    public float[] reconstruct(float[] x, int rows) {
        checkRows(x, rows, inputs(), "input");
        return net.predict(x, rows);
    }

    /**
     * Reconstruction error as the mean squared error over every value,
     * (1/(N I)) sum_n sum_j (x_nj - x^_nj)^2, of the inputs of {@code data}.
     */
    public double reconstructionMse(Dataset data) {
        checkWidth(data.inputs(), data.source());
        if (data.rows() == 0) return 0;
        float[] x = data.x(), y = reconstruct(x, data.rows());
        double s = 0;
        for (int i = 0; i < y.length; i++) {
            double d = (double) x[i] - y[i];
            s += d * d;
        }
        return s / y.length;
    }

    /** Runs weight layers from .. to (inclusive) at inference; allocates its buffers. */
    private float[] run(float[] x, int rows, int from, int to) {
        float[] in = x;
        for (int l = from; l <= to; l++) {
            Dense d = net.layers().get(l);
            float[] z = new float[rows * d.outputs()], a = new float[rows * d.outputs()];
            d.forward(in, z, a, null, rows, null, Parallel.SERIAL);
            in = a;
        }
        return in;
    }

    private void checkWidth(int width, String source) {
        if (width != inputs()) {
            throw new IllegalArgumentException(source + " has " + width + " inputs per pattern; the autoencoder has " + inputs());
        }
    }

    private static void checkRows(float[] v, int rows, int width, String what) {
        if (rows < 0 || v.length < (long) rows * width) {
            throw new IllegalArgumentException(what + " has " + v.length + " values; " + rows + " rows of " + width + " need "
                    + (long) rows * width);
        }
    }
}
