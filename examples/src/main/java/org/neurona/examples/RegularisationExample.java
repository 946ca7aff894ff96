package org.neurona.examples;

import java.util.Locale;
import org.neurona.layer.Param;
import org.neurona.loss.Loss;
import org.neurona.net.FeedForward;
import org.neurona.net.NetworkSpec;
import org.neurona.train.Mode;
import org.neurona.train.TrainOptions;
import org.neurona.train.Trainer;

/**
 * L2 regularisation on XOR: E' = E + lambda sum w^2 adds 2 lambda w to every weight's gradient
 * (biases are not decayed), so the weights stay small. The same 2:3:1 net (seed 1, online, eta
 * 0.5, momentum 0.9, 2000 epochs) is trained with lambda = 0 and lambda = 0.0001, recording the
 * sum of squared weights after every epoch.
 *
 * <p>Targets (asserted by the test): with lambda the final sum of squared weights is less than half
 * of that without, and the net still solves XOR (every output on the right side of 0.5).
 */
public final class RegularisationExample {
    private RegularisationExample() {}

    /** The lambda the example compares with 0. */
    public static final double LAMBDA = 0.0001;

    /**
     * One run.
     *
     * @param weightSize sum w^2 of the weights (not biases) after each epoch
     * @param sse        final SSE of the net (without the L2 term)
     * @param correct    XOR patterns whose output is on the right side of 0.5
     */
    public record Run(double[] weightSize, double sse, int correct) {
        /**
         * Sum of squared weights after the last epoch.
         *
         * @return sum w^2 at the end of training
         */
        public double finalWeightSize() {
            return weightSize[weightSize.length - 1];
        }
    }

    /**
     * Trains the 2:3:1 net with the given lambda.
     *
     * @param lambda L2 coefficient, >= 0
     * @return the weight size per epoch and the final fit
     */
    public static Run train(double lambda) {
        FeedForward net = FeedForward.create(NetworkSpec.parse("2:3:1", "logistic"), 1);
        TrainOptions o = TrainOptions.builder().mode(Mode.ONLINE).eta(0.5).momentum(0.9).lambda(lambda).epochs(2000)
                .seed(1).build();
        double[] size = new double[o.epochs()];
        int[] n = {0};
        new Trainer(o).fit(net, XorExample.XOR, e -> size[n[0]++] = weightSize(e.params()));
        float[] y = net.predict(XorExample.XOR.x(), 4);
        int ok = 0;
        for (int i = 0; i < 4; i++) if ((y[i] > 0.5 ? 1 : 0) == XorExample.XOR.b()[i]) ok++;
        return new Run(java.util.Arrays.copyOf(size, n[0]), Trainer.error(net, XorExample.XOR, Loss.SSE), ok);
    }

    /**
     * Sum of squared values of the decayed parameters (the weights).
     *
     * @param params a net's parameters
     * @return sum w^2
     */
    public static double weightSize(Iterable<Param> params) {
        double s = 0;
        for (Param p : params) {
            if (!p.decays()) continue;
            for (float w : p.value()) s += (double) w * w;
        }
        return s;
    }

    /**
     * Prints the final weight size and SSE with and without lambda.
     *
     * @param args not used
     */
    public static void main(String[] args) {
        for (double lambda : new double[] {0, LAMBDA}) {
            Run r = train(lambda);
            System.out.printf(Locale.ROOT, "lambda %.4f: sum w^2 = %.2f, SSE %.4f, %d of 4 correct%n", lambda,
                    r.finalWeightSize(), r.sse(), r.correct());
        }
    }
}
