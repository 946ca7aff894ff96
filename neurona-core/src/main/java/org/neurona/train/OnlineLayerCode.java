package org.neurona.train;

import java.lang.constant.ConstantDescs;
import java.lang.invoke.MethodHandles;
import org.neurona.activation.Activation;
import org.neurona.layer.Dense;
import org.neurona.loss.Loss;
import org.neurona.train.rule.Sgd;

/**
 * The arithmetic of an {@link OnlineLayer}: the lecture's forward pass, deltas and update for
 * one pattern, in plain loops, each weight's gradient applied as soon as it is known. Defined
 * again as a hidden class for each layer shape, with the {@link OnlineLayer.Shape} as class data
 * whose parts become constants ({@link OnlineLayer} says why). No lambdas or method references
 * here: a hidden class cannot be named by the classes the JDK generates for them (a test checks).
 */
final class OnlineLayerCode extends OnlineLayer {
    /** This copy's class data; null in the class as loaded normally. */
    private static final Shape SHAPE = classData();
    private static final boolean SHAPED = SHAPE != null;
    private static final int IN = SHAPED ? SHAPE.inputs() : 0, OUT = SHAPED ? SHAPE.outputs() : 0,
            RULE = SHAPED ? SHAPE.rule() : 0;
    /**
     * The activation, a constant to the JIT, and so are its parameters (record fields); null
     * where the class data has none (a user's activation), and the field is read.
     */
    private static final Activation F = SHAPED ? SHAPE.f() : null;
    private static final boolean FIXED = F != null;

    private static Shape classData() {
        try {
            return MethodHandles.classData(MethodHandles.lookup(), ConstantDescs.DEFAULT_NAME, Shape.class);
        } catch (IllegalAccessException e) {
            return null;
        }
    }

    OnlineLayerCode(Dense dense, Sgd sgd, double lambda) {
        super(dense, sgd, lambda);
        if (SHAPED && !SHAPE.equals(shape())) {
            throw new IllegalStateException("a step compiled for " + SHAPE + " given a layer of " + inputs + "->"
                    + outputs + ", " + f);
        }
    }

    /** z = W a + b and a = f(z), the activation applied per unit as its sum completes. */
    @Override
    void forward(float[] src, int so) {
        float[] w = this.w, b = this.b, z = this.z, a = this.a;
        int I = SHAPED ? IN : inputs, O = SHAPED ? OUT : outputs;
        Activation f = FIXED ? F : this.f;
        boolean unit = f.elementwise();
        for (int o = 0, row = 0; o < O; o++, row += I) {
            float s = 0f;
            for (int i = 0; i < I; i++) s += src[so + i] * w[row + i];
            float zo = b == null ? s : s + b[o];
            z[o] = zo;
            if (unit) a[o] = f.forward(zo);
        }
        if (!unit) f.forward(z, a, 1, O);
    }

    /**
     * One unit after another: dz = f'(z) d ({@code derive}; else d is dE/dz already), then for
     * each weight the delta of the layer below, dIn += dz w, with the weight before its update
     * (what computing all deltas first would use), the gradient dz a_in (+ 2 lambda w) and the
     * update; then the bias's.
     */
    @Override
    void backward(float[] dIn, float[] src, int so, boolean derive) {
        float[] w = this.w, b = this.b, d = this.d, v = this.v, vb = this.vb, z = this.z, a = this.a;
        int I = SHAPED ? IN : inputs, O = SHAPED ? OUT : outputs;
        Activation f = FIXED ? F : this.f;
        boolean decay = has(DECAY);
        for (int o = 0, row = 0; o < O; o++, row += I) {
            float dz = derive ? f.backward(z[o], a[o], d[o]) : d[o];
            for (int i = 0; i < I; i++) {
                float wv = w[row + i];
                if (dIn != null) dIn[i] = (o == 0 ? 0f : dIn[i]) + dz * wv;
                float g = 0f + dz * src[so + i];
                if (decay) g += lambda2 * wv;
                w[row + i] = wv + step(v, row + i, g);
            }
            if (b != null) b[o] += step(vb, o, 0f + dz);
        }
    }

    @Override
    double outputError(Loss loss, float[] b, int bo, float scale) {
        int O = SHAPED ? OUT : outputs;
        loss.delta(a, b, bo, d, 1, O, scale);
        return loss.value(z, a, b, bo, 1, O, FIXED ? F : f);
    }

    /**
     * The weight change for gradient g, updating the velocity: the arithmetic of {@link Sgd}
     * (plain, classical momentum or Nesterov), inlined by the JIT into the update loop.
     */
    private float step(float[] vel, int j, float g) {
        if (!has(MOMENTUM)) return -(eta * g);
        float dw = alpha * vel[j] - eta * g;
        vel[j] = dw;
        return has(NESTEROV) ? alpha * dw - eta * g : dw;
    }

    /** Whether the update rule has {@code flag}: a constant in a copy. */
    private boolean has(int flag) {
        return ((SHAPED ? RULE : rule) & flag) != 0;
    }
}
