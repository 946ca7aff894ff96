package org.neurona.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class RegressionErrorTest {

    @Test
    void errorsByHand() {
        RegressionError e = RegressionError.of(new float[] {1, 2, 3, 4}, new float[] {1, 2, 4, 2}, 2, 2);
        assertEquals(5.0, e.sse(), 1e-12, "0 + 0 + 1 + 4");
        assertEquals(1.25, e.mse(), 1e-12);
        assertEquals(Math.sqrt(1.25), e.rmse(), 1e-12);
        assertArrayEquals(new float[] {1, 2, 3, 4}, e.targets());
        assertArrayEquals(new float[] {1, 2, 4, 2}, e.outputs());
    }

    @Test
    void fittedLineOfThePlot() {
        RegressionError e = RegressionError.of(new float[] {0, 1, 2}, new float[] {1, 3, 5}, 3, 1);
        assertArrayEquals(new double[] {1, 2}, e.fit(), 1e-12);
        assertEquals(Double.NaN, RegressionError.of(new float[] {1, 1}, new float[] {0, 2}, 2, 1).fit()[1]);
    }

    @Test
    void shapesMustAgree() {
        assertEquals("2 rows of 1 outputs need 2 values; got 2 targets and 3 outputs",
                assertThrows(IllegalArgumentException.class,
                        () -> RegressionError.of(new float[] {1, 2}, new float[] {1, 2, 3}, 2, 1)).getMessage());
    }
}
