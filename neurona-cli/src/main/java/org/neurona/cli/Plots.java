package org.neurona.cli;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.neurona.activation.Activation;
import org.neurona.eval.RegressionError;
import org.neurona.eval.Roc;
import org.neurona.io.AtomicFiles;

/**
 * The figures neurona draws, with XChart: error curves (RSNNS's plotIterativeError), class
 * scatters, decision regions, ROC curves (plotROC), targets against outputs
 * (plotRegressionError) and the activation table; and how every figure of the command line is
 * saved. Each has a title, axis labels and a legend. Files are PNG (strongly compressed), or SVG
 * when the name ends in ".svg", and are written atomically.
 */
final class Plots {
    private Plots() {}

    static final int WIDTH = 800;
    static final int HEIGHT = 600;
    private static final int MAX_LINE_POINTS = 400;

    /** Class colours: strong for data points, pale for the regions under them. */
    private static final Color[] STRONG = {new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c),
        new Color(0xff7f0e), new Color(0x9467bd), new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f),
        new Color(0xbcbd22), new Color(0x17becf)};

    /** Colour k of matplotlib's tab10 (blue, red, green, orange, ...), repeating after ten. */
    static Color strong(int k) {
        return STRONG[k % STRONG.length];
    }

    private static Color pale(int k) {
        Color c = strong(k);
        return new Color((c.getRed() + 3 * 255) / 4, (c.getGreen() + 3 * 255) / 4, (c.getBlue() + 3 * 255) / 4);
    }

    /** An 800 x 600 chart on white, antialiased, with the legend inside the top right corner: every figure's base. */
    static XYChart chart(String title, String xTitle, String yTitle) {
        XYChart c = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle(xTitle).yAxisTitle(yTitle).build();
        c.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
        c.getStyler().setChartBackgroundColor(Color.WHITE);
        c.getStyler().setPlotBackgroundColor(Color.WHITE);
        c.getStyler().setAntiAlias(true);
        return c;
    }

    /**
     * Error per epoch (and validation error when given), on a log scale when it falls by more
     * than two decades.
     */
    static XYChart errorCurve(String title, String lossName, double[] train, double[] validation) {
        XYChart c = chart(title, "epoch", "error (" + lossName + ")");
        double min = Double.POSITIVE_INFINITY, max = 0;
        for (double v : train) {
            if (v > 0 && Double.isFinite(v)) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        addLine(c, "training", train);
        if (validation != null && validation.length > 0 && finiteCount(validation) > 0) addLine(c, "validation", validation);
        if (max > 0 && max / min > 100) c.getStyler().setYAxisLogarithmic(true);
        return c;
    }

    /**
     * ROC curves, true-positive rate over false-positive rate, one per named curve, with the AUC in
     * the legend, over the diagonal of a classifier that guesses (RSNNS's plotROC).
     */
    static XYChart roc(String title, List<String> names, List<Roc> curves) {
        XYChart c = chart(title, "false positive rate (1 - specificity)", "true positive rate (sensitivity)");
        c.getStyler().setLegendPosition(Styler.LegendPosition.InsideSE);
        c.getStyler().setXAxisMin(0.0).setXAxisMax(1.0).setYAxisMin(0.0).setYAxisMax(1.05);
        XYSeries chance = c.addSeries("chance (AUC 0.5)", new double[] {0, 1}, new double[] {0, 1});
        chance.setMarker(SeriesMarkers.NONE);
        chance.setLineColor(Color.GRAY);
        chance.setLineStyle(SeriesLines.DASH_DASH);
        for (int k = 0; k < curves.size(); k++) {
            List<Roc.Point> pts = curves.get(k).points();
            double[] fpr = new double[pts.size()], tpr = new double[pts.size()];
            for (int i = 0; i < pts.size(); i++) {
                fpr[i] = pts.get(i).fpr();
                tpr[i] = pts.get(i).tpr();
            }
            XYSeries s = c.addSeries(String.format(Locale.ROOT, "%s (AUC %.4f)", names.get(k), curves.get(k).auc()), fpr, tpr);
            s.setMarker(SeriesMarkers.NONE);
            s.setLineColor(strong(k));
        }
        return c;
    }

    /**
     * Outputs against targets for every (pattern, output) pair, with the least-squares line
     * through them and the ideal line output = target (RSNNS's plotRegressionError, whose fitted
     * line is red).
     */
    static XYChart regression(String title, RegressionError e) {
        XYChart c = chart(title, "target", "output");
        c.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW);
        float[] t = e.targets(), y = e.outputs();
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        double[] tx = new double[t.length], yy = new double[t.length];
        for (int i = 0; i < t.length; i++) {
            tx[i] = t[i];
            yy[i] = y[i];
            lo = Math.min(lo, Math.min(t[i], y[i]));
            hi = Math.max(hi, Math.max(t[i], y[i]));
        }
        if (hi == lo) {
            lo -= 0.5;
            hi += 0.5;
        }
        XYSeries ideal = c.addSeries("ideal: output = target", new double[] {lo, hi}, new double[] {lo, hi});
        ideal.setMarker(SeriesMarkers.NONE);
        ideal.setLineColor(Color.GRAY);
        ideal.setLineStyle(SeriesLines.DASH_DASH);
        XYSeries pts = c.addSeries(String.format(Locale.ROOT, "patterns (SSE %s, RMSE %s)", Out.num(e.sse()), Out.num(e.rmse())),
                tx, yy);
        pts.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        pts.setMarker(new Dot(6));
        pts.setMarkerColor(strong(0));
        pts.setLineStyle(SeriesLines.NONE);
        double[] ab = e.fit();
        if (Double.isFinite(ab[1])) {
            XYSeries fit = c.addSeries(String.format(Locale.ROOT, "fit: output = %s + %s target", Out.num(ab[0]), Out.num(ab[1])),
                    new double[] {lo, hi}, new double[] {ab[0] + ab[1] * lo, ab[0] + ab[1] * hi});
            fit.setMarker(SeriesMarkers.NONE);
            fit.setLineColor(strong(1));   // red, as RSNNS draws it
        }
        return c;
    }

    private static int finiteCount(double[] v) {
        int n = 0;
        for (double d : v) if (Double.isFinite(d)) n++;
        return n;
    }

    private static void addLine(XYChart c, String name, double[] y) {
        List<Double> xs = new ArrayList<>(), ys = new ArrayList<>();
        // a few hundred points draw the same curve; thousands make the renderer crawl
        int stride = Math.max(1, (y.length + MAX_LINE_POINTS - 1) / MAX_LINE_POINTS);
        for (int i = 0; i < y.length; i++) {
            if (i % stride != 0 && i != y.length - 1) continue;
            if (Double.isFinite(y[i]) && (!c.getStyler().isYAxisLogarithmic() || y[i] > 0)) {
                xs.add(i + 1.0);
                ys.add(y[i]);
            }
        }
        if (xs.isEmpty()) {
            xs.add(1.0);
            ys.add(0.0);
        }
        XYSeries s = c.addSeries(name, xs, ys);
        s.setMarker(SeriesMarkers.NONE);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
    }

    /**
     * Points of a 2-input data set coloured by class: the lecture's plt.scatter picture.
     *
     * @param x      inputs (rows, 2)
     * @param label  class index per row
     */
    static XYChart scatter(String title, String xName, String yName, float[] x, int rows, int[] label, List<String> classes) {
        XYChart c = chart(title, xName, yName);
        c.getStyler().setMarkerSize(10);
        addPoints(c, x, rows, label, classes);
        return c;
    }

    private static void addPoints(XYChart c, float[] x, int rows, int[] label, List<String> classes) {
        for (int k = 0; k < classes.size(); k++) {
            List<Double> xs = new ArrayList<>(), ys = new ArrayList<>();
            for (int r = 0; r < rows; r++) {
                if (label[r] == k) {
                    xs.add((double) x[2 * r]);
                    ys.add((double) x[2 * r + 1]);
                }
            }
            if (xs.isEmpty()) continue;
            XYSeries s = c.addSeries("class " + classes.get(k), xs, ys);
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            s.setMarker(new Dot(10));
            s.setMarkerColor(strong(k));
            s.setLineStyle(SeriesLines.NONE);
        }
    }

    /**
     * Decision regions of a 2-input classifier under the data's scatter: the plane is sampled on
     * a grid, each grid point coloured by the class the network picks there.
     *
     * @param classify class index for each of {@code n} points given as (n, 2) coordinates
     */
    static XYChart boundary(String title, String xName, String yName, float[] x, int rows, int[] label,
                            List<String> classes, Function<float[], int[]> classify) {
        double x0 = Double.POSITIVE_INFINITY, x1 = Double.NEGATIVE_INFINITY, y0 = x0, y1 = x1;
        for (int r = 0; r < rows; r++) {
            x0 = Math.min(x0, x[2 * r]);
            x1 = Math.max(x1, x[2 * r]);
            y0 = Math.min(y0, x[2 * r + 1]);
            y1 = Math.max(y1, x[2 * r + 1]);
        }
        double padX = Math.max((x1 - x0) * 0.1, 1e-3), padY = Math.max((y1 - y0) * 0.1, 1e-3);
        x0 -= padX;
        x1 += padX;
        y0 -= padY;
        y1 += padY;
        int g = 100;
        float[] grid = new float[g * g * 2];
        for (int i = 0; i < g; i++) {
            for (int j = 0; j < g; j++) {
                int p = (i * g + j) * 2;
                grid[p] = (float) (x0 + (x1 - x0) * (j + 0.5) / g);
                grid[p + 1] = (float) (y0 + (y1 - y0) * (i + 0.5) / g);
            }
        }
        int[] region = classify.apply(grid);
        XYChart c = chart(title, xName, yName);
        c.getStyler().setXAxisMin(x0).setXAxisMax(x1).setYAxisMin(y0).setYAxisMax(y1);
        c.getStyler().setPlotGridLinesVisible(false);
        // a cell a bit larger than the grid step so neighbours overlap and leave no gaps
        double cellW = WIDTH * 0.85 / g + 1.5, cellH = HEIGHT * 0.8 / g + 1.5;
        for (int k = 0; k < classes.size(); k++) {
            List<Double> xs = new ArrayList<>(), ys = new ArrayList<>();
            for (int p = 0; p < g * g; p++) {
                if (region[p] == k) {
                    xs.add((double) grid[2 * p]);
                    ys.add((double) grid[2 * p + 1]);
                }
            }
            if (xs.isEmpty()) continue;
            XYSeries s = c.addSeries("region " + classes.get(k), xs, ys);
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            s.setMarker(new Cell(cellW, cellH));
            s.setMarkerColor(pale(k));
            s.setLineStyle(SeriesLines.NONE);
        }
        addPoints(c, x, rows, label, classes);
        return c;
    }

    /** Panels of the activation table, and its width in panels at most. */
    static final int PANEL_WIDTH = 360, PANEL_HEIGHT = 280, TABLE_COLUMNS = 4;

    /**
     * The lecture's activation table as one figure: a title, then one panel per function with
     * f(x) (blue) and f'(x) (red, dashed) over [-range, range], four panels a row. Used by
     * {@code plot activations}, {@code demo} and the tour.
     */
    static BufferedImage activationTable(List<Activation> functions, double range) {
        List<XYChart> panels = new ArrayList<>();
        for (Activation f : functions) panels.add(activationPanel(f, range));
        String r = new DecimalFormat("0.###", DecimalFormatSymbols.getInstance(Locale.ROOT)).format(range);
        return grid("The activation table: f(x) (blue) and its derivative f'(x) (red) on [-" + r + ", " + r + "]", panels,
                Math.min(TABLE_COLUMNS, panels.size()));
    }

    /** One panel of the activation table: f(x) and f'(x) over [-range, range]. */
    static XYChart activationPanel(Activation f, double range) {
        int n = 401;
        XYChart c = new XYChartBuilder().width(PANEL_WIDTH).height(PANEL_HEIGHT).title(f.name()).xAxisTitle("x").yAxisTitle("")
                .build();
        c.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW);
        c.getStyler().setChartBackgroundColor(Color.WHITE);
        c.getStyler().setPlotBackgroundColor(Color.WHITE);
        c.getStyler().setAntiAlias(true);
        c.getStyler().setYAxisDecimalPattern("0.##");
        c.getStyler().setYAxisTickMarkSpacingHint(40);
        double[] xs = new double[n], ys = new double[n], ds = new double[n];
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            xs[i] = -range + 2 * range * i / (n - 1);
            ys[i] = f.value(xs[i]);
            ds[i] = f.derivative(xs[i]);
            lo = Math.min(lo, Math.min(ys[i], ds[i]));
            hi = Math.max(hi, Math.max(ys[i], ds[i]));
        }
        // Margins of 5 % of the span on both axes. Without them the curves touch the frame and,
        // worse, equally spaced values (x always; y for linear, relu) make XChart put the tick
        // labels on data points, as densely as they fit: twenty crowded labels like 0.28, 0.55 on
        // relu's y axis, -2.22, -1.44 on x over [-3, 3]. With the margins it picks round steps.
        double pad = hi > lo ? 0.05 * (hi - lo) : 0.5;
        c.getStyler().setYAxisMin(lo - pad).setYAxisMax(hi + pad);
        c.getStyler().setXAxisMin(-1.05 * range).setXAxisMax(1.05 * range);
        c.getStyler().setXAxisTickMarkSpacingHint(30);
        XYSeries v = c.addSeries("f(x)", xs, ys);
        v.setMarker(SeriesMarkers.NONE);
        v.setLineColor(strong(0));
        XYSeries d = c.addSeries("f'(x)", xs, ds);
        d.setMarker(SeriesMarkers.NONE);
        d.setLineColor(strong(1));
        d.setLineStyle(SeriesLines.DASH_DASH);
        return c;
    }

    /** Writes one chart: SVG for a ".svg" name, else PNG. */
    static void save(Chart<?, ?> chart, Path file) throws IOException {
        checkName(file);
        if (isSvg(file)) {
            AtomicFiles.write(file, out -> VectorGraphicsEncoder.saveVectorGraphic(chart, out,
                    VectorGraphicsEncoder.VectorGraphicsFormat.SVG));
        } else {
            savePng(BitmapEncoder.getBufferedImage(chart), file);
        }
    }

    /**
     * Writes charts of equal size in a grid of {@code cols} columns, row by row (the last row may
     * be short), as one PNG. Callers refuse a ".svg" name first, saying why in their own words.
     */
    static void saveGrid(List<? extends Chart<?, ?>> charts, int cols, Path file) throws IOException {
        savePng(grid(null, charts, cols), file);
    }

    /**
     * Charts of equal size in a grid of {@code cols} columns on white, under a bold title when
     * one is given; the grid is centred when the title is wider than it.
     */
    static BufferedImage grid(String title, List<? extends Chart<?, ?>> charts, int cols) {
        if (charts.isEmpty()) throw new IllegalArgumentException("no charts to draw");
        int rows = (charts.size() + cols - 1) / cols;
        int w = charts.get(0).getWidth(), h = charts.get(0).getHeight();
        Font titleFont = new Font(Font.SANS_SERIF, Font.BOLD, 20);
        int titleH = 0, width = cols * w;
        if (title != null) {
            Graphics2D probe = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB).createGraphics();
            width = Math.max(width, probe.getFontMetrics(titleFont).stringWidth(title) + 40);
            probe.dispose();
            titleH = 40;
        }
        BufferedImage image = new BufferedImage(width, titleH + rows * h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        if (title != null) {
            g.setColor(Color.BLACK);
            g.setFont(titleFont);
            g.drawString(title, (width - g.getFontMetrics().stringWidth(title)) / 2, 28);
        }
        int left = (width - cols * w) / 2;
        for (int i = 0; i < charts.size(); i++) {
            g.drawImage(BitmapEncoder.getBufferedImage(charts.get(i)), left + (i % cols) * w, titleH + (i / cols) * h, null);
        }
        g.dispose();
        return image;
    }

    /** Writes an image as PNG with the strongest compression, so pictures (and the committed ones in docs/img) stay small. */
    static void savePng(BufferedImage image, Path file) throws IOException {
        checkName(file);
        AtomicFiles.write(file, out -> {
            ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
            ImageWriteParam param = writer.getDefaultWriteParam();
            if (param.canWriteCompressed()) {
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionQuality(0f);
            }
            try (ImageOutputStream ios = ImageIO.createImageOutputStream(out)) {
                writer.setOutput(ios);
                writer.write(null, new IIOImage(image, null, null), param);
            } finally {
                writer.dispose();
            }
        });
    }

    /** Refuses a picture's file name that ends in neither ".png" nor ".svg" (a ".jpg" would get PNG bytes). */
    static void checkName(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!name.endsWith(".png") && !name.endsWith(".svg")) {
            throw new IllegalArgumentException(file + ": pictures are written as PNG or SVG; expected a name ending in"
                    + " .png or .svg");
        }
    }

    /** Whether a file name asks for SVG. */
    static boolean isSvg(Path file) {
        return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".svg");
    }

    /**
     * A filled circle of a fixed pixel size, for data points, edged in black or in a darker shade
     * of its fill; the edge is drawn with the given stroke width, or with the series' stroke when
     * that is 0.
     */
    static final class Dot extends Marker {
        private final double size;
        private final boolean blackEdge;
        private final float edgeWidth;

        Dot(double size, boolean blackEdge, float edgeWidth) {
            this.size = size;
            this.blackEdge = blackEdge;
            this.edgeWidth = edgeWidth;
        }

        /** Black-edged, with the series' stroke: the points of the supervised figures. */
        Dot(double size) {
            this(size, true, 0);
        }

        @Override
        public void paint(Graphics2D g, double x, double y, int markerSize) {
            Color fill = g.getColor();
            Ellipse2D e = new Ellipse2D.Double(x - size / 2, y - size / 2, size, size);
            g.fill(e);
            g.setColor(blackEdge ? Color.BLACK : fill.darker());
            if (edgeWidth > 0) g.setStroke(new BasicStroke(edgeWidth));
            g.draw(e);
        }
    }

    /** A filled rectangle of a fixed pixel size, for the decision-region grid. */
    private static final class Cell extends Marker {
        private final double w;
        private final double h;

        Cell(double w, double h) {
            this.w = w;
            this.h = h;
        }

        @Override
        public void paint(Graphics2D g, double x, double y, int markerSize) {
            g.fill(new Rectangle2D.Double(x - w / 2, y - h / 2, w, h));
        }
    }
}
