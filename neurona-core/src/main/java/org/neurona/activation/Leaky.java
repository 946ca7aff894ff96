package org.neurona.activation;

/**
 * The kernels shared by the rectifiers with a negative-side slope s ({@link LeakyReLU},
 * {@link RReLU} at inference, {@link PReLU}): f(z) = z for z &gt; 0 and s z otherwise.
 */
final class Leaky {
    private Leaky() {}

    /** a = f(z) over the first n values. Modifies a only; a may be z. */
    static void forward(float[] z, float[] a, int n, float s) {
        for (int i = 0; i < n; i++) {
            float x = z[i];
            a[i] = x > 0f ? x : s * x;
        }
    }

    /** dz = da (.) f'(z), f' = 1 for z &gt; 0 and s otherwise. Modifies dz only; dz may be da. */
    static void backward(float[] z, float[] da, float[] dz, int n, float s) {
        for (int i = 0; i < n; i++) dz[i] = z[i] > 0f ? da[i] : s * da[i];
    }
}
