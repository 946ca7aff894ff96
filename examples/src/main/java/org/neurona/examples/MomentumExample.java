package org.neurona.examples;

import java.util.Locale;
import org.neurona.net.FeedForward;
import org.neurona.net.NetworkSpec;
import org.neurona.train.History;

/**
 * Momentum on XOR: the same 2:3:1 logistic net (seed 1) trained online with eta 0.5 for 2000
 * epochs, once with alpha = 0 and once with alpha = 0.9, where Delta w(t+1) = -eta dE/dw +
 * alpha Delta w(t). The two error curves are the tour's picture.
 *
 * <p>Targets (asserted by the test): with alpha 0.9 the SSE falls below 0.05 in fewer than half
 * the epochs it takes with alpha 0, and ends below 0.01.
 */
public final class MomentumExample {
    private MomentumExample() {}

    /**
     * Error history of one run.
     *
     * @param alpha momentum
     * @return SSE per epoch
     */
    public static History train(double alpha) {
        FeedForward net = FeedForward.create(NetworkSpec.parse("2:3:1", "logistic"), 1);
        return XorExample.train(net, alpha, 1);
    }

    /**
     * First epoch whose SSE is at or below {@code target} (1-based), or 0 if none.
     *
     * @param h      a history
     * @param target the error level
     * @return the epoch number
     */
    public static int epochsTo(History h, double target) {
        double[] e = h.trainErrorArray();
        for (int i = 0; i < e.length; i++) if (e[i] <= target) return i + 1;
        return 0;
    }

    /**
     * Prints, for alpha 0 and 0.9, the final SSE and the epoch where SSE first reaches 0.05.
     *
     * @param args not used
     */
    public static void main(String[] args) {
        for (double alpha : new double[] {0, 0.9}) {
            History h = train(alpha);
            System.out.printf(Locale.ROOT, "alpha %.1f: SSE %.5f after %d epochs; SSE <= 0.05 from epoch %d%n", alpha,
                    h.finalTrainError(), h.epochs(), epochsTo(h, 0.05));
        }
    }
}
