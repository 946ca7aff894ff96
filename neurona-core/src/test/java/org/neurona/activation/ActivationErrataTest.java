package org.neurona.activation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The corrections to the lecture's activation table (docs/ACTIVATIONS.md), each proven against
 * numbers computed independently by hand (40-digit decimal arithmetic) and shown to differ from
 * the table's formula.
 */
class ActivationErrataTest {

    @Test
    void softSignDerivativeIsOneOverOnePlusAbsXSquaredNotOneMinusFSquared() {
        SoftSign f = new SoftSign();
        // f(1) = 1/2, f'(1) = 1/(1+1)^2 = 1/4; the table's 1 - f^2 gives 3/4
        assertEquals(0.5, f.value(1), 0);
        assertEquals(0.25, f.derivative(1), 0);
        assertEquals(0.75, 1 - f.value(1) * f.value(1), 0);
        // f(-3) = -3/4, f'(-3) = 1/16; the table gives 1 - 9/16 = 7/16
        assertEquals(-0.75, f.value(-3), 0);
        assertEquals(0.0625, f.derivative(-3), 0);
        assertEquals(0.4375, 1 - f.value(-3) * f.value(-3), 0);
        // the table's form fails the finite-difference check, the correct one passes
        double x = 2, h = 1e-6, fd = (f.value(x + h) - f.value(x - h)) / (2 * h);
        assertEquals(fd, f.derivative(x), 1e-9);
        assertTrue(Math.abs(fd - (1 - f.value(x) * f.value(x))) > 0.4);
    }

    @Test
    void tanhIsTwoOverOnePlusEToTheMinusTwoXMinusOne() {
        Tanh f = new Tanh();
        // 2/(1 + e^(-2x)) - 1, computed in 40-digit decimals
        assertEquals(0.7615941559557648881, f.value(1), 1e-16);
        assertEquals(0.4621171572600097585, f.value(0.5), 1e-16);
        assertEquals(-0.9640275800758168839, f.value(-2), 1e-16);
        for (double x : new double[] {1, 0.5, -2}) {
            double correct = 2 / (1 + Math.exp(-2 * x)) - 1;
            double table = 2 / (1 + Math.exp(2 * x)) - 1; // the table's exponent: gives -tanh(x)
            assertEquals(correct, f.value(x), 1e-15);
            assertEquals(-correct, table, 1e-15);
        }
        // the slope form tanh(cx) = 2/(1 + e^(-2cx)) - 1
        assertEquals(2 / (1 + Math.exp(-2 * 0.5 * 1.3)) - 1, new Tanh(0.5).value(1.3), 1e-15);
    }

    @Test
    void seluDerivativeForNegativeInputIsFPlusLambdaAlpha() {
        Selu f = new Selu();
        double lambdaAlpha = 1.0507 * 1.67326;
        // 40-digit decimal values of f(x) = lambda alpha (e^x - 1) and f'(x) = lambda alpha e^x
        assertEquals(-1.1113275400111318727, f.value(-1), 1e-15);
        assertEquals(0.6467667419888681273, f.derivative(-1), 1e-15);
        assertEquals(-0.6917561973015314148, f.value(-0.5), 1e-15);
        assertEquals(1.0663380846984685852, f.derivative(-0.5), 1e-15);
        assertEquals(0.0875303602150846707, f.derivative(-3), 1e-15);
        assertEquals(2.1014, f.value(2), 1e-15);
        assertEquals(1.0507, f.derivative(2), 0);
        for (double x : new double[] {-1, -0.5, -3}) {
            assertEquals(f.value(x) + lambdaAlpha, f.derivative(x), 1e-14, "f' = f + lambda alpha at " + x);
            // forms that drop lambda are wrong by far more than rounding
            assertTrue(Math.abs(f.derivative(x) - (f.value(x) + Selu.ALPHA)) > 0.08, "f + alpha at " + x);
            assertTrue(Math.abs(f.derivative(x) - Selu.LAMBDA * (f.value(x) + Selu.ALPHA)) > 0.02,
                    "lambda (f + alpha) at " + x);
        }
    }
}
