package org.neurona.examples;

import java.util.Arrays;
import java.util.Locale;
import org.neurona.Lecture;
import org.neurona.activation.Step;
import org.neurona.data.Dataset;
import org.neurona.net.Perceptron;
import org.neurona.net.ThresholdUnit;

/**
 * The lecture's first neuron: a McCulloch-Pitts threshold unit y = f(sum_j w_j x_j - theta) with
 * f the Heaviside step, shown to equal the extended form sum_{j=0..n} w_j x_j with x_0 = -1 and
 * w_0 = theta; then Rosenblatt's perceptron rule w_j += eta (b - y) x_j (theta learned as w_0)
 * on the linearly separable lineal.csv data, which by the convergence theorem ends with no error.
 *
 * <p>Targets (asserted by the test): AND and OR of two inputs computed by the unit, both forms
 * agree on every input; the perceptron rule (eta 0.1, seed 1) classifies all 15 points of
 * lineal.csv after a finite number of epochs (printed).
 */
public final class NeuronExample {
    private NeuronExample() {}

    /**
     * What the example reports.
     *
     * @param and        AND's outputs for (0,0), (0,1), (1,0), (1,1)
     * @param or         OR's outputs for the same inputs
     * @param formsAgree whether y = f(w . x - theta) equals f(sum_{j=0..n} w_j x_j) on every input
     * @param epochs     epochs of the perceptron rule until an epoch without errors
     * @param converged  whether it got there within the epoch limit
     * @param errors     misclassified points of lineal.csv after training
     * @param weights    the learned extended weights (w_0 = theta, w_1, w_2)
     */
    public record Outcome(int[] and, int[] or, boolean formsAgree, int epochs, boolean converged, int errors,
                          double[] weights) {}

    private static final double[][] INPUTS = {{0, 0}, {0, 1}, {1, 0}, {1, 1}};

    /**
     * Runs the example.
     *
     * @return the outputs, the epoch count and the weights
     */
    public static Outcome run() {
        ThresholdUnit and = ThresholdUnit.and(2), or = ThresholdUnit.or(2);
        int[] yAnd = new int[4], yOr = new int[4];
        boolean agree = true;
        for (int i = 0; i < 4; i++) {
            double[] x = INPUTS[i];
            yAnd[i] = (int) and.output(x);
            yOr[i] = (int) or.output(x);
            agree &= and.output(x) == and.outputExtended(ThresholdUnit.extend(x))
                    && or.output(x) == or.outputExtended(ThresholdUnit.extend(x));
        }
        Dataset lineal = Lecture.lineal();
        Perceptron p = new Perceptron(2, 1, Perceptron.Options.perceptronRule().withActivation(new Step()));
        Perceptron.History h = p.train(lineal);
        return new Outcome(yAnd, yOr, agree, h.epochs(), h.converged(), p.errors(lineal), p.weights()[0]);
    }

    /**
     * Prints the truth tables and the perceptron's training.
     *
     * @param args not used
     */
    public static void main(String[] args) {
        Outcome o = run();
        System.out.println("x1 x2  AND  OR   (AND: w = (1, 1), theta = 2; OR: w = (1, 1), theta = 1)");
        for (int i = 0; i < 4; i++) {
            System.out.printf("%2d %2d  %3d %3d%n", (int) INPUTS[i][0], (int) INPUTS[i][1], o.and()[i], o.or()[i]);
        }
        System.out.println("threshold form equals the x0 = -1 form on every input: " + o.formsAgree());
        System.out.printf(Locale.ROOT, "perceptron rule on lineal.csv: no error after epoch %d (converged %s), "
                + "%d errors; w = (theta, w1, w2) = %s%n", o.epochs(), o.converged(), o.errors(),
                Arrays.toString(Arrays.stream(o.weights()).map(v -> Math.round(v * 1000) / 1000.0).toArray()));
    }
}
