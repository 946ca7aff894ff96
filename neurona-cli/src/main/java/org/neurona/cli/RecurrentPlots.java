package org.neurona.cli;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.neurona.data.TimeSeries;

/**
 * The time-series figure of {@code train --net}: the observed series, the net's one-step-ahead
 * predictions, its free-running forecast over the test part and beyond the end, and where the
 * test part begins. One chart per column of the series.
 */
final class RecurrentPlots {
    private RecurrentPlots() {}

    /** More points than pixels only slow the renderer down. */
    private static final int MAX_POINTS = 4000;

    /**
     * @param oneStep      predictions of x_1 .. x_(T-1), (T-1, D)
     * @param split        s, the first step of the test part (T: none)
     * @param testForecast free-running x_s .. x_(T-1), (T-s, D)
     * @param forecast     free-running x_T .. x_(T+N-1), (N, D)
     */
    static List<XYChart> forecasts(String title, TimeSeries series, double[] oneStep, int split, double[] testForecast,
                                   double[] forecast) {
        int n = series.length(), d = series.width();
        List<XYChart> charts = new ArrayList<>();
        for (int j = 0; j < d; j++) {
            String name = series.names().get(j);
            XYChart c = Plots.chart(d == 1 ? title : title + ": " + name, "step t", name);
            c.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
            c.getStyler().setLegendLayout(Styler.LegendLayout.Horizontal);
            c.getStyler().setXAxisDecimalPattern("#");
            double[] observed = new double[n];
            for (int t = 0; t < n; t++) observed[t] = series.value(t, j);
            line(c, "observed", 0, observed, 0, 1, new Color(0x7f7f7f), 2.5f);
            line(c, "one-step prediction", 1, oneStep, j, d, new Color(0x1f77b4), 1.2f);
            if (testForecast.length > 0) {
                line(c, "free-running from t = " + split, split, testForecast, j, d, new Color(0xd62728), 1.2f);
            }
            if (forecast.length > 0) line(c, "forecast beyond the end", n, forecast, j, d, new Color(0x2ca02c), 1.8f);
            charts.add(c);
        }
        return charts;
    }

    /** Values v[j], v[j + d], ... at steps first, first + 1, .... */
    private static void line(XYChart c, String name, int first, double[] v, int j, int d, Color color, float width) {
        int m = v.length / d;
        int stride = Math.max(1, (m + MAX_POINTS - 1) / MAX_POINTS);
        List<Double> xs = new ArrayList<>(), ys = new ArrayList<>();
        for (int i = 0; i < m; i++) {
            if (i % stride != 0 && i != m - 1) continue;
            xs.add((double) (first + i));
            ys.add(v[i * d + j]);
        }
        XYSeries s = c.addSeries(name, xs, ys);
        s.setMarker(SeriesMarkers.NONE);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        s.setLineColor(color);
        s.setLineStyle(new BasicStroke(width));
    }

    /** One chart as PNG or SVG; several (a multivariate series) stacked in one PNG. */
    static void save(List<XYChart> charts, Path file) throws IOException {
        checkName(file, charts.size());
        if (charts.size() == 1) Plots.save(charts.get(0), file);
        else Plots.saveGrid(charts, 1, file);
    }

    /** A series of several columns is drawn as one PNG of several charts: no SVG. */
    static void checkName(Path file, int columns) {
        if (file != null && columns > 1 && file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".svg")) {
            throw new IllegalArgumentException(file + ": a series of " + columns + " columns is plotted as one PNG"
                    + " of " + columns + " charts; use a .png name");
        }
    }
}
