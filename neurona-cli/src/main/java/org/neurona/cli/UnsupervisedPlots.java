package org.neurona.cli;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.Marker;

/**
 * The figures of the unsupervised commands, drawn with XChart: clusters and prototypes of 2-D
 * data (with the Kohonen map's grid), the U-matrix as a heat map, and patterns as small images
 * (Hopfield recall, autoencoder reconstructions) side by side. {@link Plots} saves them: single
 * charts as PNG, or SVG for a ".svg" name; grids of images as PNG.
 */
final class UnsupervisedPlots {
    private UnsupervisedPlots() {}

    /** Legends longer than this hide the plot; the title then says how many clusters there are. */
    private static final int MAX_LEGEND = 12;

    /** {@link Plots#chart} with the legend outside on the right, where a long list of clusters does not cover the data. */
    private static XYChart chart(String title, String xTitle, String yTitle) {
        XYChart c = Plots.chart(title, xTitle, yTitle);
        c.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        c.getStyler().setLegendBorderColor(Color.LIGHT_GRAY);
        return c;
    }

    /**
     * Patterns of a competitive layer's clusters: points coloured by their winning unit, each
     * prototype a black-edged diamond in its cluster's colour.
     *
     * @param x          patterns (rows, inputs); columns {@code cx} and {@code cy} are drawn
     * @param assignment winning unit per pattern (rows)
     * @param prototypes (units, inputs)
     */
    static XYChart clusters(String title, String xName, String yName, float[] x, int rows, int inputs, int cx, int cy,
                            int[] assignment, float[] prototypes, int units) {
        XYChart c = chart(title, xName, yName);
        int[] wins = new int[units];
        for (int a : assignment) wins[a]++;
        for (int k = 0; k < units; k++) {
            List<Double> xs = new ArrayList<>(), ys = new ArrayList<>();
            for (int r = 0; r < rows; r++) {
                if (assignment[r] != k) continue;
                xs.add((double) x[r * inputs + cx]);
                ys.add((double) x[r * inputs + cy]);
            }
            if (xs.isEmpty()) continue;
            XYSeries s = c.addSeries("cluster " + k + " (" + wins[k] + " patterns)", xs, ys);
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            s.setMarker(new Plots.Dot(7, false, 0.8f));
            s.setMarkerColor(Plots.strong(k));
            s.setLineStyle(SeriesLines.NONE);
            s.setShowInLegend(units <= MAX_LEGEND);
        }
        for (int k = 0; k < units; k++) {
            XYSeries s = c.addSeries(k == 0 ? "prototypes" : "prototype " + (k + 1),
                    new double[] {prototypes[k * inputs + cx]}, new double[] {prototypes[k * inputs + cy]});
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            s.setMarker(new Diamond(18));
            s.setMarkerColor(Plots.strong(k));
            s.setLineStyle(SeriesLines.NONE);
            s.setShowInLegend(k == 0);
        }
        return c;
    }

    /**
     * A Kohonen map over its data: the patterns as grey points (coloured by class when labels are
     * given), each unit's weight vector as a node, grid neighbours joined by lines, so the
     * reader sees the elastic net the map has become.
     *
     * @param labels class per pattern, or null
     * @param w      unit weights (mapRows * mapCols, inputs), unit u at grid row u / mapCols
     */
    static XYChart somMap(String title, String xName, String yName, float[] x, int rows, int inputs, int cx, int cy,
                          int[] labels, List<String> classes, float[] w, int mapRows, int mapCols) {
        XYChart c = chart(title, xName, yName);
        int groups = labels == null ? 1 : classes.size();
        for (int k = 0; k < groups; k++) {
            List<Double> xs = new ArrayList<>(), ys = new ArrayList<>();
            for (int r = 0; r < rows; r++) {
                if (labels != null && labels[r] != k) continue;
                xs.add((double) x[r * inputs + cx]);
                ys.add((double) x[r * inputs + cy]);
            }
            if (xs.isEmpty()) continue;
            XYSeries s = c.addSeries(labels == null ? "data" : "class " + classes.get(k), xs, ys);
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            s.setMarker(new Plots.Dot(6, false, 0.8f));
            s.setMarkerColor(labels == null ? new Color(0x9a9a9a) : pale(Plots.strong(k)));
            s.setLineStyle(SeriesLines.NONE);
            s.setShowInLegend(groups <= MAX_LEGEND);
        }
        // grid lines: one polyline per map row and per map column, drawn as line series
        Color grid = new Color(0x202020);
        boolean first = true;
        for (int r = 0; r < mapRows; r++) {
            double[] xs = new double[mapCols], ys = new double[mapCols];
            for (int col = 0; col < mapCols; col++) {
                int u = r * mapCols + col;
                xs[col] = w[u * inputs + cx];
                ys[col] = w[u * inputs + cy];
            }
            first = gridLine(c, "map units and grid links", xs, ys, grid, first);
        }
        for (int col = 0; col < mapCols && mapRows > 1; col++) {
            double[] xs = new double[mapRows], ys = new double[mapRows];
            for (int r = 0; r < mapRows; r++) {
                int u = r * mapCols + col;
                xs[r] = w[u * inputs + cx];
                ys[r] = w[u * inputs + cy];
            }
            first = gridLine(c, "map units and grid links", xs, ys, grid, first);
        }
        return c;
    }

