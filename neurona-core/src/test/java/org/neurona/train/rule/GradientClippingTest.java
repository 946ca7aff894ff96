package org.neurona.train.rule;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.neurona.layer.Param;

class GradientClippingTest {

    private static Param param(float[] value, float[] grad) {
        return new Param("p", value, grad, true);
    }

    @Test
    void globalNormAcrossAllParams() {
        // grads (3) and (4, 0): global norm 5; clipping to 1 scales all by 1/5, values untouched.
        Param a = param(new float[] {7}, new float[] {3});
        Param b = param(new float[] {8, 9}, new float[] {4, 0});
        double norm = GradientClipping.byNorm(1).apply(List.of(a, b));
        assertEquals(5, norm, 1e-12);
        assertArrayEquals(new float[] {0.6f}, a.grad(), 1e-7f);
        assertArrayEquals(new float[] {0.8f, 0f}, b.grad(), 1e-7f);
        assertArrayEquals(new float[] {8, 9}, b.value());
    }

    @Test
    void normBelowThresholdIsLeftAlone() {
        Param a = param(new float[2], new float[] {0.3f, -0.4f});
        assertEquals(0.5, GradientClipping.byNorm(1).apply(List.of(a)), 1e-7);
        assertArrayEquals(new float[] {0.3f, -0.4f}, a.grad());
    }

    @Test
    void byValueClampsEachComponent() {
        Param a = param(new float[3], new float[] {3, -4, 1});
        GradientClipping.byValue(2).apply(List.of(a));
        assertArrayEquals(new float[] {2, -2, 1}, a.grad());
    }

    @Test
    void parsesAndRejects() {
        assertEquals(GradientClipping.byNorm(5), GradientClipping.parse("NORM:5"));
        assertEquals(GradientClipping.byValue(0.5), GradientClipping.parse("value:0.5"));
        assertEquals("norm:5.0", GradientClipping.byNorm(5).name());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> GradientClipping.parse("l1:5"));
        assertTrue(e.getMessage().contains("unknown mode 'l1'"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> GradientClipping.parse("norm"));
        assertTrue(e.getMessage().contains("expected norm:THRESHOLD"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> GradientClipping.byNorm(0));
        assertTrue(e.getMessage().contains("threshold must be positive"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> GradientClipping.parse("value:big"));
    }
}
