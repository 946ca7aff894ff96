package org.neurona.activation;

/**
 * The kernels shared by the rectifiers with a negative-side slope s ({@link LeakyReLU},
 * {@link RReLU} at inference, {@link PReLU}): f(z) = z for z &gt; 0 and s z otherwise.
 */
final class Leaky {
    private Leaky() {}

    /** f(z) for one value. */
    static float forward(float z, float s) {
        return z > 0f ? z : s * z;
    }

    /** da f'(z) for one value, f' = 1 for z &gt; 0 and s otherwise. */
    static float backward(float z, float da, float s) {
        return z > 0f ? da : s * da;
    }

    /** a = f(z) over the first n values. Modifies a only; a may be z. */
    static void forward(float[] z, float[] a, int n, float s) {
        for (int i = 0; i < n; i++) a[i] = forward(z[i], s);
    }

    /** dz = da (.) f'(z) over the first n values. Modifies dz only; dz may be da. */
    static void backward(float[] z, float[] da, float[] dz, int n, float s) {
        for (int i = 0; i < n; i++) dz[i] = backward(z[i], da[i], s);
    }
}
