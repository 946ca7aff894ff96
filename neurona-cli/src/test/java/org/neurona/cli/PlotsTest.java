package org.neurona.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.internal.chartpart.Chart;
import org.neurona.activation.Activation;
import org.neurona.activation.Activations;

/** The shared figure code: the activation table's axes, its layout, and saving any chart as PNG or SVG. */
class PlotsTest {

    @TempDir
    Path dir;

    @BeforeAll
    static void headless() {
        System.setProperty("java.awt.headless", "true");
    }

    /**
     * The tick labels XChart chose for an axis, read after drawing. XChart keeps them internal;
     * reading them is the only way to check what the reader of the picture sees.
     */
    private static List<Double> ticks(XYChart c, String axis) throws ReflectiveOperationException {
        BitmapEncoder.getBufferedImage(c);
        Field f = Chart.class.getDeclaredField("axisPair");
        f.setAccessible(true);
        Object pair = f.get(c);
        Method get = pair.getClass().getDeclaredMethod(axis.equals("x") ? "getXAxis" : "getYAxis");
        get.setAccessible(true);
        Object a = get.invoke(pair);
        Method calc = a.getClass().getDeclaredMethod("getAxisTickCalculator");
        calc.setAccessible(true);
        @SuppressWarnings("unchecked")
        List<String> labels = (List<String>) calc.invoke(a).getClass().getMethod("getTickLabels").invoke(calc.invoke(a));
        // the calculator also labels positions beyond the ends, which the chart does not draw
        Double min = axis.equals("x") ? c.getStyler().getXAxisMin() : c.getStyler().getYAxisMin();
        Double max = axis.equals("x") ? c.getStyler().getXAxisMax() : c.getStyler().getYAxisMax();
        double lo = min == null ? Double.NEGATIVE_INFINITY : min, hi = max == null ? Double.POSITIVE_INFINITY : max;
        List<Double> v = new ArrayList<>();
        for (String s : labels) {
            double d = Double.parseDouble(s);
            if (d >= lo && d <= hi) v.add(d);
        }
        return v;
    }

    /** Labels a reader can take in: between 3 and 11 of them, on a round step (1, 2 or 5 times a power of ten). */
    private static void assertRoundTicks(List<Double> t, String what) {
        assertTrue(t.size() >= 3 && t.size() <= 11, what + ": " + t);
        double step = t.get(1) - t.get(0);
        double p = Math.pow(10, Math.floor(Math.log10(step))), m = step / p;
        assertTrue(Math.abs(m - Math.rint(m)) < 1e-9 && (Math.rint(m) == 1 || Math.rint(m) == 2 || Math.rint(m) == 5),
                what + ": step " + step + " in " + t);
        for (int i = 2; i < t.size(); i++) assertEquals(step, t.get(i) - t.get(i - 1), 1e-9, what + ": " + t);
    }

    /** Straight lines gave twenty crowded y labels (0, 0.28, 0.55, ... for relu); other ranges odd x labels (-2.22, -1.44). */
    @Test
    void activationPanelsGetFewRoundTickLabels() throws ReflectiveOperationException {
        for (String name : List.of("linear", "relu", "logistic", "tanh", "softexp:0.3", "step")) {
            for (double range : new double[] {5, 3, 0.5}) {
                XYChart c = Plots.activationPanel(Activations.parse(name), range);
                assertRoundTicks(ticks(c, "y"), name + " on [-" + range + ", " + range + "], y");
                assertRoundTicks(ticks(c, "x"), name + " on [-" + range + ", " + range + "], x");
            }
        }
    }

    @Test
    void activationTableIsTitledPanelsFourToARow() {
        List<Activation> fs = new ArrayList<>();
        for (Activation a : Activations.table()) if (a.elementwise()) fs.add(a);
        BufferedImage all = Plots.activationTable(fs, 5);
        int rows = (fs.size() + 3) / 4;
        assertEquals(4 * Plots.PANEL_WIDTH, all.getWidth());
        assertEquals(40 + rows * Plots.PANEL_HEIGHT, all.getHeight());
        // one panel: the picture is as wide as its title, the panel centred under it
        BufferedImage one = Plots.activationTable(List.of(Activations.parse("tanh")), 5);
        assertTrue(one.getWidth() > Plots.PANEL_WIDTH, "width " + one.getWidth());
        assertEquals(40 + Plots.PANEL_HEIGHT, one.getHeight());
        int left = (one.getWidth() - Plots.PANEL_WIDTH) / 2;
        assertEquals(0xffffff, one.getRGB(left / 2, 40 + Plots.PANEL_HEIGHT / 2) & 0xffffff, "white beside the panel");
    }

    @Test
    void anyChartSavesAsPngOrSvgByItsName() throws IOException {
        XYChart xy = Plots.errorCurve("error", "sse", new double[] {1, 0.5, 0.25}, null);
        Chart<?, ?> heat = UnsupervisedPlots.uMatrix("U-matrix", new double[][] {{0.1, 0.2}, {0.3, 0.4}});
        for (Chart<?, ?> c : List.of(xy, heat)) {
            Path png = dir.resolve("c.png"), svg = dir.resolve("c.svg");
            Plots.save(c, png);
            Plots.save(c, svg);
            Cli.assertPng(png, c.getWidth(), c.getHeight());
            assertTrue(Files.readString(svg).contains("<svg"), svg.toString());
        }
    }
}
