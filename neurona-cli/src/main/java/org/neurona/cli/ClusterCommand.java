package org.neurona.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.neurona.data.Dataset;
import org.neurona.io.AtomicFiles;
import org.neurona.net.competitive.Competitive;
import org.neurona.net.competitive.CompetitiveResult;
import org.neurona.net.competitive.CompetitiveSpec;
import org.neurona.net.competitive.Som;
import org.neurona.net.competitive.SomResult;
import org.neurona.net.competitive.SomSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Clusters unlabelled patterns with a competitive (winner-takes-all) layer of K units, or with a
 * Kohonen self-organising map; reports the quantisation error and, given a label column, the
 * purity; writes the assignment, the model, the clusters picture and the map's U-matrix.
 */
@Command(name = "cluster", mixinStandardHelpOptions = true,
        header = "Cluster patterns by competitive learning or a Kohonen map.",
        description = {"Cluster patterns by competitive learning (winner-takes-all, K units)",
            "or with a Kohonen self-organising map (--som RxC). Every column is an",
            "input unless named by --label. Cluster indices count from 0; a map's",
            "unit u sits at grid row u / C, column u mod C."},
        footerHeading = "%nExamples:%n",
        footer = {
            "  four clusters, purity against the 'label' column, clusters picture:",
            "    neurona cluster --data blobs.csv --units 4 --label label --seed 7 \\",
            "                    --plot clusters.png --json",
            "  each row with its cluster index appended; prototypes saved:",
            "    neurona cluster --data blobs.csv --units 4 --label label \\",
            "                    --assign assigned.csv --save clusters.json",
            "  a 6x6 Kohonen map drawn over the data, and its U-matrix:",
            "    neurona cluster --data blobs.csv --som 6x6 --epochs 40 --label label \\",
            "                    --plot som.png --umatrix umatrix.png",
            "  new data assigned with the saved model:",
            "    neurona cluster --data more.csv --model clusters.json --assign more-assigned.csv",
        })
final class ClusterCommand implements Callable<Integer> {

    @Mixin
    PatternOptions input;

    @Option(names = "--units", paramLabel = "K", description = "Number of competitive units (clusters). With --som, rows * cols.")
    Integer units;

    @Option(names = "--som", paramLabel = "RxC",
            description = "Train a Kohonen map of R rows and C columns (e.g. 6x6; 10 for a 1-D chain) instead of a competitive layer.")
    String som;

    @Option(names = "--epochs", paramLabel = "N", description = "Passes over the data (default 100).")
    Integer epochs;

    @Option(names = "--eta", paramLabel = "ETA",
            description = "Learning rate in the first epoch (default 0.1, SOM 0.5); it decays exponentially to --eta-end.")
    Double eta;

    @Option(names = "--eta-end", paramLabel = "ETA", description = "Learning rate in the last epoch (default 0.01, at most --eta).")
    Double etaEnd;

    @Option(names = "--radius", paramLabel = "SIGMA",
            description = "SOM: neighbourhood radius in the first epoch, in grid steps (default max(R, C) / 2); it decays to 0.5.")
    Double radius;

    @Option(names = "--conscience", paramLabel = "C",
            description = "DeSieno's conscience factor against dead units (default 10; 0 = plain winner-takes-all).")
    Double conscience;

    @Option(names = "--leak", paramLabel = "L", description = "Leaky learning: losers move with L * eta (default 0 = off).")
    Double leak;

    @Option(names = "--seed", paramLabel = "S", description = "Seed for the initial prototypes and the pattern order (default 1).")
    long seed = 1;

    @Option(names = "--model", paramLabel = "FILE",
            description = "Assign --data with a model written by --save instead of training one (no --units or --som).")
    Path model;

    @Option(names = "--save", paramLabel = "FILE", description = "Write the prototypes and settings (JSON) to FILE.")
    Path save;

    @Option(names = "--assign", paramLabel = "FILE",
            description = "Write every input row with its cluster index (0-based) as an extra last column (CSV).")
    Path assign;

    @Option(names = "--plot", paramLabel = "FILE",
            description = "Picture of the data (first two inputs) coloured by cluster with the prototypes marked;"
                    + " with --som the map's grid over the data (.png or .svg).")
    Path plot;

    @Option(names = "--umatrix", paramLabel = "FILE", description = "With --som: the U-matrix as a heat map (.png or .svg).")
    Path umatrix;

