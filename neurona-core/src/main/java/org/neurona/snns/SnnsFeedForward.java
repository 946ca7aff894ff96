package org.neurona.snns;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.neurona.activation.Activation;
import org.neurona.activation.Activations;
import org.neurona.layer.Dense;
import org.neurona.layer.Init;
import org.neurona.net.FeedForward;
import org.neurona.net.NetworkSpec;
import org.neurona.snns.SnnsNet.Link;
import org.neurona.snns.SnnsNet.Unit;

/**
 * Converts between SNNS network descriptions ({@link SnnsNet}, read from {@code .net} files) and
 * neurona {@link FeedForward} nets, both ways, as RSNNS's {@code exportToSnnsNetFile} and SNNS's
 * loader would see them.
 *
 * <p>Conventions. SNNS computes a unit's activation as a = f(sum_j w_ij o_j + bias_i) for
 * Act_Logistic, Act_TanH and Act_IdentityPlusBias (SNNS kernel, {@code trans_f.c}); neurona's
 * {@link Dense} computes a = f(W a_in + b). So the SNNS bias of a unit is neurona's b for that
 * unit, with the same sign, and the weight of the link from source j to target i is W[i][j].
 * Act_Identity ignores the bias (a = net input): it imports as linear with b = 0. Input units
 * pass their pattern value on unchanged (their bias is unused).
 *
 * <p>Activation functions:
 * <pre>
 *   SNNS                   neurona
 *   Act_Logistic           logistic        (export of logistic:c scales W and b by c: f(c z) = f((cW) a + cb))
 *   Act_TanH               tanh            (likewise tanh:c)
 *   Act_IdentityPlusBias   linear
 *   Act_Identity           linear, b = 0   (export: layers without bias)
 *   Act_Elliott            softsign        z / (1 + |z|), when the activation registry has it
 * </pre>
 * Others (Act_Softmax, which in SNNS is exp(-net - bias), not a softmax; the step, RBF, ART and
 * time-delay functions) are rejected with a message naming unit and function.
 *
 * <p>A net imports when it is layered: input units (st i), hidden units (h) and output units (o),
 * no sites, output function Out_Identity, every link going from one layer to the next (no
 * shortcut or recurrent links), and one activation function per layer. Missing links of a
 * partially connected net become weights of 0.
 */
public final class SnnsFeedForward {
    private SnnsFeedForward() {}

    private static final Map<String, String> TO_NEURONA = Map.of(
            "Act_Logistic", "logistic",
            "Act_TanH", "tanh",
            "Act_IdentityPlusBias", "linear",
            "Act_Identity", "linear",
            "Act_Elliott", "softsign");

