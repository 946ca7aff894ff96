package org.neurona.examples;

import java.util.Arrays;
import org.neurona.Lecture;
import org.neurona.data.Dataset;

/**
 * The lecture's hands-on exercise: the 15 points of lineal.csv, a sigmoid perceptron (2 inputs,
 * one logistic output) trained with {@code backprop(a, b, epochs=500, eta=0.1)}: full batch,
 * E = 1/2 sum (b - b_hat)^2. Prints the error every 100 epochs, the weights and the bias, and
 * how many points are classified correctly.
 */
public final class LinealExample {
    private LinealExample() {}

    /** What the example reports. */
    public record Outcome(double firstError, double lastError, double[] weights, double bias, int correct, int points) {}

    public static Outcome run() {
        Dataset a = Lecture.lineal();
        Lecture.Result r = Lecture.backprop(a, 500, 0.1);
        float[] y = r.net().predict(a.x(), a.rows());
        int correct = 0;
        for (int i = 0; i < a.rows(); i++) if ((y[i] > 0.5 ? 1 : 0) == a.b()[i]) correct++;
        double[] e = r.errors();
        return new Outcome(e[0], e[e.length - 1], r.weights()[0], r.biases()[0], correct, a.rows());
    }

    public static void main(String[] args) {
        Dataset a = Lecture.lineal();
        Lecture.Result r = Lecture.backprop(a, 500, 0.1);
        for (int epoch = 0; epoch < r.errors().length; epoch += 100) {
            System.out.printf("epoch %3d  E = %.4f%n", epoch + 1, r.errors()[epoch]);
        }
        System.out.printf("epoch %3d  E = %.4f%n", r.errors().length, r.errors()[r.errors().length - 1]);
        System.out.println("weights " + Arrays.toString(r.weights()[0]) + ", bias " + r.biases()[0]);
        Outcome o = run();
        System.out.println(o.correct() + " of " + o.points() + " points classified correctly");
    }
}
