package org.neurona.net.competitive;

/**
 * Configuration of a Kohonen self-organising map (Kohonen 1982): a 1-D (rows = 1) or 2-D grid
 * of rows x cols units, each with a weight vector in input space; {@link Som} is the trained map.
 * Immutable and validated; the defaults live only in {@link #of(int, int)}.
 *
 * <p>Online learning, one pattern at a time in a fresh random order every epoch t = 0 .. T-1:
 * <pre>
 *   winner        c = argmin_u ||x - w_u||
 *   neighbourhood h_u = exp(-|r_u - r_c|^2 / (2 sigma(t)^2))     r_u = (row, col) of unit u on the grid
 *   update        w_u += eta(t) h_u (x - w_u)                      for every unit u
 * </pre>
 * Both eta(t) (from {@code eta} to {@code etaEnd}) and the radius sigma(t) (from {@code radius}
 * to {@code radiusEnd}) shrink by {@code decay} once per epoch. The large early radius orders
 * the map, the small late one fine-tunes it (Kohonen 1982, 1990). Initial weights are distinct
 * training patterns drawn with the seed (drawn with replacement when the grid has more units
 * than there are patterns).
 *
 * @param rows      grid rows, at least 1 (1 for a 1-D chain)
 * @param cols      grid columns, at least 1
 * @param epochs    passes over the data, at least 1
 * @param eta       learning rate in the first epoch, in (0, 1]
 * @param etaEnd    learning rate in the last epoch, in (0, eta]
 * @param radius    neighbourhood radius sigma in the first epoch, in grid steps, positive
 * @param radiusEnd radius in the last epoch, in (0, radius]
 * @param decay     schedule of eta and radius
 * @param seed      fixes the initial weights and the order of patterns
 */
public record SomSpec(int rows, int cols, int epochs, double eta, double etaEnd, double radius, double radiusEnd,
                      CompetitiveDecay decay, long seed) {

    public SomSpec {
        if (rows < 1 || cols < 1) throw new IllegalArgumentException("SOM grid must be at least 1x1, got " + rows + "x" + cols);
        if ((long) rows * cols > 1_000_000) throw new IllegalArgumentException("SOM grid " + rows + "x" + cols + " has more than 10^6 units");
        if (epochs < 1) throw new IllegalArgumentException("epochs must be at least 1, got " + epochs);
        if (!(eta > 0 && eta <= 1)) throw new IllegalArgumentException("learning rate eta must be in (0, 1], got " + eta);
        if (!(etaEnd > 0 && etaEnd <= eta)) {
            throw new IllegalArgumentException("final learning rate must be in (0, eta = " + eta + "], got " + etaEnd);
        }
        if (!(radius > 0) || Double.isInfinite(radius)) throw new IllegalArgumentException("neighbourhood radius must be positive, got " + radius);
        if (!(radiusEnd > 0 && radiusEnd <= radius)) {
            throw new IllegalArgumentException("final neighbourhood radius must be in (0, radius = " + radius + "], got " + radiusEnd);
        }
        if (decay == null) throw new IllegalArgumentException("decay schedule must be given (linear or exponential)");
    }

    /**
     * A rows x cols map with the defaults: 100 epochs, eta 0.5 to 0.01 and radius max(rows,
     * cols) / 2 (at least 1) to 0.5, both decaying exponentially, seed 1.
     */
    public static SomSpec of(int rows, int cols) {
        return new SomSpec(rows, cols, 100, 0.5, 0.01, Math.max(1, Math.max(rows, cols) / 2.0), 0.5,
                CompetitiveDecay.EXPONENTIAL, 1);
    }

    /** Parses a grid "6x6" (rows x cols) or "10" (a 1-D chain of 10 units) into a map with the defaults. */
    public static SomSpec parseGrid(String grid) {
        String g = grid.trim().toLowerCase(java.util.Locale.ROOT);
        try {
            int x = g.indexOf('x');
            if (x < 0) return of(1, Integer.parseInt(g));
            return of(Integer.parseInt(g.substring(0, x).trim()), Integer.parseInt(g.substring(x + 1).trim()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("SOM grid '" + grid + "' is not ROWSxCOLS (e.g. 6x6) or a unit count (e.g. 10)");
        }
    }

    public SomSpec withEpochs(int epochs) {
        return new SomSpec(rows, cols, epochs, eta, etaEnd, radius, radiusEnd, decay, seed);
    }

    public SomSpec withEta(double eta, double etaEnd) {
        return new SomSpec(rows, cols, epochs, eta, etaEnd, radius, radiusEnd, decay, seed);
    }

    public SomSpec withRadius(double radius, double radiusEnd) {
        return new SomSpec(rows, cols, epochs, eta, etaEnd, radius, radiusEnd, decay, seed);
    }

    public SomSpec withDecay(CompetitiveDecay decay) {
        return new SomSpec(rows, cols, epochs, eta, etaEnd, radius, radiusEnd, decay, seed);
    }

    public SomSpec withSeed(long seed) {
        return new SomSpec(rows, cols, epochs, eta, etaEnd, radius, radiusEnd, decay, seed);
    }

    /** Number of units, rows * cols. */
    public int units() {
        return rows * cols;
    }

    /** eta(t) for epoch t (0-based). */
    public double etaAt(int epoch) {
        return decay.at(eta, etaEnd, epoch, epochs);
    }

    /** sigma(t) for epoch t (0-based). */
    public double radiusAt(int epoch) {
        return decay.at(radius, radiusEnd, epoch, epochs);
    }
}