    /**
     * The feed-forward net that {@code net} describes, with its weights and biases.
     *
     * @throws IllegalArgumentException if the net is not a layered feed-forward net with
     *                                  activation functions neurona has; the message names the unit
     */
    public static FeedForward toFeedForward(SnnsNet net) {
        String who = "SNNS net '" + net.name() + "'";
        for (Unit u : net.units()) {
            if (!u.sites().isEmpty()) {
                throw new IllegalArgumentException(who + ": unit " + u.number() + " has sites " + u.sites()
                        + "; a feed-forward net has plain units only");
            }
            if (!u.role().equals("i") && !u.role().equals("h") && !u.role().equals("o")) {
                throw new IllegalArgumentException(who + ": unit " + u.number() + describe(u) + " has role (st) '" + u.role()
                        + "'" + (u.role().startsWith("s") ? " (special, e.g. an Elman/Jordan context unit)" : "")
                        + "; a feed-forward net has input (i), hidden (h) and output (o) units only");
            }
            if (!u.outFunc().equals("Out_Identity")) {
                throw new IllegalArgumentException(who + ": unit " + u.number() + describe(u) + " has output function "
                        + u.outFunc() + "; expected Out_Identity");
            }
            if (!u.role().equals("i") && !TO_NEURONA.containsKey(u.actFunc())) {
                throw new IllegalArgumentException(who + ": unit " + u.number() + describe(u) + " has activation function "
                        + u.actFunc() + "; neurona imports " + TO_NEURONA.keySet().stream().sorted().toList());
            }
        }
        Map<Integer, List<Link>> in = new HashMap<>();
        for (Link l : net.links()) in.computeIfAbsent(l.target(), k -> new ArrayList<>()).add(l);
        int n = net.units().size();
        int[] depth = new int[n + 1];
        java.util.Arrays.fill(depth, -1);
        for (Unit u : net.units()) depth(u.number(), net, in, depth, new boolean[n + 1]);

        int layersDeep = 0;
        for (Unit u : net.units()) layersDeep = Math.max(layersDeep, depth[u.number()]);
        if (layersDeep == 0) throw new IllegalArgumentException(who + ": no unit receives links; expected at least one layer of weights");
        List<List<Unit>> layers = new ArrayList<>();
        for (int d = 0; d <= layersDeep; d++) layers.add(new ArrayList<>());
        for (Unit u : net.units()) {
            int d = depth[u.number()];
            String expected = d == 0 ? "i" : d == layersDeep ? "o" : "h";
            if (!u.role().equals(expected)) {
                throw new IllegalArgumentException(who + ": unit " + u.number() + describe(u) + " (st " + u.role() + ") is in layer "
                        + d + " of 0.." + layersDeep + " (counting links from the inputs); expected "
                        + (d == 0 ? "input units only in layer 0" : d == layersDeep ? "output units only in the last layer"
                        : "hidden units only between input and output layer"));
            }
            layers.get(d).add(u);
        }
        for (Link l : net.links()) {
            if (depth[l.source()] != depth[l.target()] - 1) {
                throw new IllegalArgumentException(who + ": link " + l.source() + " -> " + l.target() + " goes from layer "
                        + depth[l.source()] + " to layer " + depth[l.target()]
                        + " (a shortcut connection); neurona's Dense layers connect consecutive layers only");
            }
        }

        int[] sizes = new int[layers.size()];
        for (int d = 0; d < sizes.length; d++) sizes[d] = layers.get(d).size();
        List<Activation> acts = new ArrayList<>();
        for (int d = 1; d < layers.size(); d++) {
            String name = null;
            Unit first = null;
            for (Unit u : layers.get(d)) {
                String a = TO_NEURONA.get(u.actFunc());
                if (name == null) { name = a; first = u; }
                else if (!name.equals(a)) {
                    throw new IllegalArgumentException(who + ": layer " + d + " mixes " + first.actFunc() + " (unit "
                            + first.number() + ") and " + u.actFunc() + " (unit " + u.number()
                            + "); neurona's Dense layers have one activation function each");
                }
            }
            try {
                acts.add(Activations.parse(name));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(who + ": layer " + d + " uses " + first.actFunc() + ", which maps to"
                        + " neurona's '" + name + "'; this build has no such activation (" + e.getMessage() + ")", e);
            }
        }
        FeedForward ff = FeedForward.create(new NetworkSpec(sizes, acts, true, Init.LECTURE), 0);
        for (int d = 1; d < layers.size(); d++) {
            Dense dense = ff.layers().get(d - 1);
            float[] w = dense.weights(), b = dense.biases();  // (O, I), (O)
            java.util.Arrays.fill(w, 0f);
            Map<Integer, Integer> column = new HashMap<>();
            List<Unit> prev = layers.get(d - 1);
            for (int j = 0; j < prev.size(); j++) column.put(prev.get(j).number(), j);
            List<Unit> units = layers.get(d);
            for (int o = 0; o < units.size(); o++) {
                Unit u = units.get(o);
                b[o] = u.actFunc().equals("Act_Identity") ? 0f : (float) u.bias();
                for (Link l : in.getOrDefault(u.number(), List.of())) {
                    w[o * prev.size() + column.get(l.source())] += (float) l.weight();
                }
            }
        }
        return ff;
    }

