package org.neurona.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.neurona.layer.Dense;
import org.neurona.layer.Init;
import org.neurona.layer.Param;
import org.neurona.loss.Loss;
import org.neurona.math.Parallel;
import org.neurona.math.Rng;

/**
 * Backprop's gradients equal central finite differences: first the double-precision reference
 * (relative error < 1e-6), then the float training path against the reference.
 */
class BackpropGradientTest {

    static Stream<Arguments> nets() {
        return Stream.of(
                Arguments.of("3:4:3:2", "logistic", Loss.SSE),
                Arguments.of("3:4:3:2", "logistic:2", Loss.SSE),
                Arguments.of("3:4:3:2", "tanh", Loss.SSE),
                Arguments.of("3:4:3:2", "tanh:0.5", Loss.MSE),
                Arguments.of("3:4:3:2", "linear", Loss.SSE),
                Arguments.of("3:4:3:2", "relu,relu,linear", Loss.SSE),
                Arguments.of("3:4:3:3", "tanh,tanh,softmax", Loss.CE),
                Arguments.of("3:4:3:3", "logistic,relu,softmax", Loss.SSE),
                Arguments.of("3:5:4:2", "tanh,logistic,logistic", Loss.CE));
    }

    static Stream<Arguments> activations() {
        return GradientCases.activationNames().stream().map(Arguments::of);
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("nets")
    void referenceMatchesFiniteDifferences(String layers, String act, Loss loss) {
        checkReference(layers, act, loss);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("activations")
    void everyDifferentiableActivationBackpropagates(String act) {
        checkReference("3:4:3:2", act + "," + act + ",linear", Loss.SSE);
        checkFloat("3:4:3:2", act + "," + act + ",linear", Loss.SSE);
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("nets")
    void floatBackpropMatchesReference(String layers, String act, Loss loss) {
        checkFloat(layers, act, loss);
    }

    private static double[][][] data(int rows, int in, int out, boolean oneHot, long seed) {
        Rng rng = new Rng(seed);
        double[][] x = new double[rows][in], t = new double[rows][out];
        for (int r = 0; r < rows; r++) {
            for (int i = 0; i < in; i++) x[r][i] = rng.uniform(-1.5, 1.5);
            if (oneHot) t[r][rng.nextInt(out)] = 1;
            else for (int i = 0; i < out; i++) t[r][i] = rng.uniform(0.1, 0.9);
        }
        return new double[][][] {x, t};
    }

    private static void checkReference(String layers, String act, Loss loss) {
        // the lecture's U(-1, 1), biases included: no net input sits exactly on a ReLU kink
        FeedForward net = FeedForward.create(NetworkSpec.parse(layers, act).withInit(Init.LECTURE), 7);
        ReferenceBackprop ref = new ReferenceBackprop(net);
        int in = net.inputs(), out = net.outputs();
        double[][][] d = data(5, in, out, loss.kind() == Loss.Kind.CE, 3);
        double[][][] g = ref.gradient(d[0], d[1], loss);
        double h = 1e-6;
        for (int l = 0; l < ref.w.length; l++) {
            for (double[][] pair : new double[][][] {{ref.w[l], g[0][l]}, {ref.b[l], g[1][l]}}) {
                double[] v = pair[0], grad = pair[1];
                for (int i = 0; i < v.length; i++) {
                    double keep = v[i];
                    v[i] = keep + h;
                    double ep = ref.loss(d[0], d[1], loss);
                    v[i] = keep - h;
                    double em = ref.loss(d[0], d[1], loss);
                    v[i] = keep;
                    double fd = (ep - em) / (2 * h);
                    double rel = Math.abs(fd - grad[i]) / Math.max(1e-3, Math.abs(fd) + Math.abs(grad[i]));
                    assertTrue(rel < 1e-6, layers + " " + act + " layer " + l + " [" + i + "]: backprop " + grad[i]
                            + " vs finite difference " + fd + " (rel " + rel + ")");
                }
            }
        }
    }

    private static void checkFloat(String layers, String act, Loss loss) {
        FeedForward net = FeedForward.create(NetworkSpec.parse(layers, act).withInit(Init.LECTURE), 11);
        int in = net.inputs(), out = net.outputs(), rows = 6;
        double[][][] d = data(rows, in, out, loss.kind() == Loss.Kind.CE, 5);
        double[][][] g = new ReferenceBackprop(net).gradient(d[0], d[1], loss);
        float[] x = new float[rows * in], b = new float[rows * out];
        for (int r = 0; r < rows; r++) {
            for (int i = 0; i < in; i++) x[r * in + i] = (float) d[0][r][i];
            for (int i = 0; i < out; i++) b[r * out + i] = (float) d[1][r][i];
        }
        FeedForward.Workspace ws = net.workspace(rows, Parallel.SERIAL);
        for (Param p : net.params()) p.zeroGrad();
        float[] a = net.forward(ws, x, rows, null);
        loss.delta(a, b, ws.outputDelta(), rows, out, 1f);
        net.backward(ws, x, rows, loss.fuses(net.layers().get(net.layers().size() - 1).activation()), false);
        List<Dense> layers1 = net.layers();
        for (int l = 0; l < layers1.size(); l++) {
            Dense layer = layers1.get(l);
            float[] dw = layer.params().get(0).grad(), db = layer.params().get(1).grad();
            for (int i = 0; i < dw.length; i++) {
                assertEquals(g[0][l][i], dw[i], 1e-4 + 1e-4 * Math.abs(g[0][l][i]), act + " dW layer " + l + " [" + i + "]");
            }
            for (int i = 0; i < db.length; i++) {
                assertEquals(g[1][l][i], db[i], 1e-4 + 1e-4 * Math.abs(g[1][l][i]), act + " db layer " + l + " [" + i + "]");
            }
        }
    }
}
