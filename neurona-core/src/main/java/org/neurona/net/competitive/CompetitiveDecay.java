package org.neurona.net.competitive;

/**
 * How a rate (the learning rate eta, or the SOM's neighbourhood radius sigma) goes from its
 * start value v0 at the first epoch to its end value v1 at the last one, over T epochs
 * (t = 0 .. T-1). Competitive learning and the Kohonen map share it: the map is competitive
 * learning with a neighbourhood.
 * <pre>
 *   LINEAR        v(t) = v0 + (v1 - v0) t / (T - 1)
 *   EXPONENTIAL   v(t) = v0 (v1 / v0)^(t / (T - 1))     (geometric: the same factor every epoch)
 * </pre>
 * With T = 1 the single epoch uses v0. Kohonen (1982, 1990) only asks that both shrink slowly
 * and monotonically; the exponential form is the one in Haykin, <i>Neural Networks</i> (1999),
 * eq. 9.5 and 9.7.
 */
public enum CompetitiveDecay {
    LINEAR,
    EXPONENTIAL;

    /**
     * The value at epoch t of T.
     *
     * @param start v0, positive
     * @param end   v1, positive
     */
    public double at(double start, double end, int epoch, int epochs) {
        if (epochs <= 1) return start;
        double f = (double) epoch / (epochs - 1);
        return switch (this) {
            case LINEAR -> start + (end - start) * f;
            case EXPONENTIAL -> start * Math.pow(end / start, f);
        };
    }

    /** Parses "linear" or "exponential" (also "exp"), ignoring case. */
    public static CompetitiveDecay parse(String name) {
        return switch (name.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "linear" -> LINEAR;
            case "exponential", "exp" -> EXPONENTIAL;
            default -> throw new IllegalArgumentException("decay schedule '" + name + "' is unknown; expected linear or exponential");
        };
    }
}
