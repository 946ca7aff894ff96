package org.neurona.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.internal.chartpart.Chart;

/** The shared figure code: saving any chart as PNG or SVG. */
class PlotsTest {

    @TempDir
    Path dir;

    @BeforeAll
    static void headless() {
        System.setProperty("java.awt.headless", "true");
    }

    @Test
    void anyChartSavesAsPngOrSvgByItsName() throws IOException {
        XYChart xy = Plots.errorCurve("error", "sse", new double[] {1, 0.5, 0.25}, null);
        Chart<?, ?> heat = UnsupervisedPlots.uMatrix("U-matrix", new double[][] {{0.1, 0.2}, {0.3, 0.4}});
        for (Chart<?, ?> c : List.of(xy, heat)) {
            Path png = dir.resolve("c.png"), svg = dir.resolve("c.svg");
            Plots.save(c, png);
            Plots.save(c, svg);
            BufferedImage img = ImageIO.read(png.toFile());
            assertEquals(c.getWidth(), img.getWidth());
            assertEquals(c.getHeight(), img.getHeight());
            assertTrue(Files.readString(svg).contains("<svg"), svg.toString());
        }
        byte[] head = Arrays.copyOf(Files.readAllBytes(dir.resolve("c.png")), 4);
        assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, head);
    }
}
