package org.neurona.activation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.neurona.math.Rng;

/**
 * Properties every elementwise activation must have: the derivative is the derivative of the
 * value (central finite differences in double), the float kernels agree with the double
 * mathematics, and large inputs give no NaN or infinity.
 */
class ActivationTest {

    /** Every function of the table plus non-default parameters and all three soft exponential branches. */
    static Stream<Activation> elementwise() {
        List<Activation> all = new ArrayList<>(Activations.table());
        for (String s : List.of("logistic:2", "logistic:0.5", "tanh:0.5", "tanh:3", "softexp:-0.5",
                "softexp:0", "softexp:1", "leakyrelu:0.2", "rrelu:0.1:0.3", "prelu:0.1", "prelu:-0.2")) {
            all.add(Activations.parse(s));
        }
        return all.stream().filter(Activation::elementwise);
    }

    static Stream<Activation> differentiable() {
        return elementwise().filter(Activation::differentiable);
    }

    /** 200 evenly spaced points in [-6, 6]. */
    static double[] grid() {
        double[] x = new double[200];
        for (int k = 0; k < x.length; k++) x[k] = -6 + 12.0 * k / (x.length - 1);
        return x;
    }

    /** Points where f' jumps or blows up, and how far from them finite differences are skipped. */
    static boolean nearKink(Activation f, double x) {
        if (Math.abs(x) < 1e-3) return true; // the rectifiers and SELU
        if (f instanceof SoftExponential s && s.alpha() < 0) {
            double edge = 1 / s.alpha() - s.alpha(); // the log's argument is 0 here and f' -> infinity
            return Math.abs(x - edge) < 0.25;
        }
        return false;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("differentiable")
    void derivativeEqualsCentralFiniteDifferences(Activation f) {
        double h = 1e-5;
        int checked = 0;
        for (double x : grid()) {
            if (nearKink(f, x)) continue;
            double fd = (f.value(x + h) - f.value(x - h)) / (2 * h);
            double d = f.derivative(x);
            assertEquals(fd, d, 1e-6 * Math.max(1, Math.abs(d)), () -> f.name() + " f'(" + x + ")");
            checked++;
        }
        assertTrue(checked > 150, f.name() + ": only " + checked + " points checked");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("elementwise")
    void floatForwardEqualsValue(Activation f) {
        float[] z = floats(grid());
        float[] a = new float[z.length];
        f.forward(z, a, 20, 10);
        for (int i = 0; i < z.length; i++) {
            double v = f.value(z[i]);
            assertEquals(v, a[i], 2e-7 * Math.abs(v) + 1e-7, f.name() + " f(" + z[i] + ")");
        }
        float[] inPlace = z.clone();
        f.forward(inPlace, inPlace, 20, 10);
        assertArrayEquals(a, inPlace, f.name() + " in place");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("elementwise")
    void floatBackwardEqualsDerivative(Activation f) {
        Rng rng = new Rng(42);
        float[] z = floats(grid());
        float[] a = new float[z.length], da = new float[z.length], dz = new float[z.length];
        for (int i = 0; i < da.length; i++) da[i] = rng.uniformFloat(-1, 1);
        f.forward(z, a, 10, 20);
        f.backward(z, a, da, dz, 10, 20);
        for (int i = 0; i < z.length; i++) {
            double want = da[i] * f.derivative(z[i]);
            assertEquals(want, dz[i], 1e-5 * Math.abs(want) + 1e-6, f.name() + " backward at " + z[i]);
        }
        float[] inPlace = da.clone();
        f.backward(z, a, inPlace, inPlace, 10, 20);
        assertArrayEquals(dz, inPlace, f.name() + " in place");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("elementwise")
    void noNaNOrInfinityForLargeInputs(Activation f) {
        double[] xs = {-1e4, -1e3, -100, -88.8, -20, -1e-30, 0, 1e-30, 20, 88.8, 100, 1e3, 1e4};
        float[] z = floats(xs), a = new float[xs.length], da = new float[xs.length], dz = new float[xs.length];
        java.util.Arrays.fill(da, 1f);
        f.forward(z, a, 1, xs.length);
        f.backward(z, a, da, dz, 1, xs.length);
        for (int i = 0; i < xs.length; i++) {
            double x = xs[i];
            // (e^(alpha x) - 1)/alpha + alpha with alpha > 0 really is beyond float and double there
            boolean overflowIsTheFunction = f instanceof SoftExponential s && s.alpha() > 0 && s.alpha() * x > 80;
            if (overflowIsTheFunction) continue;
            assertTrue(Double.isFinite(f.value(x)), f.name() + " value(" + x + ") = " + f.value(x));
            assertTrue(Double.isFinite(f.derivative(x)), f.name() + " derivative(" + x + ") = " + f.derivative(x));
            assertTrue(Float.isFinite(a[i]), f.name() + " forward(" + x + ") = " + a[i]);
            assertTrue(Float.isFinite(dz[i]), f.name() + " backward(" + x + ") = " + dz[i]);
        }
    }

    @Test
    void softExponentialWithPositiveAlphaOverflowsOnlyWhereTheFunctionDoes() {
        SoftExponential f = new SoftExponential(1);
        assertEquals(Math.expm1(80) + 1, f.value(80), 1e-12 * f.value(80));
        assertEquals(Double.POSITIVE_INFINITY, f.value(1e4));
        assertEquals(-1 + 1, f.value(-1e4), 1e-12, "saturates at -1/alpha + alpha");
    }

    @Test
    void infiniteInputsGiveTheLimits() {
        Activation logistic = new Logistic(), softplus = new SoftPlus();
        double inf = Double.POSITIVE_INFINITY;
        assertEquals(1, logistic.value(inf));
        assertEquals(0, logistic.value(-inf));
        assertEquals(0, logistic.derivative(inf));
        assertEquals(0, logistic.derivative(-inf));
        assertEquals(inf, softplus.value(inf));
        assertEquals(0, softplus.value(-inf));
        assertEquals(1, softplus.derivative(inf));
        assertEquals(0, softplus.derivative(-inf));
        assertEquals(1, new Tanh().value(inf));
        assertEquals(-1, new SoftSign().value(-inf));
        assertEquals(0, new Sinc().value(inf));

        float[] z = {Float.NEGATIVE_INFINITY, Float.POSITIVE_INFINITY};
        float[] a = new float[2];
        logistic.forward(z, a, 1, 2);
        assertArrayEquals(new float[] {0f, 1f}, a);
        softplus.forward(z, a, 1, 2);
        assertArrayEquals(new float[] {0f, Float.POSITIVE_INFINITY}, a);
        new Logistic(2).forward(z, a, 1, 2);
        assertArrayEquals(new float[] {0f, 1f}, a);
    }

    @Test
    void softPlusKeepsPrecisionForVeryNegativeInputs() {
        // ln(1 + e^-40) = e^-40 to 1e-17 relative; the naive log(1 + exp(x)) returns 0
        assertEquals(Math.exp(-40), new SoftPlus().value(-40), 1e-16 * Math.exp(-40));
        assertEquals(30 + Math.log1p(Math.exp(-30)), new SoftPlus().value(30), 0);
    }

    @Test
    void stepFunctionsAreNotDifferentiableAndHaveDocumentedValueAtZero() {
        Activation sign = new Sign(), step = new Step();
        assertFalse(sign.differentiable());
        assertFalse(step.differentiable());
        assertEquals(1, sign.value(0));
        assertEquals(-1, sign.value(-1e-300));
        assertEquals(1, sign.value(1e-300));
        assertEquals(1, step.value(0));
        assertEquals(0, step.value(-1e-300));
        float[] z = {-2f, -0f, 0f, 3f}, a = new float[4];
        sign.forward(z, a, 1, 4);
        assertArrayEquals(new float[] {-1f, 1f, 1f, 1f}, a);
        step.forward(z, a, 2, 2);
        assertArrayEquals(new float[] {0f, 1f, 1f, 1f}, a);
        assertTrue(Double.isNaN(step.value(Double.NaN)), "NaN is not silently a class");
        for (Activation f : Activations.table()) {
            boolean isStep = f instanceof Sign || f instanceof Step;
            assertEquals(!isStep, f.differentiable(), f.name());
        }
    }

    @Test
    void sincIsAccurateNearZero() {
        Sinc f = new Sinc();
        assertEquals(1, f.value(0));
        assertEquals(0, f.derivative(0), 0);
        // the series sum_k (-1)^k x^2k / (2k+1)! and its derivative, summed in 40-digit decimals
        assertEquals(0.9999999999999999833333333333333334, f.value(1e-8), 1e-16);
        assertEquals(-3.3333333333333333e-9, f.derivative(1e-8), 1e-24);
        assertEquals(0.99999999833333333416666666646825, f.value(1e-4), 1e-16);
        assertEquals(-3.3333333300000000001190476e-5, f.derivative(1e-4), 1e-20);
        assertEquals(0.99958338541356657589730001690981, f.value(0.05), 1e-16);
        assertEquals(-0.016662500372006586688584115065714, f.derivative(0.05), 1e-17);
        // the naive quotient loses everything near 0: (x cos x - sin x) / x^2 is 0 at 1e-8
        double x = 1e-8;
        assertEquals(0, (x * Math.cos(x) - Math.sin(x)) / (x * x));
        // the two formulas meet at the switch point
        double lim = Sinc.TAYLOR_LIMIT;
        assertEquals(Math.sin(lim) / lim, f.value(Math.nextDown(lim)), 1e-15);
        assertEquals((lim * Math.cos(lim) - Math.sin(lim)) / (lim * lim), f.derivative(Math.nextDown(lim)), 1e-13);
        assertEquals(f.value(0.3), f.value(-0.3));
        assertEquals(-f.derivative(0.3), f.derivative(-0.3));
    }

    @Test
    void softExponentialBranchesAndTheirDerivatives() {
        // alpha = 0.5 > 0: (e^(x/2) - 1)/0.5 + 0.5, derivative e^(x/2)
        SoftExponential pos = new SoftExponential(0.5);
        assertEquals((Math.exp(1) - 1) / 0.5 + 0.5, pos.value(2), 1e-14);
        assertEquals(Math.exp(1), pos.derivative(2), 1e-14);
        // alpha = -0.5 < 0: -ln(1 + 0.5 (x - 0.5)) / -0.5 = 2 ln(1 + 0.5 (x - 0.5)), derivative 1/(1 + 0.5 (x - 0.5))
        SoftExponential neg = new SoftExponential(-0.5);
        assertEquals(2 * Math.log(1 + 0.5 * 1.5), neg.value(2), 1e-14);
        assertEquals(1 / (1 + 0.5 * 1.5), neg.derivative(2), 1e-14);
        // alpha = 0 is the identity, and the neighbours approach it
        SoftExponential zero = new SoftExponential(0);
        assertEquals(1.7, zero.value(1.7));
        assertEquals(1, zero.derivative(1.7));
        assertEquals(1.7, new SoftExponential(1e-9).value(1.7), 1e-8);
        assertEquals(1.7, new SoftExponential(-1e-9).value(1.7), 1e-8);
        // below the domain of the log branch (x <= 1/alpha - alpha = -1.5): finite floor, zero slope
        double floor = -Math.log(SoftExponential.MIN_LOG_ARGUMENT) / -0.5;
        assertEquals(floor, neg.value(-1.5), 1e-9);
        assertEquals(floor, neg.value(-100), 1e-9);
        assertEquals(0, neg.derivative(-100));
        assertTrue(neg.value(-1.49) > floor);
    }

    static float[] floats(double[] x) {
        float[] f = new float[x.length];
        for (int i = 0; i < x.length; i++) f[i] = (float) x[i];
        return f;
    }
}
