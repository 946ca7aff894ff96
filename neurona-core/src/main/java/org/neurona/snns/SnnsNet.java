package org.neurona.snns;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A network as an SNNS network file ({@code .net}) describes it: units, each with its activation
 * function, bias and role, and weighted links between them. A plain description, independent of
 * any neurona network class; {@link SnnsNetFile} reads and writes it, {@link SnnsFeedForward} turns a
 * layered one into a neurona feed-forward net and back.
 *
 * <p>SNNS computes a unit's activation from its net input: for most activation functions
 * a = f(sum_j w_ij o_j + bias_i), i.e. the bias is added (Act_Logistic, Act_TanH,
 * Act_IdentityPlusBias); a few ignore it (Act_Identity) or use it otherwise (Act_Perceptron
 * compares with it, the RBF functions scale by it). The output function (Out_Identity in nets
 * for backpropagation) then gives the unit's output o_i.
 *
 * @param name                        the {@code network name}
 * @param learningFunction            the {@code learning function} (e.g. "Std_Backpropagation"), or ""
 * @param updateFunction              the {@code update function} (e.g. "Topological_Order"), or ""
 * @param pruningFunction             the {@code pruning function} ("" unless the learning function is PruningFeedForward)
 * @param subordinateLearningFunction the {@code subordinate learning function}, or ""
 * @param siteTypes                   the site definition section
 * @param unitTypes                   the type definition section
 * @param units                       the units, numbered 1..N in this order
 * @param links                       every connection, grouped by target in file order
 * @param subnets                     subnet number to its unit numbers (the subnet definition section), often empty
 * @param layers                      layer number to its unit numbers (the layer definition section), often empty
 */
public record SnnsNet(String name, String learningFunction, String updateFunction, String pruningFunction,
                      String subordinateLearningFunction, List<SiteType> siteTypes, List<UnitType> unitTypes,
                      List<Unit> units, List<Link> links, Map<Integer, List<Integer>> subnets,
                      Map<Integer, List<Integer>> layers) {

    /** The roles of the {@code st} column: input, output, hidden, dual, special and special variants. */
    public static final Set<String> ROLES = Set.of("i", "o", "h", "d", "s", "si", "so", "sh", "sd");

    public SnnsNet {
        name = name == null ? "" : name;
        learningFunction = learningFunction == null ? "" : learningFunction;
        updateFunction = updateFunction == null ? "" : updateFunction;
        pruningFunction = pruningFunction == null ? "" : pruningFunction;
        subordinateLearningFunction = subordinateLearningFunction == null ? "" : subordinateLearningFunction;
        siteTypes = List.copyOf(siteTypes);
        unitTypes = List.copyOf(unitTypes);
        units = List.copyOf(units);
        links = List.copyOf(links);
        subnets = copy(subnets);
        layers = copy(layers);
        for (int i = 0; i < units.size(); i++) {
            if (units.get(i).number() != i + 1) {
                throw new IllegalArgumentException("network '" + name + "': unit " + (i + 1) + " is numbered "
                        + units.get(i).number() + "; expected units numbered 1.." + units.size() + " without gaps");
            }
        }
        Set<String> siteNames = new HashSet<>();
        for (SiteType s : siteTypes) siteNames.add(s.name());
        for (Link l : links) {
            for (int u : new int[] {l.target(), l.source()}) {
                if (u < 1 || u > units.size()) {
                    throw new IllegalArgumentException("network '" + name + "': link " + l.source() + " -> " + l.target()
                            + " names unit " + u + "; expected a unit number in 1.." + units.size());
                }
            }
            if (!l.site().isEmpty() && !siteNames.contains(l.site())) {
                throw new IllegalArgumentException("network '" + name + "': link " + l.source() + " -> " + l.target()
                        + " goes to site '" + l.site() + "'; expected one of the defined sites " + siteNames);
            }
        }
    }

    private static Map<Integer, List<Integer>> copy(Map<Integer, List<Integer>> m) {
        Map<Integer, List<Integer>> c = new TreeMap<>();
        if (m != null) m.forEach((k, v) -> c.put(k, List.copyOf(v)));
        return java.util.Collections.unmodifiableMap(c);
    }

    /** A feed-forward description without sites, types, subnets or layer sections. */
    public static SnnsNet of(String name, String learningFunction, List<Unit> units, List<Link> links) {
        return new SnnsNet(name, learningFunction, "Topological_Order", "", "", List.of(), List.of(), units, links,
                Map.of(), Map.of());
    }

    /** Unit number {@code n} (1-based, as in the file). */
    public Unit unit(int n) {
        if (n < 1 || n > units.size()) {
            throw new IllegalArgumentException("network '" + name + "' has units 1.." + units.size() + ", not " + n);
        }
        return units.get(n - 1);
    }

    /** The units with role {@code role} ("i", "h", "o", ...), in number order. */
    public List<Unit> unitsWithRole(String role) {
        List<Unit> r = new ArrayList<>();
        for (Unit u : units) if (u.role().equals(role)) r.add(u);
        return r;
    }

    /** The links into unit {@code target}, in file order. */
    public List<Link> linksTo(int target) {
        List<Link> r = new ArrayList<>();
        for (Link l : links) if (l.target() == target) r.add(l);
        return r;
    }

    /**
     * One unit of the unit definition section.
     *
     * @param number   1..N
     * @param typeName the prototype type from the type definition section, or ""
     * @param name     the unit name, or ""
     * @param act      the activation stored in the file (the state after the last pattern)
     * @param bias     the bias (for Act_Logistic etc.: added to the net input)
     * @param role     the {@code st} column: i, o, h, d, s, si, so, sh, sd
     * @param x        position x
     * @param y        position y
     * @param z        position z (0 in V1.4 files, which have 2-D positions)
     * @param actFunc  activation function, e.g. "Act_Logistic"
     * @param outFunc  output function, e.g. "Out_Identity"
     * @param sites    the unit's sites, in order; empty for plain units
     */
    public record Unit(int number, String typeName, String name, double act, double bias, String role,
                       int x, int y, int z, String actFunc, String outFunc, List<String> sites) {
        public Unit {
            typeName = typeName == null ? "" : typeName;
            name = name == null ? "" : name;
            if (!ROLES.contains(role)) {
                throw new IllegalArgumentException("unit " + number + ": role (st) '" + role + "'; expected one of "
                        + "i (input), o (output), h (hidden), d (dual), s (special), si, so, sh, sd");
            }
            if (actFunc == null || actFunc.isBlank()) throw new IllegalArgumentException("unit " + number + " has no activation function");
            if (outFunc == null || outFunc.isBlank()) throw new IllegalArgumentException("unit " + number + " has no output function");
            sites = List.copyOf(sites);
        }

        /** A unit with no type, sites or position beyond (number, layer), output function Out_Identity. */
        public static Unit of(int number, String name, String role, double bias, String actFunc, int x, int y) {
            return new Unit(number, "", name, 0, bias, role, x, y, 0, actFunc, "Out_Identity", List.of());
        }
    }

    /**
     * One connection: the output of {@code source} times {@code weight} enters {@code target}
     * (at {@code site}, or directly when site is "").
     */
    public record Link(int target, String site, int source, double weight) {
        public Link {
            site = site == null ? "" : site;
        }
    }

    /** A site type: a named site function (e.g. Site_WeightedSum) that combines some of a unit's links. */
    public record SiteType(String name, String function) {}

    /** A prototype unit type: activation and output function and sites shared by units naming it. */
    public record UnitType(String name, String actFunc, String outFunc, List<String> sites) {
        public UnitType {
            sites = List.copyOf(sites);
        }
    }
}