    @Mixin
    OutputOptions output;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        Out out = new Out(spec, output.json);
        Path data = input.data;
        new Outputs().reads(data, input.labels, model).writes("--save", save).writes("--assign", assign)
                .writesPicture("--plot", plot).writesPicture("--umatrix", umatrix).check();
        UnsupervisedModels.Clusters saved = null;
        if (model != null) {
            if (som != null || units != null) {
                throw new IllegalArgumentException("--model assigns with a saved model; leave out --units and --som (they train a new one)");
            }
            Data.requireFile(model);
            saved = UnsupervisedModels.read(model);
        } else if (som == null && units == null) {
            throw new IllegalArgumentException("give the number of clusters with --units K, or a Kohonen map with --som RxC");
        }
        boolean isSom = saved != null ? saved.som() != null : som != null;
        if (umatrix != null && !isSom) {
            throw new IllegalArgumentException("--umatrix draws a Kohonen map's U-matrix; add --som RxC (e.g. --som 6x6)");
        }
        Patterns p = input.load();
        Dataset d = p.data();
        if (plot != null && d.inputs() < 2) {
            throw new IllegalArgumentException("--plot draws two input columns, but " + data + " has " + p.describeInputs()
                    + "; leave out --plot");
        }
        if (saved != null && saved.inputs() != d.inputs()) {
            throw new IllegalArgumentException("the model " + model + " has " + saved.inputs() + " inputs, but " + data + " has "
                    + p.describeInputs() + "; expected the columns the model was trained on");
        }

        Map<String, Object> result = new LinkedHashMap<>();
        CompetitiveResult clusters;
        SomResult map = null;
        Competitive net = null;
        Som kohonen = null;
        double[] history;
        if (isSom) {
            if (saved != null) {
                kohonen = saved.som();
                out.say("assigning %d patterns of %s to the %dx%d Kohonen map of %s", d.rows(), data, kohonen.rows(),
                        kohonen.cols(), model);
            } else {
                SomSpec s = somSpec(d);
                out.say("training a %dx%d Kohonen map on %s: %d patterns of %s, %d epochs, eta %s -> %s, radius %s -> %s",
                        s.rows(), s.cols(), data, d.rows(), p.describeInputs(), s.epochs(), Out.num(s.eta()),
                        Out.num(s.etaEnd()), Out.num(s.radius()), Out.num(s.radiusEnd()));
                kohonen = Som.train(s, d);
            }
            map = kohonen.evaluate(d, p.labels());
            clusters = map.clusters();
            history = kohonen.trainingError();
            result.put("kind", "som");
            result.put("rows", kohonen.rows());
            result.put("cols", kohonen.cols());
        } else {
            if (saved != null) {
                net = saved.competitive();
                out.say("assigning %d patterns of %s to the %d competitive units of %s", d.rows(), data, net.units(), model);
            } else {
                CompetitiveSpec s = competitiveSpec();
                if (s.units() > d.rows()) {
                    throw new IllegalArgumentException("--units " + s.units() + " but " + data + " has only " + d.rows()
                            + " patterns; expected K <= number of patterns (each unit starts at a distinct pattern)");
                }
                out.say("training %d competitive units on %s: %d patterns of %s, %d epochs, eta %s -> %s%s%s", s.units(), data,
                        d.rows(), p.describeInputs(), s.epochs(), Out.num(s.eta()), Out.num(s.etaEnd()),
                        s.conscience() > 0 ? ", conscience C = " + Out.num(s.conscience()) : ", no conscience",
                        s.leak() > 0 ? ", leak " + Out.num(s.leak()) : "");
                net = Competitive.train(s, d);
            }
            clusters = p.labels() == null ? net.evaluate(d) : net.evaluate(d, p.labels());
            history = net.trainingError();
            result.put("kind", "competitive");
        }
        result.put("units", clusters.units());
        result.put("inputs", d.inputs());
        result.put("patterns", d.rows());
        result.put("epochs", history.length);
        result.put("quantization_error", clusters.quantizationError());
        if (clusters.purity().isPresent()) result.put("purity", clusters.purity().getAsDouble());
        result.put("dead_units", clusters.deadUnits());
        result.put("wins", clusters.wins());
        if (map != null) {
            result.put("topographic_error", map.topographicError());
            result.put("u_matrix", map.uMatrix());
        }
        List<float[]> protos = new ArrayList<>();
        for (int k = 0; k < clusters.units(); k++) {
            float[] row = new float[d.inputs()];
            System.arraycopy(clusters.prototypes(), k * d.inputs(), row, 0, d.inputs());
            protos.add(row);
        }
        result.put("prototypes", protos);
        result.put("training_error", history);

