package org.neurona.layer;

import java.util.Locale;
import org.neurona.math.Rng;

/**
 * How initial weights are drawn, for a layer with I inputs and O outputs:
 * <pre>
 *   auto        the default: the lecture's uniform:1 when sqrt(6 / (I + O)) &gt;= 1, else xavier
 *   uniform:r   w, b ~ U(-r, r)                          the lecture's U(-1, 1) is uniform:1
 *   xavier      w ~ U(-s, s), s = sqrt(6 / (I + O)), b = 0   (Glorot and Bengio 2010)
 *   he          w ~ N(0, 2 / I), b = 0                       (He et al. 2015)
 * </pre>
 *
 * The default, {@code auto}, is the lecture's U(-1, 1) for weights and biases wherever Glorot and
 * Bengio's (2010) normalised range sqrt(6 / (I + O)) is at least 1, which covers the lecture's
 * small nets (2:1, 2:3:1: every layer has I + O &lt;= 6), and Glorot's uniform weights with zero
 * biases (Keras's default for dense layers) on wider layers: with U(-1, 1) a unit of 784 inputs
 * starts with a net input of standard deviation about 10, saturated or dead before it learns.
 *
 * @param kind  which scheme
 * @param range r for the uniform scheme
 */
public record Init(Kind kind, double range) {

    /** The schemes. */
    public enum Kind { AUTO, UNIFORM, XAVIER, HE }

    /** The lecture's U(-1, 1) for weights and biases, whatever the layer's width. */
    public static final Init LECTURE = new Init(Kind.UNIFORM, 1);

    /** The lecture's U(-1, 1) on small layers (sqrt(6 / (I + O)) &gt;= 1), Glorot's uniform weights and zero biases on wider ones. */
    public static final Init DEFAULT = new Init(Kind.AUTO, 0);

    public Init {
        if (kind == Kind.UNIFORM && !(range > 0 && Double.isFinite(range))) {
            throw new IllegalArgumentException("uniform init range must be positive, got " + range);
        }
    }

    /** Parses "auto", "uniform", "uniform:0.3", "xavier" (or "glorot"), "he". */
    public static Init parse(String spec) {
        String[] p = spec.trim().toLowerCase(Locale.ROOT).split(":");
        switch (p[0]) {
            case "auto", "default":
                if (p.length == 1) return DEFAULT;
                break;
            case "uniform":
                if (p.length > 2) break;
                try {
                    return new Init(Kind.UNIFORM, p.length == 2 ? Double.parseDouble(p[1]) : 1);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("init '" + spec + "': range '" + p[1] + "' is not a number");
                }
            case "xavier", "glorot":
                if (p.length == 1) return new Init(Kind.XAVIER, 0);
                break;
            case "he":
                if (p.length == 1) return new Init(Kind.HE, 0);
                break;
            default:
                throw new IllegalArgumentException("unknown init '" + spec + "'; expected auto, uniform[:r], xavier or he");
        }
        throw new IllegalArgumentException("init '" + spec + "' has the wrong number of parameters");
    }

    /** The canonical spec. */
    public String name() {
        return switch (kind) {
            case AUTO -> "auto";
            case UNIFORM -> "uniform:" + range;
            case XAVIER -> "xavier";
            case HE -> "he";
        };
    }

    /** Fills W (O, I) and b (O) for a layer. Modifies w and b. */
    public void fill(float[] w, float[] b, int inputs, int outputs, Rng rng) {
        switch (kind) {
            case AUTO -> (Math.sqrt(6.0 / (inputs + outputs)) >= 1 ? LECTURE : new Init(Kind.XAVIER, 0))
                    .fill(w, b, inputs, outputs, rng);
            case UNIFORM -> {
                float r = (float) range;
                for (int i = 0; i < w.length; i++) w[i] = rng.uniformFloat(-r, r);
                for (int i = 0; i < b.length; i++) b[i] = rng.uniformFloat(-r, r);
            }
            case XAVIER -> {
                float s = (float) Math.sqrt(6.0 / (inputs + outputs));
                for (int i = 0; i < w.length; i++) w[i] = rng.uniformFloat(-s, s);
                java.util.Arrays.fill(b, 0f);
            }
            case HE -> {
                double sd = Math.sqrt(2.0 / inputs);
                for (int i = 0; i < w.length; i++) w[i] = (float) (sd * rng.nextGaussian());
                java.util.Arrays.fill(b, 0f);
            }
        }
    }
}
