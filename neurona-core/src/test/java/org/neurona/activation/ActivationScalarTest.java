package org.neurona.activation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.neurona.math.Rng;

/**
 * The per-unit kernels ({@link Activation#forward(float)}, {@link Activation#backward(float, float, float)})
 * give the very floats of the array kernels, which the small-net training path relies on to be
 * bit-identical to the batch path: compared bit for bit (signed zeros and NaN included) on random
 * and special net inputs. Most array kernels loop over the per-unit ones, so for them this holds
 * by construction; the test guards the ones written apart (linear's copy, the steps' fill, the
 * interface defaults used by sinc and softexp) and any kernel rewritten later. That the values
 * are right is {@link ActivationTest}'s part (float kernels against the double mathematics).
 */
class ActivationScalarTest {

    static Stream<Activation> elementwise() {
        return ActivationTest.elementwise();
    }

    /** 2,000 net inputs: uniform in [-40, 40] and [-3, 3], and the special values. */
    private static float[] netInputs() {
        float[] special = {0f, -0f, 1e-30f, -1e-30f, 1f, -1f, 88f, -88f, 1e30f, -1e30f, Float.MAX_VALUE,
            -Float.MAX_VALUE, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.NaN, Float.MIN_VALUE};
        float[] z = new float[2000];
        Rng rng = new Rng(7);
        for (int i = 0; i < z.length; i++) z[i] = i % 2 == 0 ? rng.uniformFloat(-40, 40) : rng.uniformFloat(-3, 3);
        System.arraycopy(special, 0, z, 0, special.length);
        return z;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("elementwise")
    void perUnitKernelsGiveTheArrayKernelsFloats(Activation f) {
        float[] z = netInputs();
        int n = z.length;
        float[] a = new float[n], da = new float[n], dz = new float[n];
        Rng rng = new Rng(11);
        for (int i = 0; i < n; i++) da[i] = i % 7 == 0 ? -0f : rng.uniformFloat(-2, 2);
        f.forward(z, a, 1, n);
        f.backward(z, a, da, dz, 1, n);
        for (int i = 0; i < n; i++) {
            int k = i;
            assertEquals(Float.floatToIntBits(a[i]), Float.floatToIntBits(f.forward(z[i])),
                    () -> f.name() + " forward at z = " + z[k]);
            assertEquals(Float.floatToIntBits(dz[i]), Float.floatToIntBits(f.backward(z[i], a[i], da[i])),
                    () -> f.name() + " backward at z = " + z[k] + ", da = " + da[k]);
        }
    }
}
