package org.neurona.train.rule;

import java.util.List;
import java.util.Locale;
import org.neurona.layer.Param;
import org.neurona.train.Mode;

/**
 * Gradient clipping, applied to the parameters' gradients after the backward pass and before
 * {@link Optimizer#step()} (the trainer calls {@link #apply} once per batch).
 * <ul>
 *   <li>{@link Mode#NORM}: with ||g|| the Euclidean norm of all gradients of all parameters
 *       together, every gradient is multiplied by threshold / ||g|| when ||g|| &gt; threshold, so
 *       the direction is kept and the global norm becomes the threshold (Pascanu, Mikolov and
 *       Bengio, "On the difficulty of training recurrent neural networks", ICML 2013; PyTorch's
 *       {@code clip_grad_norm_} without its 1e-6).</li>
 *   <li>{@link Mode#VALUE}: every component is clamped to [-threshold, threshold] (PyTorch's
 *       {@code clip_grad_value_}).</li>
 * </ul>
 * Found by name with {@link #parse}: "norm:5", "value:0.5".
 *
 * @param mode      how to clip
 * @param threshold the largest norm or absolute value allowed, positive
 */
public record GradientClipping(Mode mode, double threshold) {

    /** What is limited. */
    public enum Mode { NORM, VALUE }

    public GradientClipping {
        if (mode == null) {
            throw new IllegalArgumentException("gradient clipping: mode must be NORM or VALUE, got null");
        }
        if (!(threshold > 0) || Double.isInfinite(threshold)) {
            throw new IllegalArgumentException("gradient clipping: threshold must be positive and finite, got " + threshold);
        }
    }

    /** Clips the global gradient norm to {@code maxNorm}. */
    public static GradientClipping byNorm(double maxNorm) {
        return new GradientClipping(Mode.NORM, maxNorm);
    }

    /** Clamps every gradient component to [-maxValue, maxValue]. */
    public static GradientClipping byValue(double maxValue) {
        return new GradientClipping(Mode.VALUE, maxValue);
    }

    /** The spec as {@link #parse} accepts it: "norm:5.0". */
    public String name() {
        return mode.name().toLowerCase(Locale.ROOT) + ":" + threshold;
    }

    /**
     * Clips the gradients of {@code params} in place (grads modified, values not) and returns the
     * global gradient norm before clipping (useful to log). Does not allocate.
     */
    public double apply(List<Param> params) {
        double sum = 0;
        for (int i = 0; i < params.size(); i++) {
            float[] g = params.get(i).grad();
            for (float x : g) {
                sum += (double) x * x;
            }
        }
        double norm = Math.sqrt(sum);
        if (mode == Mode.NORM) {
            if (norm > threshold) {
                float scale = (float) (threshold / norm);
                for (int i = 0; i < params.size(); i++) {
                    float[] g = params.get(i).grad();
                    for (int j = 0; j < g.length; j++) {
                        g[j] *= scale;
                    }
                }
            }
        } else {
            float t = (float) threshold;
            for (int i = 0; i < params.size(); i++) {
                float[] g = params.get(i).grad();
                for (int j = 0; j < g.length; j++) {
                    g[j] = Math.max(-t, Math.min(t, g[j]));
                }
            }
        }
        return norm;
    }

    /**
     * Parses "norm:T" or "value:T", case-insensitively.
     *
     * @throws IllegalArgumentException naming the spec and what was expected
     */
    public static GradientClipping parse(String spec) {
        String[] parts = spec == null ? new String[0] : spec.trim().split(":", -1);
        if (parts.length != 2) {
            throw new IllegalArgumentException("gradient clipping '" + spec + "': expected norm:THRESHOLD or value:THRESHOLD");
        }
        Mode mode;
        switch (parts[0].trim().toLowerCase(Locale.ROOT)) {
            case "norm": mode = Mode.NORM; break;
            case "value": mode = Mode.VALUE; break;
            default: throw new IllegalArgumentException("gradient clipping '" + spec
                    + "': unknown mode '" + parts[0] + "', expected norm or value");
        }
        try {
            return new GradientClipping(mode, Double.parseDouble(parts[1].trim()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("gradient clipping '" + spec + "': threshold '" + parts[1]
                    + "' is not a number");
        }
    }
}