    private static boolean gridLine(XYChart c, String legend, double[] xs, double[] ys, Color color, boolean first) {
        String name = first ? legend : legend + " " + c.getSeriesMap().size();
        XYSeries s = c.addSeries(name, xs, ys);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        s.setLineColor(color);
        s.setLineStyle(new BasicStroke(1.5f));
        s.setMarker(new Plots.Dot(8, true, 0.8f));
        s.setMarkerColor(color);
        s.setShowInLegend(first);
        return false;
    }

    /**
     * The U-matrix of a Kohonen map as a heat map: cell (row, col) is the unit's mean weight-space
     * distance to its grid neighbours; light cells are the insides of clusters, dark ridges their
     * borders. Grid row 0 is drawn at the top, as the map is indexed.
     *
     * @param u (rows, cols)
     */
    static HeatMapChart uMatrix(String title, double[][] u) {
        int rows = u.length, cols = u[0].length;
        HeatMapChart c = new HeatMapChartBuilder().width(Math.max(480, Math.min(900, 80 * cols + 240)))
                .height(Math.max(420, Math.min(900, 70 * rows + 160))).title(title)
                .xAxisTitle("map column").yAxisTitle("map row").build();
        double[] z = new double[rows * cols];
        for (int r = 0; r < rows; r++) System.arraycopy(u[r], 0, z, r * cols, cols);
        List<Integer> xs = new ArrayList<>(), ys = new ArrayList<>();
        for (int col = 0; col < cols; col++) xs.add(col);
        for (int r = 0; r < rows; r++) ys.add(r);
        return shadedTable(c, "mean distance to grid neighbours", xs, ys, z,
                new Color[] {new Color(0xfff7ec), new Color(0xfc8d59), new Color(0x7f0000)}, rows * cols <= 100);
    }

    /**
     * Codes as a table of shades: one row per pattern, one column per code unit, each cell's
     * value written in it; the 8-3-8 encoder's binary code reads off directly.
     *
     * @param codes     (rows, c)
     * @param rowLabels name of each pattern (rows)
     */
    static HeatMapChart codeTable(String title, float[] codes, int rows, int c, List<String> rowLabels) {
        HeatMapChart ch = new HeatMapChartBuilder().width(Math.max(680, 90 * c + 300)).height(Math.max(360, 34 * rows + 140))
                .title(title).xAxisTitle("code unit").yAxisTitle("pattern").build();
        double[] z = new double[rows * c];
        for (int i = 0; i < z.length; i++) z[i] = codes[i];
        List<String> xs = new ArrayList<>();
        for (int j = 0; j < c; j++) xs.add(Integer.toString(j + 1));
        // light to mid shades, so the black values stay readable on every cell
        return shadedTable(ch, "code value", xs, rowLabels, z,
                new Color[] {new Color(0xf7fbff), new Color(0x9ecae1), new Color(0x4292c6)}, true);
    }

