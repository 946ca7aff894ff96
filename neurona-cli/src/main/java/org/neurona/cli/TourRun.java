package org.neurona.cli;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.knowm.xchart.internal.chartpart.Chart;
import org.neurona.data.Dataset;

/**
 * State of one run of the tour: where pictures go, whether it is the quick variant, the numbers
 * each section states (by key, so tests can check them against docs/TOUR.md) and the pictures
 * written, in order.
 */
final class TourRun {
    final Path dir;
    final boolean quick;
    final Path fashionDir;
    private final Out out;
    /** Fashion-MNIST, loaded once when a section first needs it. */
    Dataset fashionTrain, fashionTest;
    private final Map<String, Double> numbers = new LinkedHashMap<>();
    private final List<String> images = new ArrayList<>();

    TourRun(Path dir, boolean quick, Path fashionDir, Out out) {
        this.dir = dir;
        this.quick = quick;
        this.fashionDir = fashionDir;
        this.out = out;
    }

    private final List<String> stable = new ArrayList<>();

    /**
     * Prints a line that is the same in the quick and the full run (docs/TOUR.md quotes these
     * lines, and a test checks that it does so verbatim).
     */
    void say(String format, Object... args) {
        String line = String.format(Locale.ROOT, format, args);
        stable.add(line);
        out.say("%s", line);
    }

    /** Prints a line whose numbers depend on --quick or on the machine (times). */
    void sayVarying(String format, Object... args) {
        out.say("%s", String.format(Locale.ROOT, format, args));
    }

    /** The lines printed by {@link #say}, in order. */
    List<String> stableLines() {
        return Collections.unmodifiableList(stable);
    }

    /** Records a number the tour states; returns it. */
    double number(String key, double value) {
        numbers.put(key, value);
        return value;
    }

    /** A progress bar (or periodic lines when not on a terminal) for a long training run. */
    Progress progress(String task, int epochs) {
        return Progress.create(out, task, epochs);
    }

    /** Formats a number the way the tour prints it. */
    static String f(String pattern, double v) {
        return String.format(Locale.ROOT, pattern, v);
    }

    void save(Chart<?, ?> chart, String name) throws IOException {
        Plots.save(chart, dir.resolve(name));
        images.add(name);
    }

    void save(BufferedImage image, String name) throws IOException {
        Plots.savePng(image, dir.resolve(name));
        images.add(name);
    }

    /** Records a picture written by another helper. */
    void saved(String name) {
        images.add(name);
    }

    Path file(String name) {
        return dir.resolve(name);
    }

    Map<String, Double> numbers() {
        return Collections.unmodifiableMap(numbers);
    }

    List<String> images() {
        return Collections.unmodifiableList(images);
    }
}
