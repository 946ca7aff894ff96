package org.neurona.math;

import java.util.List;

/**
 * {@link GemmSpeed} with the Vector API prototype ({@link VectorGemm}) as a third kernel, one
 * thread. Needs {@code --add-modules jdk.incubator.vector}.
 */
public class VectorGemmSpeed {
    public static void main(String[] args) {
        GemmSpeed.Kernel vector = new GemmSpeed.Kernel() {
            private final VectorGemm kernel = new VectorGemm(1024);

            public String name() { return "vector"; }

            public boolean supports(GemmKernels.Variant v, int m, int n, int k, int threads) {
                return threads == 1 && VectorGemm.supports(n);
            }

            public void run(GemmKernels.Variant v, float[] a, float[] b, float[] c, int m, int n, int k, Parallel par) {
                kernel.rows(v, a, b, c, 0, m, m, n, k, true);
            }
        };
        GemmSpeed.run(args, List.of(GemmSpeed.FAST, GemmSpeed.PLAIN, vector));
    }
}
