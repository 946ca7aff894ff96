package org.neurona.layer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.neurona.math.Rng;

class InitTest {
    private static float[][] draw(Init init, int in, int out) {
        float[] w = new float[in * out], b = new float[out];
        init.fill(w, b, in, out, new Rng(9));
        return new float[][] {w, b};
    }

    @Test
    void autoIsTheLecturesUniformOnNarrowLayers() {
        for (int[] io : new int[][] {{2, 1}, {2, 3}, {3, 1}, {1, 5}, {3, 3}}) {
            float[][] auto = draw(Init.DEFAULT, io[0], io[1]), lecture = draw(Init.LECTURE, io[0], io[1]);
            assertArrayEquals(lecture[0], auto[0]);
            assertArrayEquals(lecture[1], auto[1]);
        }
    }

    @Test
    void autoIsXavierOnWideLayers() {
        float[][] auto = draw(Init.DEFAULT, 784, 256), xavier = draw(Init.parse("xavier"), 784, 256);
        assertArrayEquals(xavier[0], auto[0]);
        assertArrayEquals(new float[256], auto[1]);
        float[] w = auto[0];
        double r = Math.sqrt(6.0 / (784 + 256)), var = 0;
        for (float v : w) {
            assertTrue(Math.abs(v) <= r, "|w| " + v + " > " + r);
            var += v * v;
        }
        assertEquals(r * r / 3, var / w.length, 0.05 * r * r / 3);
    }

    @Test
    void xavierAndHeHaveTheirVariancesAndZeroBiases() {
        float[][] x = draw(Init.parse("xavier"), 300, 100), h = draw(Init.parse("he"), 300, 100);
        double vx = 0, vh = 0;
        for (float v : x[0]) vx += v * v;
        for (float v : h[0]) vh += v * v;
        assertEquals(2.0 / 400, vx / x[0].length, 0.1 * 2.0 / 400);   // U(-s, s): s^2 / 3 = 2 / (I + O)
        assertEquals(2.0 / 300, vh / h[0].length, 0.1 * 2.0 / 300);
        assertArrayEquals(new float[100], x[1]);
        assertArrayEquals(new float[100], h[1]);
    }

    @Test
    void namesParseBack() {
        for (String s : new String[] {"auto", "uniform:0.3", "uniform:1.0", "xavier", "he"}) {
            assertEquals(s, Init.parse(s).name());
        }
        assertEquals(Init.LECTURE, Init.parse("uniform"));
        var e = assertThrows(IllegalArgumentException.class, () -> Init.parse("gaussian"));
        assertTrue(e.getMessage().contains("'gaussian'"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Init.parse("uniform:-1"));
    }
}
