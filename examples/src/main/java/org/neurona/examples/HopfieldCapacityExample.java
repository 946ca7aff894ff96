package org.neurona.examples;

import java.util.Locale;
import org.neurona.math.Rng;
import org.neurona.net.hopfield.Hopfield;
import org.neurona.net.hopfield.HopfieldPatterns;
import org.neurona.net.hopfield.HopfieldRecall;
import org.neurona.net.hopfield.HopfieldSpec;

/**
 * The storage capacity of a Hopfield memory, measured: the table "Capacity and spurious
 * states" of docs/UNSUPERVISED.md, printed by {@link #main} from fixed seeds so that every
 * number in it can be reproduced.
 *
 * <p>Protocol, for each load P: 20 memories of P random bipolar patterns on N = 100 units
 * (pattern seed 1000 + P; patterns, probe noise and update orders all drawn in turn from that
 * one generator), Hebb rule with zero diagonal, asynchronous recall. Every stored pattern, with
 * exactly 10 units flipped (10 % noise), is a probe. Reported per P: "exact", the fraction of
 * probes whose final state equals their pattern; "fixed", the fraction of stored patterns that
 * are fixed points; "overlap", the mean (1/N) s . p of final state and pattern.
 *
 * <p>Targets (asserted by the test for P = 5, 8, 10, 14): the rows equal the document's
 * (P = 10: exact 0.965, fixed 0.965, overlap 0.997).
 */
public final class HopfieldCapacityExample {
    private HopfieldCapacityExample() {}

    /** Units N. */
    public static final int UNITS = 100;
    /** Memories averaged per row. */
    public static final int MEMORIES = 20;
    /** Units flipped in each probe (10 % of N). */
    public static final int FLIPS = 10;
    /** The loads P of the document's table. */
    public static final int[] LOADS = {5, 8, 10, 12, 14, 16, 20, 25, 30, 40};

    /**
     * One row of the table.
     *
     * @param p       patterns stored
     * @param exact   fraction of probes recalled exactly
     * @param fixed   fraction of stored patterns that are fixed points
     * @param overlap mean overlap (1/N) s . p of the final state with the probe's pattern
     */
    public record Row(int p, double exact, double fixed, double overlap) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "| %d | %.2f | %.3f | %.3f | %.3f |", p, (double) p / UNITS, exact, fixed, overlap);
        }
    }

    /** P random bipolar patterns of n units, each unit +1 with probability 1/2. */
    static HopfieldPatterns random(int p, int n, Rng rng) {
        int[] s = new int[p * n];
        for (int i = 0; i < s.length; i++) s[i] = rng.nextDouble() < 0.5 ? 1 : -1;
        return new HopfieldPatterns(s, p, n, HopfieldPatterns.Convention.BIPOLAR);
    }

    /**
     * Measures one row of the table.
     *
     * @param p        patterns per memory
     * @param memories memories averaged (the table uses {@link #MEMORIES})
     * @return exact recall, fixed points and overlap, from pattern seed 1000 + P
     */
    public static Row measure(int p, int memories) {
        Rng rng = new Rng(1000 + p);
        int hits = 0, fixed = 0;
        double overlap = 0;
        for (int m = 0; m < memories; m++) {
            HopfieldPatterns pat = random(p, UNITS, rng);
            Hopfield net = Hopfield.store(HopfieldSpec.of(), pat);
            for (int mu = 0; mu < p; mu++) {
                int[] target = pat.row(mu);
                HopfieldRecall r = net.recall(HopfieldPatterns.flip(target, FLIPS, rng), rng.split());
                if (r.matched() == mu) hits++;
                if (net.isFixedPoint(target)) fixed++;
                int dot = 0;
                for (int i = 0; i < UNITS; i++) dot += target[i] * r.state()[i];
                overlap += (double) dot / UNITS;
            }
        }
        int probes = p * memories;
        return new Row(p, (double) hits / probes, (double) fixed / probes, overlap / probes);
    }

    /**
     * Prints the capacity table.
     *
     * @param args not used
     */
    public static void main(String[] args) {
        System.out.println("| P | alpha = P/N | exact | fixed | overlap |");
        System.out.println("|---|---|---|---|---|");
        for (int p : LOADS) System.out.println(measure(p, MEMORIES));
    }
}
