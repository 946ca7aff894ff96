package org.neurona.net.hopfield;

import java.util.Locale;

/**
 * Configuration of a Hopfield autoassociative memory (Hopfield 1982); {@link Hopfield} is the
 * memory. Immutable and validated; the defaults live only in {@link #of()}.
 *
 * <p>Storage rules, for P bipolar patterns p_1 .. p_P of N units, thresholds zero:
 * <pre>
 *   HEBB        W = (1/N) sum_mu p_mu p_mu^T,  W_ii = 0
 *   PROJECTION  W = P (P^T P)^-1 P^T           P = (N, P) with the patterns as columns
 * </pre>
 * The projection (pseudo-inverse) rule (Personnaz, Guyon and Dreyfus 1985; Kanter and
 * Sompolinsky 1987) makes every stored pattern an exact fixed point even when the patterns are
 * correlated, for up to N linearly independent patterns; zeroing its diagonal
 * ({@code zeroDiagonal}) keeps them fixed points and enlarges their basins. Hebb's diagonal is
 * zero unless {@code zeroDiagonal} is false, in which case it is P/N.
 *
 * <p>Recall ({@code update}): ASYNC updates one unit at a time, s_i = sgn(sum_j W_ij s_j), in a
 * fresh random order every sweep; SYNC updates all units at once from the previous state. A unit
 * whose field is exactly 0 keeps its state. Recall stops after the first sweep that changes
 * nothing (converged) or after {@code maxSweeps} sweeps.
 *
 * @param rule         storage rule
 * @param zeroDiagonal whether W_ii = 0
 * @param update       ASYNC or SYNC
 * @param maxSweeps    sweep limit, at least 1
 * @param seed         fixes the asynchronous update order
 */
public record HopfieldSpec(Rule rule, boolean zeroDiagonal, Update update, int maxSweeps, long seed) {

    /** How the weights are computed from the patterns. */
    public enum Rule {
        HEBB, PROJECTION;

        /** Parses "hebb" or "projection" (also "pseudo-inverse"). */
        public static Rule parse(String name) {
            return switch (name.trim().toLowerCase(Locale.ROOT)) {
                case "hebb" -> HEBB;
                case "projection", "pseudo-inverse", "pseudoinverse" -> PROJECTION;
                default -> throw new IllegalArgumentException("storage rule '" + name + "' is unknown; expected hebb or projection");
            };
        }
    }

    /** How states are updated during recall. */
    public enum Update {
        ASYNC, SYNC;

        /** Parses "async" or "sync". */
        public static Update parse(String name) {
            return switch (name.trim().toLowerCase(Locale.ROOT)) {
                case "async", "asynchronous" -> ASYNC;
                case "sync", "synchronous" -> SYNC;
                default -> throw new IllegalArgumentException("update mode '" + name + "' is unknown; expected async or sync");
            };
        }
    }

    public HopfieldSpec {
        if (rule == null) throw new IllegalArgumentException("storage rule must be given (hebb or projection)");
        if (update == null) throw new IllegalArgumentException("update mode must be given (async or sync)");
        if (maxSweeps < 1) throw new IllegalArgumentException("sweep limit must be at least 1, got " + maxSweeps);
    }

    /** Hebb rule, zero diagonal, asynchronous updates, at most 100 sweeps, seed 1. */
    public static HopfieldSpec of() {
        return new HopfieldSpec(Rule.HEBB, true, Update.ASYNC, 100, 1);
    }

    public HopfieldSpec withRule(Rule rule) {
        return new HopfieldSpec(rule, zeroDiagonal, update, maxSweeps, seed);
    }

    public HopfieldSpec withZeroDiagonal(boolean zeroDiagonal) {
        return new HopfieldSpec(rule, zeroDiagonal, update, maxSweeps, seed);
    }

    public HopfieldSpec withUpdate(Update update) {
        return new HopfieldSpec(rule, zeroDiagonal, update, maxSweeps, seed);
    }

    public HopfieldSpec withMaxSweeps(int maxSweeps) {
        return new HopfieldSpec(rule, zeroDiagonal, update, maxSweeps, seed);
    }

    public HopfieldSpec withSeed(long seed) {
        return new HopfieldSpec(rule, zeroDiagonal, update, maxSweeps, seed);
    }
}
