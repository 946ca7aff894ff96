package org.neurona.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The guided tour of docs/TOUR.md: runs every section of the lecture in order with the library
 * and writes every picture the tour shows. {@code neurona tour --out docs/img} remakes the
 * committed images; {@code --quick} shrinks only the slow part (Fashion-MNIST, in
 * sections 5 and 8) so tests can run the same code in seconds.
 */
@Command(name = "tour", mixinStandardHelpOptions = true,
        header = "The lecture, runnable: every section of docs/TOUR.md with its pictures.",
        description = {"Every section of docs/TOUR.md in the lecture's order: the neuron, the",
            "activation table, lineal.csv, XOR with momentum and L2, Fashion-MNIST,",
            "competitive learning and the SOM, Hopfield, autoencoders, Elman and Jordan",
            "nets. Prints the numbers the tour states and writes its pictures to --out."},
        footerHeading = "%nExamples:%n",
        footer = {"  neurona tour --out docs/img", "  neurona tour --quick --out /tmp/tour"})
final class TourCommand implements Callable<Integer> {

    @Option(names = "--out", paramLabel = "DIR", description = "Directory for the pictures (default: neurona-out/tour).")
    Path dir = Path.of("neurona-out", "tour");

    @Option(names = "--quick", description = "Smaller runs of the slow sections (a subset of Fashion-MNIST, fewer"
            + " epochs of its autoencoder); the pictures look alike, those numbers differ.")
    boolean quick;

    @Option(names = "--fashion-mnist", paramLabel = "DIR",
            description = "Folder with the four Fashion-MNIST IDX .gz files (default: ${DEFAULT-VALUE}, Debian's"
                    + " dataset-fashion-mnist).")
    Path fashionDir = Path.of("/usr/share/datasets/fashion-mnist");

    @Spec
    CommandSpec spec;

    /** The last run, for tests. */
    TourRun run;

    /** One section of the tour. */
    @FunctionalInterface
    interface Section {
        void run(TourRun run) throws IOException;
    }

    @Override
    public Integer call() throws IOException {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new IllegalArgumentException("--out " + dir + " is a file; expected a directory");
        }
        Files.createDirectories(dir);
        run = new TourRun(dir, quick, fashionDir, new Out(spec, false));
        List<Section> sections = List.of(TourSupervised::neuron, TourSupervised::activations, TourSupervised::lineal,
                TourSupervised::xor, TourFashion::classify, TourUnsupervised::competitive, TourUnsupervised::hopfield,
                TourUnsupervised::autoencoder, TourRecurrent::forecasts);
        for (Section s : sections) {
            long t0 = System.nanoTime();
            s.run(run);
            run.sayVarying("   (%.1f s)", (System.nanoTime() - t0) / 1e9);
        }
        run.sayVarying("\n%d pictures written to %s:", run.images().size(), dir.toAbsolutePath().normalize());
        for (String name : run.images()) run.sayVarying("  %s", name);
        return Main.OK;
    }
}
