package org.neurona;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.neurona.data.Dataset;
import org.neurona.layer.Dense;
import org.neurona.net.FeedForward;
import org.neurona.net.NetworkSpec;
import org.neurona.snns.SnnsPatternFile;
import org.neurona.train.History;
import org.neurona.train.Mode;
import org.neurona.train.TrainOptions;
import org.neurona.train.Trainer;

/**
 * The lecture's hands-on exercise as one call: load {@code lineal.csv}, train a sigmoid
 * perceptron with {@code backprop(a, b, epochs=500, eta=0.1)}, and get back the error history,
 * weights and biases.
 *
 * <pre>{@code
 * Dataset d = Lecture.lineal();
 * Lecture.Result r = Lecture.backprop(d, 500, 0.1);
 * r.errors();   // SSE per epoch, E = 1/2 sum (b - b_hat)^2
 * r.weights();  // W (outputs x inputs)
 * r.biases();   // b (outputs)
 * }</pre>
 */
public final class Lecture {
    private Lecture() {}

    /**
     * The result of {@link #backprop}.
     *
     * @param errors  SSE of every epoch, computed over all patterns before that epoch's update
     * @param weights W, one row per output unit, one column per input
     * @param biases  b, one per output unit (the threshold theta is -b)
     * @param net     the trained network, for predictions and plots
     */
    public record Result(double[] errors, double[][] weights, double[] biases, FeedForward net) {}

    /**
     * The lecture's {@code backprop(a, b, epochs, eta)}: a single layer of logistic units (one per
     * target column) trained by full-batch gradient descent on SSE, weights and biases starting
     * uniform in (-1, 1) from seed 1.
     *
     * @param a      inputs, one row per pattern
     * @param b      targets, one row per pattern
     * @param epochs passes over the data, positive
     * @param eta    learning rate, positive
     */
    public static Result backprop(double[][] a, double[][] b, int epochs, double eta) {
        return backprop(Dataset.of(a, b), epochs, eta);
    }

    /** {@link #backprop(double[][], double[][], int, double)} on a dataset, seed 1. */
    public static Result backprop(Dataset data, int epochs, double eta) {
        return backprop(data, epochs, eta, 1);
    }

    /** {@link #backprop(double[][], double[][], int, double)} on a dataset with a chosen seed. */
    public static Result backprop(Dataset data, int epochs, double eta, long seed) {
        NetworkSpec spec = NetworkSpec.parse(data.inputs() + ":" + data.outputs(), "logistic");
        FeedForward net = FeedForward.create(spec, seed);
        TrainOptions options = TrainOptions.builder().mode(Mode.BATCH).eta(eta).epochs(epochs).seed(seed).build();
        History h = new Trainer(options).fit(net, data);
        Dense layer = net.layers().get(0);
        double[][] w = new double[layer.outputs()][layer.inputs()];
        double[] bias = new double[layer.outputs()];
        for (int o = 0; o < layer.outputs(); o++) {
            for (int i = 0; i < layer.inputs(); i++) w[o][i] = layer.weights()[o * layer.inputs() + i];
            bias[o] = layer.biases()[o];
        }
        return new Result(h.trainErrorArray(), w, bias, net);
    }

    /** The lecture's data set: 15 points (x1, x2) of two linearly separable classes y in {0, 1}. */
    public static Dataset lineal() {
        return readNumericCsv("lineal.csv");
    }

    /**
     * The 26 letters A..Z as 5 x 7 binary pixel maps, row by row: inputs (26, 35), targets equal to
     * the inputs. From the SNNS examples (letters_auto.pat, LGPL-2; see the README beside it).
     */
    public static Dataset letters() {
        try (InputStream in = Lecture.class.getResourceAsStream("data/letters_auto.pat")) {
            if (in == null) throw new IllegalStateException("resource letters_auto.pat is missing from the jar");
            return SnnsPatternFile.parse(new String(in.readAllBytes(), StandardCharsets.US_ASCII), "letters_auto.pat")
                    .data();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads a small numeric CSV resource with a header; the last column is the target. */
    private static Dataset readNumericCsv(String name) {
        try (InputStream in = Lecture.class.getResourceAsStream("data/" + name)) {
            if (in == null) throw new IllegalStateException("resource " + name + " is missing from the jar");
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String header = r.readLine();
            int cols = header.split(",").length;
            List<float[]> rows = new ArrayList<>();
            for (String line; (line = r.readLine()) != null; ) {
                if (line.isBlank()) continue;
                String[] f = line.split(",");
                float[] v = new float[cols];
                for (int i = 0; i < cols; i++) v[i] = Float.parseFloat(f[i].trim());
                rows.add(v);
            }
            float[] x = new float[rows.size() * (cols - 1)], b = new float[rows.size()];
            for (int i = 0; i < rows.size(); i++) {
                System.arraycopy(rows.get(i), 0, x, i * (cols - 1), cols - 1);
                b[i] = rows.get(i)[cols - 1];
            }
            return new Dataset(x, b, rows.size(), cols - 1, 1, List.of(), name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
