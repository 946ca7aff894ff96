package org.neurona.examples;

import java.util.Locale;
import org.neurona.net.recurrent.RecurrentSpec;
import org.neurona.train.BpttForecaster;

/**
 * A Jordan net on the series of {@link ElmanExample}: the context holds the net's previous
 * output, c_t = mu c_(t-1) + y_(t-1) (mu = 0 here), instead of the hidden layer. Same recipe,
 * with the gradient clipped to norm 10 (without clipping it diverges at eta 0.01). Its context
 * is its own prediction of x_t, nearly the input it already has, so it can hardly tell rising
 * from falling: it does little better than the net without context.
 *
 * <p>Targets (asserted by the test): one-step test MSE below 0.05 and more than 100 times the
 * Elman net's.
 */
public final class JordanExample {
    private JordanExample() {}

    /**
     * Trains the Jordan net.
     *
     * @return one-step predictions, free-running forecast and their errors
     */
    public static BpttForecaster.Result run() {
        return BpttForecaster.fit(ElmanExample.sine(), ElmanExample.recipe(RecurrentSpec.Kind.JORDAN, 10));
    }

    /**
     * Prints the Jordan net's errors.
     *
     * @param args not used
     */
    public static void main(String[] args) {
        BpttForecaster.Result j = run();
        System.out.printf(Locale.ROOT, "Jordan 1:16:1: one-step MSE train %.4f, test %.4f; free-running over the"
                + " 400 test steps %.3f%n", j.trainMse(), j.testMse(), j.testForecastMse());
    }
}
