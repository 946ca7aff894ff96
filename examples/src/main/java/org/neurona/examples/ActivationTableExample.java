package org.neurona.examples;

import java.util.Locale;
import org.neurona.activation.Activation;
import org.neurona.activation.Activations;

/**
 * The lecture's activation table: every function with its value and derivative at a few points,
 * and the three corrections to the table (see docs/ACTIVATIONS.md), each as the number the
 * correct formula gives next to the number the table's formula gives.
 *
 * <p>Targets (asserted by the test): SoftSign f'(1) = 0.25 (the table's 1 - f^2 gives 0.75);
 * tanh(1) = 0.7616 (the table's 2/(1 + e^(2x)) - 1 gives -0.7616); SELU f'(-1) =
 * f(-1) + lambda alpha = 0.6468 (f(-1) + alpha gives 0.5619).
 */
public final class ActivationTableExample {
    private ActivationTableExample() {}

    /**
     * One correction: the library's value and what the lecture's table gives.
     *
     * @param what    the quantity
     * @param correct neurona's value (the correct mathematics)
     * @param table   the table's formula evaluated at the same point
     */
    public record Erratum(String what, double correct, double table) {}

    /**
     * The three corrections, computed with the library's functions.
     *
     * @return SoftSign f'(1), tanh(1), SELU f'(-1)
     */
    public static Erratum[] errata() {
        Activation softsign = Activations.parse("softsign"), tanh = Activations.parse("tanh"), selu = Activations.parse("selu");
        double f1 = softsign.value(1);
        double alpha = 1.67326;
        return new Erratum[] {
            new Erratum("SoftSign f'(1)", softsign.derivative(1), 1 - f1 * f1),
            new Erratum("TanH f(1)", tanh.value(1), 2 / (1 + Math.exp(2)) - 1),
            new Erratum("SELU f'(-1)", selu.derivative(-1), selu.value(-1) + alpha),
        };
    }

    /**
     * Prints f and f' at -2, -1, 0, 1, 2 for every function of the table, then the corrections.
     *
     * @param args not used
     */
    public static void main(String[] args) {
        double[] xs = {-2, -1, 0, 1, 2};
        System.out.printf(Locale.ROOT, "%-16s %s%n", "function", "f(x) / f'(x) at x = -2, -1, 0, 1, 2");
        for (Activation f : Activations.table()) {
            if (!f.elementwise()) continue;
            StringBuilder v = new StringBuilder(), d = new StringBuilder();
            for (double x : xs) {
                v.append(String.format(Locale.ROOT, " %8.4f", f.value(x)));
                d.append(String.format(Locale.ROOT, " %8.4f", f.derivative(x)));
            }
            System.out.printf(Locale.ROOT, "%-16s f %s%n%-16s f'%s%n", f.name(), v, "", d);
        }
        System.out.println("\nCorrections to the lecture's table:");
        for (Erratum e : errata()) {
            System.out.printf(Locale.ROOT, "  %-15s correct %.4f, the table's formula %.4f%n", e.what(), e.correct(), e.table());
        }
    }
}
