package org.neurona.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.neurona.math.Rng;

class SplitTest {

    private static Dataset rows(int n) {
        double[][] x = new double[n][1], b = new double[n][1];
        for (int i = 0; i < n; i++) { x[i][0] = i; b[i][0] = -i; }
        return Dataset.of(x, b);
    }

    @Test
    void orderedTakesTheTestSetFromTheEndLikeRsnns() {
        Split s = Split.ordered(rows(20), Split.RSNNS_RATIO);
        assertEquals(17, s.train().rows(), "R: 1:(20 * 0.85) is 1..17");
        assertArrayEquals(new float[] {17, 18, 19}, s.test().x());
        assertArrayEquals(new float[] {-17, -18, -19}, s.test().b());
        assertEquals(8, Split.trainCount(10, 0.15), "R: 1:8.5 is 1..8");
        assertEquals(10, Split.ordered(rows(10), 0).train().rows());
    }

    @Test
    void shuffledIsAReproduciblePartition() {
        Split a = Split.shuffled(rows(30), 0.2, new Rng(5));
        Split b = Split.shuffled(rows(30), 0.2, new Rng(5));
        assertArrayEquals(a.test().x(), b.test().x());
        assertEquals(24, a.train().rows());
        float[] all = new float[30];
        System.arraycopy(a.train().x(), 0, all, 0, 24);
        System.arraycopy(a.test().x(), 0, all, 24, 6);
        float[] sorted = all.clone();
        Arrays.sort(sorted);
        for (int i = 0; i < 30; i++) assertEquals(i, sorted[i]);
        assertNotEquals(Arrays.toString(Split.ordered(rows(30), 0.2).test().x()), Arrays.toString(a.test().x()));
        for (int i = 0; i < 24; i++) assertEquals(0f, a.train().x()[i] + a.train().b()[i], "inputs stay with their targets");
    }

    @Test
    void badRatios() {
        assertEquals("test ratio 1.0; expected a fraction in [0, 1), e.g. 0.15",
                assertThrows(IllegalArgumentException.class, () -> Split.ordered(rows(5), 1.0)).getMessage());
        assertEquals("test ratio 0.9 leaves no training pattern of 1; expected a smaller ratio or more data",
                assertThrows(IllegalArgumentException.class, () -> Split.ordered(rows(1), 0.9)).getMessage());
    }
}
