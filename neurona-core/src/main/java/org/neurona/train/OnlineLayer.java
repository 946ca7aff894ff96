package org.neurona.train;

import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.neurona.activation.Activation;
import org.neurona.activation.Logistic;
import org.neurona.activation.Softmax;
import org.neurona.activation.Tanh;
import org.neurona.layer.Dense;
import org.neurona.layer.Init;
import org.neurona.loss.Loss;
import org.neurona.math.Rng;
import org.neurona.train.rule.Sgd;

/**
 * One layer of the small-net path ({@link SmallNetOnline}): its arrays, hoisted out of
 * {@link Dense} so that a step loads each with one field read, and the update rule's constants.
 * The arithmetic, forward and backward for one pattern, is {@link OnlineLayerCode}'s.
 *
 * <p><b>A class per layer shape.</b> In a 2:3:1 net every loop of a layer's step runs one to
 * three times, and loops whose lengths the JIT does not know cost about as much as the
 * arithmetic in them. So {@link #of} defines {@link OnlineLayerCode} again, as a hidden class,
 * for each layer {@link Shape} it meets (inputs, units, update rule and, for the library's own
 * activation records, the activation), with the shape as its class data: there these are
 * {@code static final} constants, and the JIT unrolls the short loops, drops the branches of the
 * other rules and folds the activation's parameters (a record's fields). {@code OnlineLayerCode}
 * as loaded normally has no class data and reads all this from its fields; it serves layers of
 * more than {@link #SMALL} inputs or units, shapes past the first {@link Copies#MOST}, and
 * runtimes where copies cannot be made or where the copy made from the class file does not
 * compute what the loaded class computes ({@link Copies#checked}). Copies and original run the
 * same methods, so they give the same floats. docs/PERFORMANCE.md has the measurements.
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
    /** The update rule's flags. */
    final int rule;

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
        rule = rule(alpha, nesterov, lambda2);
    }

    /** z = W a + b and a = f(z), the input at {@code src[so..]}. */
    abstract void forward(float[] src, int so);

    /**
     * The backward step and update for one pattern, its input at {@code src[so..]}: writes the
     * layer below's dE/da into {@code dIn} (null for the first layer); {@code derive} says
     * whether d is dE/da, to be taken through f', or already dE/dz.
     */
    abstract void backward(float[] dIn, float[] src, int so, boolean derive);

    /**
     * For the output layer: its delta d (dE/da, or dE/dz when {@code loss} fuses the
     * activation), scaled by {@code scale}, and the pattern's loss, by the loss itself (the batch
     * path's calls with one row), the targets read at {@code b[bo..]} where they lie in the data
     * set. Here so that in a copy the loss's loops run over a constant number of units.
     */
    abstract double outputError(Loss loss, float[] b, int bo, float scale);

    /** The shape this layer's step is made for. */
    final Shape shape() {
        return Shape.of(inputs, outputs, rule, f);
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
     * units, the update rule's flags and the activation when it is one of the library's records
     * (compared by value, and their {@code equals} is theirs); null for any other activation,
     * which the copy then reads from its field: a user's {@code equals} might call two different
     * functions equal, and a copy per instance would fill the cache and hold the user's classes.
     */
    record Shape(int inputs, int outputs, int rule, Activation f) {
        static Shape of(int inputs, int outputs, int rule, Activation f) {
            Class<?> c = f.getClass();
            boolean library = c.isRecord() && c.getClassLoader() == Activation.class.getClassLoader()
                    && c.getPackageName().equals(Activation.class.getPackageName());
            return new Shape(inputs, outputs, rule, library ? f : null);
        }
    }

    /**
     * The step of {@code dense} for online training with {@code sgd}: for a layer of at most
     * {@link #SMALL} inputs and units, the copy's for its shape when one can be made.
     */
    static OnlineLayer of(Dense dense, Sgd sgd, double lambda) {
        return of(dense, sgd, lambda, Copies.Shared.COPIES);
    }

    /** {@link #of(Dense, Sgd, double)} with copies from {@code copies}. */
    static OnlineLayer of(Dense dense, Sgd sgd, double lambda, Copies copies) {
        if (dense.inputs() > SMALL || dense.outputs() > SMALL) return new OnlineLayerCode(dense, sgd, lambda);
        int rule = rule((float) sgd.alpha(), sgd.nesterov(), (float) (2 * lambda));
        MethodHandle make = copies.constructor(Shape.of(dense.inputs(), dense.outputs(), rule, dense.activation()));
        return make == null ? new OnlineLayerCode(dense, sgd, lambda) : Copies.make(make, dense, sgd, lambda);
    }

    /**
     * Copies of a class's bytes made so far, by shape: at most {@link #MOST} for the library's
     * own ({@link Shared#COPIES}), each about 7 KB of metaspace and under a millisecond to make.
     * When a copy cannot be made (the cap, or the runtime refuses) the layer takes
     * {@code OnlineLayerCode} as loaded, and a line is logged the first time for each reason
     * ({@link System.Logger}, "org.neurona.train.OnlineLayer"); after a failure to define one
     * (metaspace full, say) no more are made in this run.
     */
    static final class Copies {
        static final int MOST = 1024;

        /** The library's copies, made from OnlineLayerCode's class file once it passes {@link #checked}. */
        static final class Shared {
            static final Copies COPIES = shared();

            private static Copies shared() {
                Copies copies = new Copies(checked(read()), MOST);
                if (copies.bytes == null) {
                    log(System.Logger.Level.WARNING, "the class file of " + OnlineLayerCode.class.getName()
                            + " is not the class as loaded, or cannot be defined again; small nets train with the "
                            + "step as loaded");
                }
                return copies;
            }
        }

        private final Map<Shape, MethodHandle> byShape = new ConcurrentHashMap<>();
        private final AtomicInteger made = new AtomicInteger();
        private final AtomicBoolean toldCap = new AtomicBoolean(), toldFailure = new AtomicBoolean();
        private final int most;
        /** The class's bytes, to define copies from; null once they cannot be read or defined. */
        private volatile byte[] bytes;

        Copies(byte[] bytes, int most) {
            this.bytes = bytes;
            this.most = most;
        }

        /** How many copies have been made. */
        int size() {
            return byShape.size();
        }

        /** The constructor (Dense, Sgd, double) of the copy for {@code shape}, or null. */
        MethodHandle constructor(Shape shape) {
            MethodHandle make = byShape.get(shape);
            if (make != null || bytes == null) return make;
            return byShape.computeIfAbsent(shape, this::define);
        }

        private MethodHandle define(Shape shape) {
            byte[] code = bytes;
            if (code == null) return null;
            if (made.incrementAndGet() > most) {
                made.decrementAndGet();
                if (toldCap.compareAndSet(false, true)) {
                    log(System.Logger.Level.INFO, "layer steps compiled for " + most
                            + " layer shapes; layers of further shapes take the step as loaded");
                }
                return null;
            }
            try {
                return copy(code, shape);
            } catch (Exception | LinkageError | VirtualMachineError e) {
                // a runtime that cannot (or metaspace is full): the original serves every shape from now on
                made.decrementAndGet();
                bytes = null;
                if (toldFailure.compareAndSet(false, true)) {
                    log(System.Logger.Level.WARNING, "cannot compile layer steps per shape; small nets train "
                            + "with the step as loaded (" + e + ")");
                }
                return null;
            }
        }

        /** One line to the library's logger; a logger that fails does not stop training. */
        private static void log(System.Logger.Level level, String message) {
            try {
                System.getLogger(OnlineLayer.class.getName()).log(level, message);
            } catch (RuntimeException | LinkageError e) {
                // nowhere to say it
            }
        }

        /** Defines {@code code} as a hidden class with {@code shape} as class data; its constructor. */
        private static MethodHandle copy(byte[] code, Shape shape) throws ReflectiveOperationException {
            MethodHandles.Lookup copy = MethodHandles.lookup().defineHiddenClassWithClassData(code, shape, true);
            return copy.findConstructor(copy.lookupClass(),
                    MethodType.methodType(void.class, Dense.class, Sgd.class, double.class));
        }

        static OnlineLayer make(MethodHandle make, Dense dense, Sgd sgd, double lambda) {
            try {
                return (OnlineLayer) make.invoke(dense, sgd, lambda);
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable e) {
                throw new IllegalStateException(e);
            }
        }

        /** OnlineLayerCode's class file, as its class loader finds it; null when it cannot. */
        static byte[] read() {
            try (InputStream in = OnlineLayerCode.class.getResourceAsStream(
                    OnlineLayerCode.class.getSimpleName() + ".class")) {
                return in == null ? null : in.readAllBytes();
            } catch (IOException e) {
                return null;
            }
        }

        /**
         * {@code code} if copies made from it compute what {@code OnlineLayerCode} as loaded
         * computes, float for float, on made-up layers: 3 inputs and 2 units, logistic with slope 2,
         * Nesterov's momentum and weight decay, MSE; 2 and 3, tanh, no biases, classical momentum,
         * SSE; 3 and 3, softmax, plain SGD, cross-entropy (fused); three patterns each. Else null.
         * The class file a class loader gives back is not always the one it defined the class from
         * (a loader that looks elsewhere first, an agent that rewrote the class as it loaded), and
         * this is where that shows.
         */
        static byte[] checked(byte[] code) {
            if (code == null) return null;
            Check[] checks = {
                new Check(3, 2, new Logistic(2), true, new Sgd(0.1, 0.8, true), 0.01, Loss.MSE),
                new Check(2, 3, new Tanh(1), false, new Sgd(0.2, 0.9), 0, Loss.SSE),
                new Check(3, 3, new Softmax(), true, new Sgd(0.3, 0), 0, Loss.CE),
            };
            try {
                for (Check c : checks) {
                    OnlineLayer original = new OnlineLayerCode(c.layer(), c.sgd(), c.lambda());
                    Shape shape = Shape.of(c.inputs(), c.outputs(), original.rule, c.f());
                    OnlineLayer copy = make(copy(code, shape), c.layer(), c.sgd(), c.lambda());
                    if (copy.getClass() == OnlineLayerCode.class || !Arrays.equals(c.run(original), c.run(copy))) {
                        return null;
                    }
                }
                return code;
            } catch (Exception | LinkageError | VirtualMachineError e) {
                return null;
            }
        }

        /** A made-up layer and how it is trained, for {@link #checked}. */
        private record Check(int inputs, int outputs, Activation f, boolean bias, Sgd sgd, double lambda, Loss loss) {
            /** The layer, the same weights each time. */
            Dense layer() {
                return new Dense(inputs, outputs, f, bias, Init.LECTURE, new Rng(17), "check");
            }

            /** Three patterns through {@code layer}; everything it computed, end to end. */
            float[] run(OnlineLayer layer) {
                float[] x = {0.5f, -1f, 0.25f, 1f, 0f, -0.75f, 0.3f, 0.6f, -0.2f}, dIn = new float[inputs];
                float[] targets = {0.9f, 0.1f, 0f, 0.2f, 0.8f, 0f, 0f, 0f, 1f}, out = new float[0];
                boolean derive = !loss.fuses(f);
                for (int p = 0; p < 3; p++) {
                    layer.forward(x, inputs * p);
                    double e = layer.outputError(loss, targets, outputs * p, 0.5f);
                    if (!f.elementwise() && derive) f.backward(layer.z, layer.a, layer.d, layer.d, 1, outputs);
                    layer.backward(dIn, x, inputs * p, derive && f.elementwise());
                    out = concat(out, new float[] {(float) e, (float) (e - (float) e)}, layer.z, layer.a, dIn,
                            layer.w, layer.b == null ? new float[0] : layer.b, layer.v, layer.vb);
                }
                return out;
            }
        }

        private static float[] concat(float[] head, float[]... tail) {
            int n = head.length;
            for (float[] t : tail) n += t.length;
            float[] all = Arrays.copyOf(head, n);
            int at = head.length;
            for (float[] t : tail) {
                System.arraycopy(t, 0, all, at, t.length);
                at += t.length;
            }
            return all;
        }
    }
}
