package org.neurona.net.competitive;

import java.util.Locale;

/**
 * Configuration of a competitive (winner-takes-all) layer of K units; {@link Competitive} is the
 * trained layer. Immutable and validated; the defaults live only in {@link #of(int)}.
 *
 * <p>Learning, online, one pattern at a time in a fresh random order every epoch
 * (Rumelhart and Zipser 1985; Hertz, Krogh and Palmer 1991, ch. 9):
 * <pre>
 *   winner    c = argmin_k ||x - w_k||^2            (NEAREST)
 *             c = argmax_k w_k . x, |w_k| = 1       (DOT_PRODUCT, weights renormalised after each step)
 *   update    w_c += eta(t) (x - w_c)
 *   leaky     w_k += leak eta(t) (x - w_k)          for every loser k, when leak > 0
 * </pre>
 * eta(t) goes from {@code eta} to {@code etaEnd} by {@code decay} over the epochs.
 *
 * <p>Conscience (DeSieno 1988), when {@code conscience} C > 0: each unit keeps its winning
 * frequency p_k (start 1/K), updated after every pattern as p_k += B (y_k - p_k), where y_k = 1
 * for the plain winner and 0 otherwise (B = {@code conscienceRate}). The unit that learns is
 * then argmin_k (d_k - b_k) with the bias b_k = C s^2 (1/K - p_k), so units that win too often
 * are handicapped and units that never win are helped. d_k is ||x - w_k||^2 (or -2 w_k.x for
 * DOT_PRODUCT, the same up to terms equal for all k). The factor s^2, the mean squared distance
 * of the training patterns to their centroid, is neurona's addition: DeSieno's C assumes data
 * scaled to the unit range; with s^2 the same C works at any scale. Assigning patterns after
 * training uses the plain winner, without bias.
 *
 * @param units          K, the number of units (clusters), at least 1
 * @param epochs         passes over the data, at least 1
 * @param eta            learning rate in the first epoch, in (0, 1]
 * @param etaEnd         learning rate in the last epoch, in (0, eta]
 * @param decay          how eta shrinks from eta to etaEnd
 * @param winner         how the winner is chosen
 * @param conscience     DeSieno's bias factor C, 0 for none (DeSieno used 10)
 * @param conscienceRate DeSieno's frequency rate B, in (0, 1) (DeSieno used 0.0001)
 * @param leak           losers' learning rate as a fraction of eta(t), in [0, 1); 0 for none
 * @param seed           fixes the initial prototypes and the order of patterns
 */
public record CompetitiveSpec(int units, int epochs, double eta, double etaEnd, CompetitiveDecay decay,
                              Winner winner, double conscience, double conscienceRate, double leak, long seed) {

    /** How the winning unit is chosen. */
    public enum Winner {
        /** The unit whose prototype is nearest to the pattern (Euclidean distance). */
        NEAREST,
        /**
         * The unit with the largest activation w.x, its weights kept at unit length: the
         * classic formulation. It equals NEAREST when the patterns have unit length too.
         */
        DOT_PRODUCT;

        /** Parses "nearest" (also "euclidean") or "dot". */
        public static Winner parse(String name) {
            return switch (name.trim().toLowerCase(Locale.ROOT)) {
                case "nearest", "euclidean" -> NEAREST;
                case "dot", "dot_product", "dot-product" -> DOT_PRODUCT;
                default -> throw new IllegalArgumentException("winner rule '" + name + "' is unknown; expected nearest or dot");
            };
        }
    }

    public CompetitiveSpec {
        if (units < 1) throw new IllegalArgumentException("number of units K must be at least 1, got " + units);
        if (epochs < 1) throw new IllegalArgumentException("epochs must be at least 1, got " + epochs);
        if (!(eta > 0 && eta <= 1)) throw new IllegalArgumentException("learning rate eta must be in (0, 1], got " + eta);
        if (!(etaEnd > 0 && etaEnd <= eta)) {
            throw new IllegalArgumentException("final learning rate must be in (0, eta = " + eta + "], got " + etaEnd);
        }
        if (decay == null) throw new IllegalArgumentException("decay schedule must be given (linear or exponential)");
        if (winner == null) throw new IllegalArgumentException("winner rule must be given (nearest or dot)");
        if (!(conscience >= 0) || Double.isInfinite(conscience)) {
            throw new IllegalArgumentException("conscience factor C must be >= 0 (0 = off), got " + conscience);
        }
        if (!(conscienceRate > 0 && conscienceRate < 1)) {
            throw new IllegalArgumentException("conscience rate B must be in (0, 1), got " + conscienceRate);
        }
        if (!(leak >= 0 && leak < 1)) throw new IllegalArgumentException("leak must be in [0, 1) (0 = off), got " + leak);
    }

    /**
     * K units with the defaults: 100 epochs, eta 0.1 falling exponentially to 0.01, nearest
     * winner, conscience C = 10 with B = 0.0001 (so dead units are rare out of the box), no
     * leak, seed 1.
     */
    public static CompetitiveSpec of(int units) {
        return new CompetitiveSpec(units, 100, 0.1, 0.01, CompetitiveDecay.EXPONENTIAL, Winner.NEAREST, 10, 1e-4, 0, 1);
    }

    /** Classic competitive learning: only the winner learns, no conscience, no leak. */
    public CompetitiveSpec plain() {
        return new CompetitiveSpec(units, epochs, eta, etaEnd, decay, winner, 0, conscienceRate, 0, seed);
    }

    public CompetitiveSpec withEpochs(int epochs) {
        return new CompetitiveSpec(units, epochs, eta, etaEnd, decay, winner, conscience, conscienceRate, leak, seed);
    }

    /** Learning rate from {@code eta} in the first epoch to {@code etaEnd} in the last. */
    public CompetitiveSpec withEta(double eta, double etaEnd) {
        return new CompetitiveSpec(units, epochs, eta, etaEnd, decay, winner, conscience, conscienceRate, leak, seed);
    }

    public CompetitiveSpec withDecay(CompetitiveDecay decay) {
        return new CompetitiveSpec(units, epochs, eta, etaEnd, decay, winner, conscience, conscienceRate, leak, seed);
    }

    public CompetitiveSpec withWinner(Winner winner) {
        return new CompetitiveSpec(units, epochs, eta, etaEnd, decay, winner, conscience, conscienceRate, leak, seed);
    }

    /** DeSieno's conscience with bias factor C and frequency rate B; C = 0 turns it off. */
    public CompetitiveSpec withConscience(double c, double b) {
        return new CompetitiveSpec(units, epochs, eta, etaEnd, decay, winner, c, b, leak, seed);
    }

    /** Leaky learning: losers move with leak * eta(t); 0 turns it off. */
    public CompetitiveSpec withLeak(double leak) {
        return new CompetitiveSpec(units, epochs, eta, etaEnd, decay, winner, conscience, conscienceRate, leak, seed);
    }

    public CompetitiveSpec withSeed(long seed) {
        return new CompetitiveSpec(units, epochs, eta, etaEnd, decay, winner, conscience, conscienceRate, leak, seed);
    }

    /** The learning rate of epoch t (0-based). */
    public double etaAt(int epoch) {
        return decay.at(eta, etaEnd, epoch, epochs);
    }
}
