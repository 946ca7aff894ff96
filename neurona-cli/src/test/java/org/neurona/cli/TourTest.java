package org.neurona.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The tour's pictures and numbers cannot drift from docs/TOUR.md: the tour command (quick) runs
 * into a temporary folder; every picture TOUR.md shows must be in docs/img and be made by the
 * command (same file names), every picture is a PNG under 200 KB, and every line the command
 * prints that does not depend on --quick appears in TOUR.md word for word.
 */
class TourTest {
    private static final Path DOCS = Path.of("..", "docs");
    private static final long MAX_BYTES = 200 * 1024;
    /** Made only when Fashion-MNIST is installed. */
    private static final String FASHION_ONLY = "fmnist-confusion.png";

    @TempDir
    static Path out;

    static TourCommand tour;
    static int exit;
    static String printed;

    @BeforeAll
    static void runTheTour() {
        System.setProperty("java.awt.headless", "true");
        tour = new TourCommand();
        CommandLine cl = new CommandLine(tour);
        StringWriter o = new StringWriter(), e = new StringWriter();
        cl.setOut(new PrintWriter(o, true));
        cl.setErr(new PrintWriter(e, true));
        exit = cl.execute("--quick", "--out", out.toString());
        printed = o + "\n" + e;
    }

    private static String tourMd() throws IOException {
        return Files.readString(DOCS.resolve("TOUR.md"));
    }

    private static Set<String> referencedImages() throws IOException {
        Set<String> names = new TreeSet<>();
        Matcher m = Pattern.compile("img/([A-Za-z0-9_.-]+\\.png)").matcher(tourMd());
        while (m.find()) names.add(m.group(1));
        return names;
    }

    private static Set<String> pngs(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            Set<String> names = new TreeSet<>();
            s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".png")).forEach(names::add);
            return names;
        }
    }

    @Test
    void theTourRunsAndWritesEveryPictureTourMdShows() throws IOException {
        assertEquals(0, exit, printed);
        Set<String> referenced = referencedImages(), committed = pngs(DOCS.resolve("img")), made = pngs(out);
        assertTrue(referenced.size() >= 14, "TOUR.md shows " + referenced);
        assertEquals(referenced, committed, "pictures in TOUR.md vs docs/img");
        assertEquals(made, new TreeSet<>(tour.run.images()), "pictures the command reports vs the folder");
        Set<String> expected = new TreeSet<>(referenced);
        if (!TourFashion.available(tour.run)) expected.remove(FASHION_ONLY);
        assertEquals(expected, made, "pictures TOUR.md shows vs pictures the command makes");
    }

    @Test
    void everyPictureIsAValidPngUnder200Kb() throws IOException {
        for (Path dir : new Path[] {out, DOCS.resolve("img")}) {
            for (String name : pngs(dir)) {
                Path f = dir.resolve(name);
                byte[] head = Arrays.copyOf(Files.readAllBytes(f), 8);
                assertEquals("\u0089PNG\r\n\u001a\n", new String(head, java.nio.charset.StandardCharsets.ISO_8859_1), f.toString());
                assertTrue(Files.size(f) < MAX_BYTES, f + " is " + Files.size(f) + " bytes");
                BufferedImage img = ImageIO.read(f.toFile());
                assertNotNull(img, f.toString());
                assertTrue(img.getWidth() >= 400 && img.getHeight() >= 150, f + " is " + img.getWidth() + "x" + img.getHeight());
            }
        }
    }

    @Test
    void tourMdQuotesEveryStableLineTheCommandPrints() throws IOException {
        String md = tourMd();
        assertTrue(tour.run.stableLines().size() >= 20, tour.run.stableLines().toString());
        for (String line : tour.run.stableLines()) {
            String t = line.strip();
            if (t.isEmpty()) continue;
            assertTrue(md.contains(t), "TOUR.md does not quote the line: " + t);
        }
    }

    @Test
    void withoutFashionMnistTheImageAutoencoderReconstructsTheLetters(@TempDir Path dir) throws IOException {
        CommandLine cl = new CommandLine(new TourCommand());
        cl.setOut(new PrintWriter(new StringWriter(), true));
        TourRun run = new TourRun(dir, true, dir.resolve("no-such-folder"), new Out(cl.getCommandSpec(), false));
        assertTrue(!TourFashion.available(run));
        TourFashion.classify(run);
        assertTrue(run.images().isEmpty(), "made " + run.images());
        TourUnsupervised.letters(run);
        assertEquals(java.util.List.of("autoencoder-images.png"), run.images());
        assertNotNull(ImageIO.read(dir.resolve("autoencoder-images.png").toFile()));
        assertTrue(run.numbers().get("autoencoder.images.mse") < 1e-3, run.numbers().toString());
    }

    @Test
    void theNumbersTheTourStates() {
        Map<String, Double> n = tour.run.numbers();
        assertEquals(4, n.get("neuron.epochs"));
        assertEquals(0, n.get("neuron.errors"));
        assertEquals(15, n.get("activations.count"));
        assertEquals(15, n.get("lineal.correct"));
        assertTrue(n.get("lineal.last") < 0.5 * n.get("lineal.first"));
        assertEquals(138, n.get("xor.epochs.alpha0.9"));
        assertEquals(1475, n.get("xor.epochs.alpha0.0"));
        assertTrue(n.get("xor.weights.lambda1.0E-4") < 0.5 * n.get("xor.weights.lambda0.0"));
        assertEquals(1.0, n.get("competitive.purity"), 1e-12);
        assertEquals(0, n.get("competitive.dead"));
        assertEquals(6, n.get("hopfield.projection"));
        assertTrue(n.get("hopfield.hebb") < 6);
        assertEquals(64, n.get("autoencoder.exact"));
        assertTrue(n.get("elman.test") < 1e-4, "Elman " + n.get("elman.test"));
        assertTrue(n.get("jordan.test") > 100 * n.get("elman.test"));
        if (TourFashion.available(tour.run)) {
            // the quick run is the example's test run: 10,000 images, 3 epochs, 2,000 test images
            assertEquals(0.8425, n.get("fmnist.accuracy"), 5e-4);
        }
    }
}
