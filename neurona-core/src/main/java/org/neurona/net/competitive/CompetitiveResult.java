package org.neurona.net.competitive;

import java.util.OptionalDouble;

/**
 * What a competitive layer or a Kohonen map makes of a data set: the winning unit of every
 * pattern, the prototypes, how many patterns each unit won, the quantisation error and, when
 * labels were given, the purity (see {@link org.neurona.eval.Clustering}).
 *
 * @param assignment        winning unit per pattern (N), in [0, K)
 * @param prototypes        weight vectors (K, I) row-major, a copy
 * @param units             K
 * @param inputs            I
 * @param wins              patterns won per unit (K); 0 marks a dead unit
 * @param quantizationError mean Euclidean distance of each pattern to its winner's prototype
 * @param purity            fraction of patterns whose label is their cluster's majority label,
 *                          empty when no labels were given
 */
public record CompetitiveResult(int[] assignment, float[] prototypes, int units, int inputs, int[] wins,
                                double quantizationError, OptionalDouble purity) {

    public CompetitiveResult {
        if (prototypes.length != (long) units * inputs) {
            throw new IllegalArgumentException(units + " prototypes of " + inputs + " inputs need " + (long) units * inputs
                    + " values, got " + prototypes.length);
        }
        if (wins.length != units) throw new IllegalArgumentException(wins.length + " win counts for " + units + " units");
    }

    /** Number of units that won no pattern. */
    public int deadUnits() {
        int dead = 0;
        for (int w : wins) if (w == 0) dead++;
        return dead;
    }
}
