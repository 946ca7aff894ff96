package org.neurona.net;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.neurona.activation.Linear;
import org.neurona.activation.Logistic;
import org.neurona.activation.Sign;
import org.neurona.activation.Softmax;
import org.neurona.activation.Step;
import org.neurona.data.Dataset;
import org.neurona.math.Rng;
import org.neurona.net.Perceptron.Options;
import org.neurona.net.Perceptron.Rule;

class PerceptronTest {

    private static final double[][] X2 = {{0, 0}, {0, 1}, {1, 0}, {1, 1}};

    private static Dataset gate(double... targets) {
        double[][] b = new double[targets.length][];
        for (int i = 0; i < targets.length; i++) b[i] = new double[] {targets[i]};
        return Dataset.of(X2, b);
    }

    @Test
    void perceptronRuleLearnsAndAndOr() {
        for (Dataset d : List.of(gate(0, 0, 0, 1), gate(0, 1, 1, 1))) {
            Perceptron p = new Perceptron(2, 1, Options.perceptronRule().withSeed(3));
            Perceptron.History h = p.train(d);
            assertTrue(h.converged(), "errors per epoch " + java.util.Arrays.toString(h.errors()));
            assertEquals(0, h.lastErrors());
            assertEquals(0, p.errors(d));
            assertEquals(0, h.sse()[h.epochs() - 1], 0);
            for (int i = 0; i < 4; i++) assertEquals(d.b()[i], p.output(X2[i])[0], 0);
            // the learned unit is a McCulloch-Pitts unit with theta = w_0
            ThresholdUnit u = p.unit(0);
            assertEquals(p.weights()[0][0], u.theta(), 0);
            for (int i = 0; i < 4; i++) assertEquals(d.b()[i], u.output(X2[i]), 0);
        }
    }

    @Test
    void perceptronRuleSeparatesASeededSeparableSet() {
        // 200 points of [-1,1]^2 labelled by the line 0.8 x1 - 0.5 x2 + 0.1 = 0, kept 0.05 away from it
        Rng rng = new Rng(2024);
        List<double[]> xs = new ArrayList<>(), bs = new ArrayList<>();
        while (xs.size() < 200) {
            double x1 = rng.uniform(-1, 1), x2 = rng.uniform(-1, 1), s = 0.8 * x1 - 0.5 * x2 + 0.1;
            if (Math.abs(s) / Math.hypot(0.8, 0.5) < 0.05) continue;
            xs.add(new double[] {x1, x2});
            bs.add(new double[] {s > 0 ? 1 : -1});
        }
        Dataset d = Dataset.of(xs.toArray(double[][]::new), bs.toArray(double[][]::new));
        Perceptron p = new Perceptron(2, 1, Options.perceptronRule().withActivation(new Sign()).withMaxEpochs(1000));
        Perceptron.History h = p.train(d);
        assertTrue(h.converged());
        assertEquals(0, h.lastErrors());
        assertTrue(h.errors()[0] > 0, "starts with mistakes");
        assertEquals(0, p.errors(d));
    }

    @Test
    void xorIsNotLearnedAndTrainingStopsAtTheEpochLimit() {
        Dataset xor = gate(0, 1, 1, 0);
        Perceptron p = new Perceptron(2, 1, Options.perceptronRule().withMaxEpochs(50).withSeed(7));
        Perceptron.History h = p.train(xor);
        assertFalse(h.converged());
        assertEquals(50, h.epochs());
        for (int e : h.errors()) assertTrue(e > 0, "a line cannot separate XOR: every epoch has errors");
        assertTrue(p.errors(xor) > 0);
    }

    @Test
    void severalOutputsLearnAndAndOrTogether() {
        Dataset d = Dataset.of(X2, new double[][] {{0, 0}, {0, 1}, {0, 1}, {1, 1}});
        Perceptron p = new Perceptron(2, 2, Options.perceptronRule().withSeed(11));
        Perceptron.History h = p.train(d);
        assertTrue(h.converged());
        float[] y = new float[2];
        for (int i = 0; i < 4; i++) {
            p.output(d.inputRow(i), y);
            assertArrayEquals(d.targetRow(i), y);
        }
    }

    @Test
    void perceptronRuleUpdateIsEtaTimesErrorTimesExtendedInput() {
        // one pattern x = (1, 2), target 1, start at theta = 0.5, w = (-1, 0): net = -1 - 0.5 < 0, y = 0
        Options o = Options.perceptronRule().withEta(0.25).withMaxEpochs(1);
        Perceptron p = new Perceptron(new double[][] {{0.5, -1, 0}}, o);
        p.train(Dataset.of(new double[][] {{1, 2}}, new double[][] {{1}}));
        // w += 0.25 * (1 - 0) * (-1, 1, 2)
        assertArrayEquals(new double[] {0.25, -0.75, 0.5}, p.weights()[0], 1e-15);
    }

    @Test
    void deltaRuleStepIsGradientDescentOnThePatternError() {
        Options o = Options.deltaRule(new Logistic(2)).withEta(0.3).withMaxEpochs(1);
        double[] w0 = {0.2, -0.4, 0.7};
        double[] x = {0.5, -1.5};
        double b = 0.75; // exact in float, as the dataset stores it
        Perceptron p = new Perceptron(new double[][] {w0.clone()}, o);
        p.train(Dataset.of(new double[][] {x}, new double[][] {{b}}));
        // expected: w - eta dE/dw with E(w) = 1/2 (b - f(w . (-1, x)))^2 by central differences
        double h = 1e-6;
        double[] xe = {-1, (float) x[0], (float) x[1]};
        for (int j = 0; j < 3; j++) {
            double[] plus = w0.clone(), minus = w0.clone();
            plus[j] += h;
            minus[j] -= h;
            double grad = (patternError(plus, xe, b) - patternError(minus, xe, b)) / (2 * h);
            assertEquals(w0[j] - 0.3 * grad, p.weights()[0][j], 1e-10, "w_" + j);
        }
    }

