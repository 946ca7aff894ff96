package org.neurona.train;

import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.neurona.activation.Activation;
import org.neurona.layer.Dense;
import org.neurona.train.rule.Sgd;

/**
 * One layer of the small-net path ({@link SmallNetOnline}): its arrays, hoisted out of
 * {@link Dense} so that a step loads each with one field read, and the update rule's constants.
 * The arithmetic, forward and backward for one pattern, is {@link OnlineLayerCode}'s.
 *
 * <p><b>A class per layer shape.</b> In a 2:3:1 net every loop of a layer's step runs one to
 * three times, and loops whose lengths the JIT does not know cost about as much as the
 * arithmetic in them. So {@link #of} defines {@link OnlineLayerCode} again, as a hidden class,
 * for each layer shape (inputs, units, update rule, activation) it meets, with the shape as its
 * class data: there the sizes, the rule and the activation are {@code static final} constants,
 * and the JIT unrolls the short loops, drops the branches of the other rules and folds the
 * activation's parameters (a record's fields). {@code OnlineLayerCode} as loaded normally has
 * no class data and reads all this from its fields; it serves layers of more than
 * {@link #SMALL} inputs or units, shapes past the first {@link Copies#MOST}, and runtimes that
 * cannot define classes. Copies and original run the same methods, so they give the same
 * floats. docs/PERFORMANCE.md has the measurements.
 */
abstract class OnlineLayer {
    /**
     * Weights w (O, I), biases b (O) or null, net inputs z, outputs a, error signal d = dE/da
     * (O), velocities v, vb.
     */
    final float[] w, b, z, a, d, v, vb;
    final Activation f;
    final int inputs, outputs;
    final float eta, alpha, lambda2;
    final boolean nesterov;

    /** Flags of the update rule, in a copy's class data: momentum, Nesterov's, weight decay. */
    static final int MOMENTUM = 1, NESTEROV = 2, DECAY = 4;

    OnlineLayer(Dense dense, Sgd sgd, double lambda) {
        w = dense.weights();
        b = dense.hasBias() ? dense.biases() : null;
        z = new float[dense.outputs()];
        a = new float[dense.outputs()];
        d = new float[dense.outputs()];
        v = new float[dense.weights().length];
        vb = new float[dense.biases().length];
        f = dense.activation();
        inputs = dense.inputs();
        outputs = dense.outputs();
        eta = (float) sgd.eta();
        alpha = (float) sgd.alpha();
        nesterov = sgd.nesterov();
        lambda2 = (float) (2 * lambda);
    }

    /** z = W a + b and a = f(z), the input at {@code src[so..]}. */
    abstract void forward(float[] src, int so);

    /**
     * The backward step and update for one pattern, its input at {@code src[so..]}: writes the
     * layer below's dE/da into {@code dIn} (null for the first layer); {@code derive} says
     * whether d is dE/da, to be taken through f', or already dE/dz.
     */
    abstract void backward(float[] dIn, float[] src, int so, boolean derive);

    /** The update rule's flags. */
    final int rule() {
        return rule(alpha, nesterov, lambda2);
    }

    private static int rule(float alpha, boolean nesterov, float lambda2) {
        return (alpha != 0f ? MOMENTUM : 0) | (nesterov ? NESTEROV : 0) | (lambda2 > 0 ? DECAY : 0);
    }

    /**
     * Layers with more inputs or units than this get no copy: their loops are long enough for
     * the JIT as they are.
     */
    static final int SMALL = 32;

    /**
     * What a copy of {@link OnlineLayerCode} is made for, its class data: the layer's inputs and
     * units, the update rule's flags and the activation (a record, compared by value).
     */
    record Shape(int inputs, int outputs, int rule, Activation f) {}

    /**
     * The step of {@code dense} for online training with {@code sgd}: for a layer of at most
     * {@link #SMALL} inputs and units, the copy's for its shape when one can be made.
     */
    static OnlineLayer of(Dense dense, Sgd sgd, double lambda) {
        if (dense.inputs() > SMALL || dense.outputs() > SMALL) return new OnlineLayerCode(dense, sgd, lambda);
        int rule = rule((float) sgd.alpha(), sgd.nesterov(), (float) (2 * lambda));
        MethodHandle make = Copies.constructor(new Shape(dense.inputs(), dense.outputs(), rule, dense.activation()));
        if (make == null) return new OnlineLayerCode(dense, sgd, lambda);
        try {
            return (OnlineLayer) make.invoke(dense, sgd, lambda);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The copies of {@link OnlineLayerCode} made so far, by shape; at most {@link #MOST}, each
     * about 7 KB of metaspace and half a millisecond to make.
     */
    private static final class Copies {
        static final int MOST = 1024;
        static final Map<Shape, MethodHandle> BY_SHAPE = new ConcurrentHashMap<>();
        /** The class's bytes, to define copies from; null once they cannot be read or defined. */
        static volatile byte[] bytes = read();

        private static byte[] read() {
            try (InputStream in = OnlineLayerCode.class.getResourceAsStream("OnlineLayerCode.class")) {
                return in == null ? null : in.readAllBytes();
            } catch (IOException e) {
                return null;
            }
        }

        /** The constructor (Dense, Sgd, double) of the copy for {@code shape} (inputs, units, rule), or null. */
        static MethodHandle constructor(Shape shape) {
            MethodHandle make = BY_SHAPE.get(shape);
            if (make != null || bytes == null || BY_SHAPE.size() >= MOST) return make;
            return BY_SHAPE.computeIfAbsent(shape, Copies::define);
        }

        private static MethodHandle define(Shape shape) {
            byte[] code = bytes;
            if (code == null) return null;
            try {
                MethodHandles.Lookup copy = MethodHandles.lookup().defineHiddenClassWithClassData(code, shape, true);
                return copy.findConstructor(copy.lookupClass(),
                        MethodType.methodType(void.class, Dense.class, Sgd.class, double.class));
            } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
                bytes = null; // this runtime cannot: the original serves every shape from now on
                return null;
            }
        }
    }
}