        out.say("%s: quantisation error %s%s, %d of %d units used%s",
                saved != null ? "with the saved model" : "after " + history.length + " epochs",
                Out.num(clusters.quantizationError()),
                clusters.purity().isPresent() ? ", purity " + Out.num(clusters.purity().getAsDouble()) : "",
                clusters.units() - clusters.deadUnits(), clusters.units(),
                map == null ? "" : ", topographic error " + Out.num(map.topographicError()));

        if (save != null) {
            if (kohonen != null) UnsupervisedModels.write(save, kohonen, p.inputNames(), clusters.quantizationError());
            else UnsupervisedModels.write(save, net, p.inputNames(), clusters.quantizationError());
            out.say("model written to %s", save);
            result.put("model", save.toString());
        }
        if (assign != null) {
            AtomicFiles.writeString(assign, p.withColumn("cluster", clusters.assignment()));
            out.say("assignment written to %s (cluster index in the last column)", assign);
        }
        if (plot != null) {
            if (d.inputs() > 2) out.warn("--plot shows the first two of %d input columns", d.inputs());
            String xName = p.inputName(0), yName = p.inputName(1);
            if (map != null) {
                Plots.save(UnsupervisedPlots.somMap(String.format(Locale.ROOT,
                                "Kohonen map %dx%d on %s (quantisation error %s%s)", map.rows(), map.cols(), name(data),
                                Out.num(clusters.quantizationError()),
                                clusters.purity().isPresent() ? ", purity " + Out.num(clusters.purity().getAsDouble()) : ""),
                        xName, yName, d.x(), d.rows(), d.inputs(), 0, 1, p.labels(), p.classes(), clusters.prototypes(),
                        map.rows(), map.cols()), plot);
            } else {
                Plots.save(UnsupervisedPlots.clusters(String.format(Locale.ROOT,
                                "%d competitive units on %s (quantisation error %s%s)", clusters.units(), name(data),
                                Out.num(clusters.quantizationError()),
                                clusters.purity().isPresent() ? ", purity " + Out.num(clusters.purity().getAsDouble()) : ""),
                        xName, yName, d.x(), d.rows(), d.inputs(), 0, 1, clusters.assignment(), clusters.prototypes(),
                        clusters.units()), plot);
            }
            out.say("clusters picture written to %s", plot);
        }
        if (umatrix != null) {
            Plots.save(UnsupervisedPlots.uMatrix("U-matrix of the " + map.rows() + "x" + map.cols()
                    + " map on " + name(data) + " (dark = cluster border)", map.uMatrix()), umatrix);
            out.say("U-matrix written to %s", umatrix);
        }
        if (output.json) out.printJson(result);
        return Main.OK;
    }

    private CompetitiveSpec competitiveSpec() {
        CompetitiveSpec s = CompetitiveSpec.of(units).withSeed(seed);
        if (epochs != null) s = s.withEpochs(epochs);
        s = withEta(s.eta(), s.etaEnd(), s::withEta);
        if (conscience != null) s = s.withConscience(conscience, s.conscienceRate());
        if (leak != null) s = s.withLeak(leak);
        return s;
    }

    private SomSpec somSpec(Dataset d) {
        SomSpec s = SomSpec.parseGrid(som).withSeed(seed);
        if (units != null && units != s.units()) {
            throw new IllegalArgumentException("--units " + units + " but --som " + som + " has " + s.units()
                    + " units; leave out --units with --som");
        }
        if (conscience != null || leak != null) {
            throw new IllegalArgumentException("--conscience and --leak belong to the competitive layer; a Kohonen map"
                    + " (--som) has no dead units to remedy, its neighbourhood moves every unit");
        }
        if (epochs != null) s = s.withEpochs(epochs);
        s = withEta(s.eta(), s.etaEnd(), s::withEta);
        if (radius != null) s = s.withRadius(radius, Math.min(radius, s.radiusEnd()));
        return s;
    }

    /** The learning rates the options ask for; the end rate never exceeds the start rate unless given. */
    private <T> T withEta(double defStart, double defEnd, java.util.function.BiFunction<Double, Double, T> with) {
        double start = eta != null ? eta : defStart;
        double end = etaEnd != null ? etaEnd : Math.min(defEnd, start);
        if (etaEnd != null && !(etaEnd <= start)) {
            throw new IllegalArgumentException("--eta-end " + etaEnd + " is larger than --eta " + start + "; the rate decays, so expected --eta-end <= --eta");
        }
        return with.apply(start, end);
    }

    private static String name(Path p) {
        return p.getFileName().toString();
    }
}