    /** Layer of unit u: 0 for units without incoming links, else 1 + the deepest source. */
    private static int depth(int u, SnnsNet net, Map<Integer, List<Link>> in, int[] depth, boolean[] onPath) {
        if (depth[u] >= 0) return depth[u];
        if (onPath[u]) {
            throw new IllegalArgumentException("SNNS net '" + net.name() + "': unit " + u + describe(net.unit(u))
                    + " feeds back into itself through its links (a recurrent net); expected a feed-forward net");
        }
        onPath[u] = true;
        int d = 0;
        List<Link> links = in.getOrDefault(u, List.of());
        if (!links.isEmpty() && net.unit(u).role().equals("i")) {
            throw new IllegalArgumentException("SNNS net '" + net.name() + "': input unit " + u + describe(net.unit(u))
                    + " receives links; expected input units without incoming links");
        }
        for (Link l : links) d = Math.max(d, 1 + depth(l.source(), net, in, depth, onPath));
        onPath[u] = false;
        depth[u] = d;
        return d;
    }

    private static String describe(Unit u) {
        return u.name().isEmpty() ? "" : " '" + u.name() + "'";
    }

    /**
     * The SNNS description of {@code net}, as RSNNS's {@code exportToSnnsNetFile} writes an
     * {@code mlp}: units Input_k, Hidden_l_k, Output_k, learning function Std_Backpropagation,
     * update function Topological_Order, links listed from the highest source unit down.
     *
     * @param name the network name to store
     * @throws IllegalArgumentException if a layer's activation has no SNNS counterpart
     */
    public static SnnsNet toSnns(FeedForward net, String name) {
        List<Dense> layers = net.layers();
        List<Unit> units = new ArrayList<>();
        List<Link> links = new ArrayList<>();
        int[] first = new int[layers.size() + 1];  // number of the first unit of each layer
        int next = 1;
        first[0] = next;
        for (int k = 0; k < net.inputs(); k++) {
            units.add(new Unit(next++, "", "Input_" + (k + 1), 0, 0, "i", k + 1, 0, 0, "Act_Identity", "Out_Identity", List.of()));
        }
        for (int l = 0; l < layers.size(); l++) {
            Dense d = layers.get(l);
            boolean output = l == layers.size() - 1;
            Activation f = d.activation();
            String[] parts = f.name().split(":");
            double c = parts.length > 1 ? Double.parseDouble(parts[1]) : 1;
            String act = switch (parts[0]) {
                case "logistic" -> "Act_Logistic";
                case "tanh" -> "Act_TanH";
                case "softsign" -> "Act_Elliott";
                case "linear" -> d.hasBias() ? "Act_IdentityPlusBias" : "Act_Identity";
                default -> throw new IllegalArgumentException("layer " + (l + 1) + " uses activation " + f.name()
                        + ", which has no SNNS activation function; SNNS export supports logistic, tanh, linear and softsign layers");
            };
            first[l + 1] = next;
            float[] w = d.weights(), b = d.biases();  // (O, I), (O)
            int in = d.inputs();
            for (int o = 0; o < d.outputs(); o++) {
                String unitName = output ? "Output_" + (o + 1) : "Hidden_" + (l + 2) + "_" + (o + 1);
                double bias = d.hasBias() ? c * b[o] : 0;
                int unit = next++;
                units.add(new Unit(unit, "", unitName, 0, bias, output ? "o" : "h", o + 1, 2 * (l + 1), 0, act,
                        "Out_Identity", List.of()));
                for (int j = in - 1; j >= 0; j--) {
                    links.add(new Link(unit, "", first[l] + j, c * w[o * in + j]));
                }
            }
        }
        return SnnsNet.of(name, "Std_Backpropagation", units, links);
    }
}
