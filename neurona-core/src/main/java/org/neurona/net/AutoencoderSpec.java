package org.neurona.net;

import java.util.Locale;

/**
 * Configuration of an autoencoder: a feedforward net trained to reproduce its input (target =
 * input) through a narrower code layer, so that the code layer learns a compressed
 * representation (Rumelhart, Hinton and Williams 1986, the 8-3-8 encoder problem; Hinton and
 * Salakhutdinov 2006). {@link Autoencoder} is the runtime object. Immutable and validated.
 *
 * <p>Denoising (Vincent et al. 2008): with {@code noise} &gt; 0 every training epoch sees a fresh
 * corrupted copy x~ of the inputs, while the target stays the clean x, so the net must learn to
 * undo the corruption:
 * <pre>
 *   MASK       x~_j = 0 with probability noise, else x_j      (Vincent et al.'s masking noise)
 *   GAUSSIAN   x~_j = x_j + noise * N(0, 1)
 * </pre>
 *
 * @param network    the net's shape; inputs must equal outputs
 * @param codeLayer  0-based index of the weight layer whose outputs are the code; a hidden layer
 *                   (not the output layer), narrower than the input
 * @param corruption how training inputs are corrupted when noise &gt; 0
 * @param noise      masking probability in [0, 1), or Gaussian standard deviation &gt;= 0; 0 = off
 */
public record AutoencoderSpec(NetworkSpec network, int codeLayer, Corruption corruption, double noise) {

    /** How a denoising autoencoder corrupts its training inputs. */
    public enum Corruption {
        MASK, GAUSSIAN;

        /** Parses "mask" or "gaussian". */
        public static Corruption parse(String name) {
            return switch (name.trim().toLowerCase(Locale.ROOT)) {
                case "mask", "masking", "dropout" -> MASK;
                case "gaussian", "normal" -> GAUSSIAN;
                default -> throw new IllegalArgumentException("corruption '" + name + "' is unknown; expected mask or gaussian");
            };
        }
    }

    public AutoencoderSpec {
        if (network == null) throw new IllegalArgumentException("network shape is required");
        int[] s = network.sizes();
        if (s[0] != s[s.length - 1]) {
            throw new IllegalArgumentException("an autoencoder reproduces its input: layers " + network.layers()
                    + " have " + s[0] + " inputs but " + s[s.length - 1] + " outputs; expected them equal");
        }
        if (s.length < 3) {
            throw new IllegalArgumentException("layers " + network.layers() + " have no hidden layer; an autoencoder needs a code layer, like 8:3:8");
        }
        if (codeLayer < 0 || codeLayer >= s.length - 2) {
            throw new IllegalArgumentException("code layer " + codeLayer + " is not a hidden layer of " + network.layers()
                    + "; expected 0.." + (s.length - 3));
        }
        if (s[codeLayer + 1] >= s[0]) {
            throw new IllegalArgumentException("code layer of " + s[codeLayer + 1] + " units in " + network.layers()
                    + " is not narrower than the " + s[0] + " inputs; an autoencoder compresses");
        }
        if (corruption == null) throw new IllegalArgumentException("corruption kind is required (mask or gaussian)");
        if (!(noise >= 0) || Double.isInfinite(noise)) throw new IllegalArgumentException("noise level must be >= 0, got " + noise);
        if (corruption == Corruption.MASK && noise >= 1) {
            throw new IllegalArgumentException("masking probability must be in [0, 1), got " + noise);
        }
    }

    /** An autoencoder of this shape with the narrowest hidden layer (the first, on a tie) as the code, no noise. */
    public static AutoencoderSpec of(NetworkSpec network) {
        int[] s = network.sizes();
        int code = 0;
        for (int l = 1; l < s.length - 2; l++) if (s[l + 1] < s[code + 1]) code = l;
        return new AutoencoderSpec(network, code, Corruption.MASK, 0);
    }

    /** Parses the lecture's notation, e.g. "8:3:8" with "logistic" (see {@link NetworkSpec#parse}). */
    public static AutoencoderSpec parse(String layers, String activations) {
        return of(NetworkSpec.parse(layers, activations));
    }

    /** The same autoencoder trained as a denoising one. */
    public AutoencoderSpec withNoise(Corruption corruption, double noise) {
        return new AutoencoderSpec(network, codeLayer, corruption, noise);
    }

    /** The same autoencoder with another code layer (0-based weight-layer index). */
    public AutoencoderSpec withCodeLayer(int codeLayer) {
        return new AutoencoderSpec(network, codeLayer, corruption, noise);
    }

    /** Number of code units. */
    public int codeSize() {
        return network.sizes()[codeLayer + 1];
    }
}
