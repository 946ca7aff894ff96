package org.neurona.math;

import java.util.SplittableRandom;

/**
 * The one source of randomness in neurona: a seeded, splittable generator.
 *
 * <p>Every random choice a network or trainer makes (initial weights, shuffling, RReLU slopes,
 * Hopfield update order, noise) draws from an {@code Rng} built from the user's seed, so the
 * same seed, data and thread count give bit-identical results. {@link #split()} hands an
 * independent, deterministic stream to a sub-task (a worker thread, a layer) without sharing
 * state. An {@code Rng} is not thread-safe; give each thread its own split.
 */
public final class Rng {
    private final SplittableRandom random;

    /** A generator whose whole sequence is fixed by {@code seed}. */
    public Rng(long seed) {
        this.random = new SplittableRandom(seed);
    }

    private Rng(SplittableRandom random) {
        this.random = random;
    }

    /** An independent generator, itself determined by this generator's state. */
    public Rng split() {
        return new Rng(random.split());
    }

    /** Uniform in [0, 1). */
    public double nextDouble() {
        return random.nextDouble();
    }

    /** Uniform in [lo, hi). */
    public double uniform(double lo, double hi) {
        return lo + (hi - lo) * random.nextDouble();
    }

    /** Uniform in [lo, hi), as a float. */
    public float uniformFloat(float lo, float hi) {
        return (float) (lo + (hi - lo) * random.nextDouble());
    }

    /** Standard normal (mean 0, variance 1). */
    public double nextGaussian() {
        return random.nextGaussian();
    }

    /** Uniform in [0, bound). */
    public int nextInt(int bound) {
        return random.nextInt(bound);
    }

    /** A random 64-bit value (to seed other generators). */
    public long nextLong() {
        return random.nextLong();
    }

    /** Fisher-Yates shuffle of {@code a} in place. */
    public void shuffle(int[] a) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    /** The permutation 0..n-1 in random order. */
    public int[] permutation(int n) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) p[i] = i;
        shuffle(p);
        return p;
    }
}
