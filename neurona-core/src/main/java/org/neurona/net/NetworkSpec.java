package org.neurona.net;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.neurona.activation.Activation;
import org.neurona.activation.Activations;
import org.neurona.activation.Softmax;
import org.neurona.layer.Init;

/**
 * The shape of a feedforward network: layer sizes (inputs first, outputs last), one activation
 * per layer of weights, biases on or off, and how weights start. Immutable and validated;
 * {@link FeedForward#create} builds the network.
 *
 * @param sizes       unit counts, e.g. {2, 3, 1} for the lecture's x:h:y net 2:3:1
 * @param activations one per weight layer (sizes.length - 1)
 * @param bias        whether units have biases (the threshold theta as a weight of x0 = -1)
 * @param init        initial weights
 */
public record NetworkSpec(int[] sizes, List<Activation> activations, boolean bias, Init init) {

    public NetworkSpec {
        sizes = sizes.clone();
        if (sizes.length < 2) {
            throw new IllegalArgumentException("a network needs at least an input and an output size, got "
                    + Arrays.toString(sizes));
        }
        for (int i = 0; i < sizes.length; i++) {
            if (sizes[i] < 1) {
                throw new IllegalArgumentException("layer " + i + " size must be positive, got " + sizes[i]);
            }
        }
        activations = List.copyOf(activations);
        if (activations.size() != sizes.length - 1) {
            throw new IllegalArgumentException(sizes.length - 1 + " weight layers need as many activations, got "
                    + activations.size());
        }
        for (int l = 0; l < activations.size() - 1; l++) {
            if (activations.get(l) instanceof Softmax) {
                throw new IllegalArgumentException("softmax belongs on the output layer, not on hidden layer " + (l + 1));
            }
        }
        if (init == null) throw new IllegalArgumentException("init is required");
    }

    /**
     * Parses the lecture's notation: sizes "2:3:1" and activations either one name for every
     * layer ("logistic") or one per layer separated by commas ("relu,relu,softmax").
     * Biases on, {@link Init#DEFAULT} initial weights (the lecture's uniform(-1, 1) on layers of up
     * to three inputs).
     */
    public static NetworkSpec parse(String layers, String activations) {
        return new NetworkSpec(parseSizes(layers), parseActivations(activations, layers.split(":", -1).length - 1),
                true, Init.DEFAULT);
    }

    /** Parses "784:256:128:10". */
    public static int[] parseSizes(String layers) {
        if (layers == null || layers.isBlank()) {
            throw new IllegalArgumentException("empty layer spec; expected sizes like 2:3:1");
        }
        String[] parts = layers.trim().split(":", -1);
        if (parts.length < 2) {
            throw new IllegalArgumentException("layer spec '" + layers + "' needs at least two sizes, like 2:1");
        }
        int[] sizes = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                sizes[i] = Integer.parseInt(parts[i].trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("layer spec '" + layers + "': size " + (i + 1) + " is '" + parts[i]
                        + "'; expected a positive integer, like 2:3:1");
            }
            if (sizes[i] < 1) {
                throw new IllegalArgumentException("layer spec '" + layers + "': size " + (i + 1) + " is " + sizes[i]
                        + "; expected a positive integer");
            }
        }
        return sizes;
    }

    /** One activation for all {@code layers} layers, or a comma-separated list of exactly that many. */
    public static List<Activation> parseActivations(String spec, int layers) {
        String[] names = spec.split(",", -1);
        List<Activation> out = new ArrayList<>();
        if (names.length == 1) {
            Activation a = Activations.parse(names[0]);
            if (a instanceof Softmax && layers > 1) {
                // "softmax" alone: a classifier; hidden layers get the lecture's logistic
                for (int i = 0; i < layers - 1; i++) out.add(Activations.parse("logistic"));
                out.add(a);
                return out;
            }
            for (int i = 0; i < layers; i++) out.add(a);
            return out;
        }
        if (names.length != layers) {
            throw new IllegalArgumentException("activations '" + spec + "' name " + names.length + " functions for "
                    + layers + " layers; give one name, or one per layer");
        }
        for (String n : names) out.add(Activations.parse(n));
        return out;
    }

    /** The same spec with another init. */
    public NetworkSpec withInit(Init init) {
        return new NetworkSpec(sizes, activations, bias, init);
    }

    /** The same spec with biases on or off. */
    public NetworkSpec withBias(boolean bias) {
        return new NetworkSpec(sizes, activations, bias, init);
    }

    @Override
    public int[] sizes() {
        return sizes.clone();
    }

    /** The sizes in the lecture's notation, "2:3:1". */
    public String layers() {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < sizes.length; i++) s.append(i == 0 ? "" : ":").append(sizes[i]);
        return s.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NetworkSpec n && Arrays.equals(sizes, n.sizes) && names().equals(n.names())
                && bias == n.bias && init.equals(n.init);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(sizes) * 31 + names().hashCode();
    }

    /** The canonical activation names, one per layer. */
    public List<String> names() {
        return activations.stream().map(Activation::name).toList();
    }

    @Override
    public String toString() {
        return "NetworkSpec[" + layers() + ", " + String.join(",", names()) + ", bias=" + bias + ", init=" + init.name() + "]";
    }
}
