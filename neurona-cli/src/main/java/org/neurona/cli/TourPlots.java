package org.neurona.cli;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The tour's figures that {@link Plots} does not draw: several named curves on one chart, heat
 * maps (confusion matrix, U-matrix, codes), clusters with their prototypes, and grids of small
 * grey images (letters, reconstructions). Charts are XChart; image grids are the images
 * themselves, drawn pixel by pixel with captions. {@link Plots} saves them (PNG).
 */
final class TourPlots {
    private TourPlots() {}

    /** How a curve is drawn. */
    enum Style { SOLID, DASHED, DOTS }

    /** One named curve: y over x. */
    record Curve(String name, double[] x, double[] y, Color color, Style style) {
        /** A solid curve over x = 1, 2, ..., n (epochs). */
        static Curve ofEpochs(String name, double[] y, Color color) {
            double[] x = new double[y.length];
            for (int i = 0; i < x.length; i++) x[i] = i + 1;
            return new Curve(name, x, y, color, Style.SOLID);
        }
    }

    static final Color BLUE = Plots.strong(0), RED = Plots.strong(1), GREEN = Plots.strong(2), GREY = new Color(0x555555);

    /** Curves on one chart; y on a log scale when {@code logY}. At most ~400 points per curve are drawn. */
    static XYChart curves(String title, String xTitle, String yTitle, boolean logY, List<Curve> curves) {
        XYChart c = Plots.chart(title, xTitle, yTitle);
        c.getStyler().setYAxisLogarithmic(logY);
        for (Curve k : curves) {
            int stride = Math.max(1, k.y().length / 400);
            List<Double> xs = new ArrayList<>(), ys = new ArrayList<>();
            for (int i = 0; i < k.y().length; i++) {
                if (i % stride != 0 && i != k.y().length - 1) continue;
                if (!Double.isFinite(k.y()[i]) || (logY && k.y()[i] <= 0)) continue;
                xs.add(k.x()[i]);
                ys.add(k.y()[i]);
            }
            XYSeries s = c.addSeries(k.name(), xs, ys);
            s.setMarker(SeriesMarkers.NONE);
            s.setLineColor(k.color());
            s.setLineWidth(2f);
            if (k.style() == Style.DASHED) {
                s.setLineStyle(new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
            } else if (k.style() == Style.DOTS) {
                s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
                s.setMarker(SeriesMarkers.CIRCLE);
                s.setMarkerColor(k.color());
            }
        }
        return c;
    }

    /**
     * 2-D points coloured by cluster, each cluster's prototype as a large black-edged diamond.
     *
     * @param x          (N, 2) points
     * @param cluster    cluster index per point
     * @param prototypes (K, 2)
     */
    static XYChart clusters(String title, float[] x, int rows, int[] cluster, float[] prototypes, int k) {
        XYChart c = Plots.chart(title, "x1", "x2");
        c.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        for (int u = 0; u < k; u++) {
            List<Double> xs = new ArrayList<>(), ys = new ArrayList<>();
            for (int r = 0; r < rows; r++) {
                if (cluster[r] != u) continue;
                xs.add((double) x[2 * r]);
                ys.add((double) x[2 * r + 1]);
            }
            if (xs.isEmpty()) continue;
            XYSeries s = c.addSeries("cluster " + u, xs, ys);
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            s.setMarker(SeriesMarkers.CIRCLE);
            s.setMarkerColor(Plots.strong(u));
        }
        List<Double> px = new ArrayList<>(), py = new ArrayList<>();
        for (int u = 0; u < k; u++) {
            px.add((double) prototypes[2 * u]);
            py.add((double) prototypes[2 * u + 1]);
        }
        XYSeries p = c.addSeries("prototypes", px, py);
        p.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        p.setMarker(SeriesMarkers.DIAMOND);
        p.setMarkerColor(Color.BLACK);
        c.getStyler().setMarkerSize(9);
        return c;
    }

    /**
     * A heat map of {@code z[row][col]}, row 0 drawn at the top, with the values written in the
     * cells when {@code showValues}.
     */
    static HeatMapChart heatMap(String title, String xTitle, String yTitle, double[][] z, List<String> colNames,
                                List<String> rowNames, boolean showValues, String pattern, int width, int height) {
        HeatMapChart c = new HeatMapChartBuilder().width(width).height(height).title(title).xAxisTitle(xTitle)
                .yAxisTitle(yTitle).build();
        c.getStyler().setChartBackgroundColor(Color.WHITE);
        c.getStyler().setPlotBackgroundColor(Color.WHITE);
        c.getStyler().setShowValue(showValues);
        c.getStyler().setHeatMapValueDecimalPattern(pattern);
        c.getStyler().setValueFontColor(Color.BLACK);
        c.getStyler().setRangeColors(new Color[] {new Color(0xf7fbff), new Color(0x6baed6), new Color(0x08306b)});
        c.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        c.getStyler().setAntiAlias(true);
        int rows = z.length, cols = z[0].length;
        double min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;
        List<Number[]> cells = new ArrayList<>();
        // XChart puts y index 0 at the bottom; the first row goes on top as in a printed matrix
        List<String> ys = new ArrayList<>();
        for (int r = rows - 1; r >= 0; r--) ys.add(rowNames.get(r));
        for (int r = 0; r < rows; r++) {
            for (int col = 0; col < cols; col++) {
                cells.add(new Number[] {col, rows - 1 - r, z[r][col]});
                min = Math.min(min, z[r][col]);
                max = Math.max(max, z[r][col]);
            }
        }
        // rounded limits keep the colour scale's labels short
        double step = max - min > 20 ? 1 : 0.1;
        min = Math.floor(min / step) * step;
        max = Math.ceil(max / step) * step;
        c.getStyler().setMin(min).setMax(max > min ? max : min + 1);
        c.addSeries("value", colNames, ys, cells);
        return c;
    }

    /** One row of a picture grid: a caption on the left and images of (h, w) values in [0, 1], 1 = dark. */
    record ImageRow(String caption, List<float[]> images, List<String> labels) {}

    /**
     * A grid of small grey images, one {@link ImageRow} per row, each image scaled up to whole
     * pixels of {@code scale}, with a title on top.
     */
    static BufferedImage imageGrid(String title, List<ImageRow> rows, int h, int w, int scale) {
        int cellW = w * scale, cellH = h * scale, gap = Math.max(6, scale), captionW = 170, titleH = 44, labelH = 18;
        int cols = 0;
        for (ImageRow r : rows) cols = Math.max(cols, r.images().size());
        Font titleFont = new Font(Font.SANS_SERIF, Font.BOLD, 18);
        Graphics2D probe = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB).createGraphics();
        int titleW = probe.getFontMetrics(titleFont).stringWidth(title);
        probe.dispose();
        int width = Math.max(captionW + cols * (cellW + gap) + gap, titleW + 40);
        int height = titleH + rows.size() * (cellH + labelH + gap) + gap;
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setColor(Color.BLACK);
        g.setFont(titleFont);
        FontMetrics fm = g.getFontMetrics();
        g.drawString(title, (width - fm.stringWidth(title)) / 2, 28);
        Font caption = new Font(Font.SANS_SERIF, Font.PLAIN, 14), label = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
        for (int r = 0; r < rows.size(); r++) {
            ImageRow row = rows.get(r);
            int y0 = titleH + r * (cellH + labelH + gap);
            g.setColor(Color.BLACK);
            g.setFont(caption);
            g.drawString(row.caption(), 8, y0 + cellH / 2 + 5);
            for (int k = 0; k < row.images().size(); k++) {
                int x0 = captionW + gap + k * (cellW + gap);
                float[] v = row.images().get(k);
                for (int i = 0; i < h; i++) {
                    for (int j = 0; j < w; j++) {
                        float t = Math.max(0f, Math.min(1f, v[i * w + j]));
                        int grey = Math.round(255 * (1 - t));
                        g.setColor(new Color(grey, grey, grey));
                        g.fillRect(x0 + j * scale, y0 + i * scale, scale, scale);
                    }
                }
                g.setColor(Color.LIGHT_GRAY);
                g.drawRect(x0 - 1, y0 - 1, cellW + 1, cellH + 1);
                if (row.labels() != null && k < row.labels().size()) {
                    g.setColor(Color.DARK_GRAY);
                    g.setFont(label);
                    String s = row.labels().get(k);
                    g.drawString(s, x0 + (cellW - g.getFontMetrics().stringWidth(s)) / 2, y0 + cellH + 14);
                }
            }
        }
        g.dispose();
        return img;
    }
}