    private static double patternError(double[] w, double[] xe, double b) {
        double net = 0;
        for (int j = 0; j < w.length; j++) net += w[j] * xe[j];
        double y = new Logistic(2).value(net);
        return 0.5 * (b - y) * (b - y);
    }

    @Test
    void deltaRuleWithLinearOutputFindsTheLeastSquaresWeights() {
        // Adaline on exact data b = 2 x1 - x2 + 0.5: the weights go to theta = -0.5, w = (2, -1)
        Rng rng = new Rng(17);
        double[][] x = new double[40][], b = new double[40][];
        for (int i = 0; i < 40; i++) {
            x[i] = new double[] {rng.uniform(-1, 1), rng.uniform(-1, 1)};
            b[i] = new double[] {2 * x[i][0] - x[i][1] + 0.5};
        }
        Dataset d = Dataset.of(x, b);
        Perceptron p = new Perceptron(2, 1, Options.deltaRule(new Linear()).withEta(0.05).withMaxEpochs(2000)
                .withTargetError(1e-10));
        Perceptron.History h = p.train(d);
        assertTrue(h.converged(), "last SSE " + h.sse()[h.epochs() - 1]);
        assertArrayEquals(new double[] {-0.5, 2, -1}, p.weights()[0], 1e-4);
        assertTrue(h.sse()[0] > h.sse()[h.epochs() - 1]);
    }

    @Test
    void deltaRuleWithLogisticLearnsOr() {
        Dataset or = gate(0, 1, 1, 1);
        Perceptron p = new Perceptron(2, 1, Options.deltaRule(new Logistic()).withEta(0.5).withMaxEpochs(2000));
        Perceptron.History h = p.train(or);
        assertEquals(0, h.lastErrors());
        assertEquals(0, p.errors(or));
        assertTrue(h.sse()[h.epochs() - 1] < 0.1 * h.sse()[0], "SSE falls");
        assertFalse(h.converged(), "target error 0 is never reached by a logistic output");
    }

    @Test
    void sameSeedSameWeightsOtherSeedOtherWeights() {
        Options o = Options.perceptronRule();
        assertArrayEquals(new Perceptron(3, 2, o).weights(), new Perceptron(3, 2, o).weights());
        assertNotEquals(new Perceptron(3, 2, o).weights()[0][0], new Perceptron(3, 2, o.withSeed(2)).weights()[0][0]);
        for (double[] row : new Perceptron(30, 5, o).weights()) {
            for (double v : row) assertTrue(v >= -1 && v < 1, "uniform(-1, 1): " + v);
        }
    }

    @Test
    void impossibleConfigurationsAreRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Options(new Step(), Rule.DELTA, 0.1, 10, 0, 1));
        assertTrue(e.getMessage().contains("cannot be trained by gradient; use Rule.PERCEPTRON"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new Options(new Logistic(), Rule.PERCEPTRON, 0.1, 10, 0, 1));
        assertTrue(e.getMessage().contains("perceptron rule trains step units"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Options.deltaRule(new Softmax()));
        assertTrue(e.getMessage().contains("differentiable elementwise activation, got 'softmax'"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Options.perceptronRule().withEta(0));
        assertTrue(e.getMessage().contains("eta is 0.0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Options.perceptronRule().withEta(Double.NaN));
        assertTrue(e.getMessage().contains("eta is NaN"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Options.perceptronRule().withMaxEpochs(0));
        assertTrue(e.getMessage().contains("maxEpochs is 0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Options.perceptronRule().withTargetError(-1));
        assertTrue(e.getMessage().contains("targetError is -1.0"), e.getMessage());
    }

    @Test
    void badDataIsRejected() {
        Perceptron p = new Perceptron(2, 1, Options.perceptronRule());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> p.train(Dataset.of(new double[][] {{1, 2, 3}}, new double[][] {{1}})));
        assertTrue(e.getMessage().contains("3 inputs and 1 targets per pattern; the perceptron has 2 inputs"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> p.train(gate(0, 1, 1, 0.5)));
        assertTrue(e.getMessage().contains("target row 4, column 1 is 0.5; the perceptron rule with 'step' units needs targets 0 or 1"),
                e.getMessage());
        Perceptron bipolar = new Perceptron(2, 1, Options.perceptronRule().withActivation(new Sign()));
        e = assertThrows(IllegalArgumentException.class, () -> bipolar.train(gate(0, 1, 1, 1)));
        assertTrue(e.getMessage().contains("needs targets -1 or 1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> p.output(1, 2, 3));
        assertTrue(e.getMessage().contains("input has 3 values; expected 2"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new Perceptron(new double[][] {{1, 2}, {1}}, Options.perceptronRule()));
        assertTrue(e.getMessage().contains("weight row 1 has 1 values; expected 2"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Perceptron(0, 1, Options.perceptronRule()));
    }

    @Test
    void divergingDeltaRuleStopsWithAMessage() {
        Rng rng = new Rng(9);
        double[][] x = new double[20][], b = new double[20][];
        for (int i = 0; i < 20; i++) {
            x[i] = new double[] {rng.uniform(-10, 10), rng.uniform(-10, 10)};
            b[i] = new double[] {rng.uniform(-1, 1)};
        }
        Perceptron p = new Perceptron(2, 1, Options.deltaRule(new Linear()).withEta(5).withMaxEpochs(500));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> p.train(Dataset.of(x, b)));
        assertTrue(e.getMessage().contains("diverged in epoch") && e.getMessage().contains("smaller eta than 5.0"),
                e.getMessage());
    }
}