    /**
     * Fills a heat map with a table of values: row 0 on top, as printed; values written in the
     * cells with two decimals when {@code showValues}; the colour bar's ends rounded outward to
     * two decimals, so it reads like the cells.
     *
     * @param z (rows, cols), rows = {@code rowNames.size()}, cols = {@code colNames.size()}
     */
    private static HeatMapChart shadedTable(HeatMapChart c, String series, List<?> colNames, List<?> rowNames, double[] z,
                                            Color[] shades, boolean showValues) {
        int rows = rowNames.size(), cols = colNames.size();
        double min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;
        List<Number[]> cells = new ArrayList<>();
        for (int r = 0; r < rows; r++) {
            for (int col = 0; col < cols; col++) {
                double v = z[r * cols + col];
                cells.add(new Number[] {col, rows - 1 - r, v});
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        // XChart puts y index 0 at the bottom
        List<Object> ys = new ArrayList<>(rowNames);
        Collections.reverse(ys);
        c.addSeries(series, colNames, ys, cells);
        var st = c.getStyler();
        st.setChartBackgroundColor(Color.WHITE);
        st.setPlotBackgroundColor(Color.WHITE);
        st.setRangeColors(shades);
        st.setMin(Math.floor(min * 100) / 100);
        st.setMax(Math.max(Math.ceil(max * 100) / 100, Math.floor(min * 100) / 100 + 0.01));
        st.setShowValue(showValues);
        st.setHeatMapValueDecimalPattern("0.00");
        st.setValueFontColor(Color.BLACK);
        st.setLegendPosition(Styler.LegendPosition.OutsideE);
        st.setPlotGridLinesVisible(false);
        return c;
    }

    /**
     * One pattern as a small grey-scale image: {@code values} (r * c) row-major, r rows of c
     * pixels, low values white and high values black, as the lecture draws letters.
     */
    static HeatMapChart image(String title, float[] values, int offset, int r, int c, double low, double high) {
        int px = Math.max(6, Math.min(24, 160 / Math.max(r, c)));
        HeatMapChart ch = new HeatMapChartBuilder().width(Math.max(170, c * px + 40)).height(r * px + 70).title(title).build();
        List<Number[]> cells = new ArrayList<>();
        for (int i = 0; i < r; i++) {
            for (int j = 0; j < c; j++) cells.add(new Number[] {j, r - 1 - i, values[offset + i * c + j]});
        }
        List<Integer> xs = new ArrayList<>(), ys = new ArrayList<>();
        for (int j = 0; j < c; j++) xs.add(j);
        for (int i = 0; i < r; i++) ys.add(i);
        ch.addSeries(title, xs, ys, cells);
        var st = ch.getStyler();
        st.setChartBackgroundColor(Color.WHITE);
        st.setPlotBackgroundColor(Color.WHITE);
        st.setRangeColors(new Color[] {Color.WHITE, Color.BLACK});
        st.setMin(low);
        st.setMax(high > low ? high : low + 1);
        st.setLegendVisible(false);
        st.setAxisTicksVisible(false);
        st.setAxisTitlesVisible(false);
        st.setPlotGridLinesVisible(false);
        st.setChartTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        st.setChartPadding(6);
        st.setDrawBorder(false);
        return ch;
    }

    /**
     * A 2-D scatter of autoencoder codes coloured by class (one colour when there are no labels).
     *
     * @param codes (rows, 2)
     * @param labels class per pattern, or null
     */
    static XYChart codes(String title, float[] codes, int rows, int[] labels, List<String> classes) {
        XYChart c = chart(title, "code unit 1", "code unit 2");
        int groups = labels == null ? 1 : classes.size();
        for (int k = 0; k < groups; k++) {
            List<Double> xs = new ArrayList<>(), ys = new ArrayList<>();
            for (int r = 0; r < rows; r++) {
                if (labels != null && labels[r] != k) continue;
                xs.add((double) codes[2 * r]);
                ys.add((double) codes[2 * r + 1]);
            }
            if (xs.isEmpty()) continue;
            XYSeries s = c.addSeries(labels == null ? "patterns" : "class " + classes.get(k), xs, ys);
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            s.setMarker(new Plots.Dot(8, true, 0.8f));
            s.setMarkerColor(Plots.strong(k));
            s.setLineStyle(SeriesLines.NONE);
            s.setShowInLegend(groups <= MAX_LEGEND);
        }
        return c;
    }

    /** Fails before any work is done when a grid of images is asked for as SVG. */
    static void requirePng(Path file) {
        if (Plots.isSvg(file)) {
            throw new IllegalArgumentException(file + ": pattern images are written as PNG only; use a .png name");
        }
    }

    private static Color pale(Color c) {
        return new Color((c.getRed() + 255) / 2, (c.getGreen() + 255) / 2, (c.getBlue() + 255) / 2);
    }

    /** A prototype: a diamond in the cluster's colour with a thick black edge and a cross. */
    private static final class Diamond extends Marker {
        private final double size;

        Diamond(double size) {
            this.size = size;
        }

        @Override
        public void paint(Graphics2D g, double x, double y, int markerSize) {
            double h = size / 2;
            Path2D p = new Path2D.Double();
            p.moveTo(x, y - h);
            p.lineTo(x + h, y);
            p.lineTo(x, y + h);
            p.lineTo(x - h, y);
            p.closePath();
            g.fill(p);
            g.setColor(Color.BLACK);
            g.setStroke(new BasicStroke(2.2f));
            g.draw(p);
            g.setStroke(new BasicStroke(1.2f));
            g.draw(new Line2D.Double(x - h / 2, y, x + h / 2, y));
            g.draw(new Line2D.Double(x, y - h / 2, x, y + h / 2));
        }
    }
}
