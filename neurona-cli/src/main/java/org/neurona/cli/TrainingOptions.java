package org.neurona.cli;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.neurona.layer.Init;
import org.neurona.loss.Loss;
import org.neurona.net.NetworkSpec;
import org.neurona.train.EarlyStopping;
import org.neurona.train.EpochListener;
import org.neurona.train.Mode;
import org.neurona.train.TrainOptions;
import org.neurona.train.rule.GradientClipping;
import org.neurona.train.rule.LearningRule;
import org.neurona.train.rule.LearningRules;
import org.neurona.train.rule.Schedule;
import org.neurona.train.rule.Sgd;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The network and how to train it. Values left out keep the library's defaults (the
 * lecture's: logistic units, SSE, full batch, eta 0.1, 500 epochs, uniform(-1, 1) weights,
 * seed 1), which live in {@link TrainOptions.Builder} and nowhere else.
 *
 * <p>{@code --learn NAME[:params]} picks a learning function by its neurona or SNNS name
 * ({@link LearningRules#parse}); it fixes eta, momentum and, for SNNS's functions, the mode.
 * {@code --eta}, {@code --momentum}, {@code --mode} and {@code --batch-size} may be given with it
 * only when they say the same thing: a disagreement is an error naming both, never a silent
 * choice of one.
 */
final class TrainingOptions {

    @Option(names = "--layers", paramLabel = "SIZES", required = true,
            description = "Layer sizes, inputs first: 2:3:1, 784:256:128:10.")
    String layers;

    @Option(names = "--activation", paramLabel = "F[,F...]",
            description = "One activation for every layer, or one per layer: logistic (default), logistic:2, tanh,"
                    + " relu, linear, softmax, ... e.g. relu,relu,softmax.")
    String activation;

    @Option(names = "--loss", paramLabel = "LOSS", description = "sse (default, the lecture's), mse or ce (cross-entropy).")
    String loss;

    @Option(names = "--mode", paramLabel = "MODE",
            description = "online (update per pattern), batch (default: per epoch) or minibatch; SNNS's --learn"
                    + " functions fix their own.")
    String mode;

    @Option(names = "--batch-size", paramLabel = "K", description = "Patterns per update in minibatch mode (default 32).")
    Integer batchSize;

    @Option(names = "--eta", paramLabel = "ETA", description = "Learning rate of gradient descent (default 0.1); with --learn, only if it agrees.")
    Double eta;

    @Option(names = "--momentum", paramLabel = "ALPHA", description = "Momentum alpha, the lecture's inercia (default 0); with --learn, only if it agrees.")
    Double momentum;

    @Option(names = "--l2", paramLabel = "LAMBDA", description = "L2 weight decay lambda (default 0).")
    Double l2;

    @Option(names = "--epochs", paramLabel = "N", description = "Maximum epochs (default 500).")
    Integer epochs;

    @Option(names = "--target-error", paramLabel = "E", description = "Stop when the training error reaches E.")
    Double targetError;

    @Option(names = "--seed", paramLabel = "S", description = "Seed for weights, shuffling and splits (default 1).")
    Long seed;

    @Option(names = "--init", paramLabel = "INIT",
            description = "Initial weights: auto (default: the lecture's U(-1, 1) on small layers, where"
                    + " sqrt(6 / (I + O)) >= 1, xavier on wider ones), uniform:R (U(-R, R)), xavier, he.")
    String init;

    @Option(names = "--shuffle", description = "Reshuffle the patterns every epoch.")
    boolean shuffle;

    @Option(names = "--threads", paramLabel = "T", description = "Threads for the kernels (default 1).")
    Integer threads;

    @Option(names = "--learn", paramLabel = "NAME[:P...]",
            description = "Learning function, with its parameters in SNNS's order (missing ones take the default):"
                    + " sgd, momentum, nesterov, adam, rmsprop, adagrad, irprop+, or SNNS's Std_Backpropagation,"
                    + " BackpropMomentum, BackpropBatch, BackpropChunk, BackpropWeightDecay, Rprop, Quickprop, SCG."
                    + " E.g. Rprop:0.1:50, BackpropMomentum:0.2:0.9, adam:0.01. See docs/LEARNING.md.")
    String learn;

    @Option(names = "--schedule", paramLabel = "SPEC",
            description = "Learning-rate schedule: step:EVERY:GAMMA, exp:GAMMA or cosine:T[:ETAMIN] (default constant).")
    String schedule;

    @Option(names = "--clip", paramLabel = "SPEC",
            description = "Gradient clipping before each update: norm:MAX (global L2 norm) or value:MAX (each component).")
    String clip;

    @Option(names = "--early-stopping", paramLabel = "PATIENCE",
            description = "Stop when the validation error has not improved for PATIENCE epochs and put back the"
                    + " weights of the best epoch (needs --validation).")
    Integer earlyStopping;

    /** The command this mixin is part of: train's --validation decides whether early stopping can work. */
    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    /** The network's shape. */
    NetworkSpec spec() {
        NetworkSpec.parseSizes(layers);  // its message first: "2::1" is about the sizes, not the activations
        NetworkSpec s = NetworkSpec.parse(layers, activation == null ? "logistic" : activation);
        return init == null ? s : s.withInit(Init.parse(init));
    }

    /** The training settings, library defaults for what was not given. */
    TrainOptions options() {
        TrainOptions.Builder b = TrainOptions.builder();
        if (loss != null) b.loss(Loss.parse(loss));
        if (mode != null) b.mode(Mode.parse(mode));
        if (batchSize != null) {
            if (mode == null) b.mode(Mode.MINIBATCH);
            b.batchSize(batchSize);
        }
        LearningRules.Setup setup = setup();
        if (setup != null) {
            checkAgrees(setup);
            b.learn(setup);   // after loss: it adds the rule's dmax and averaging to the loss
        } else {
            if (eta != null) b.eta(positive("--eta", eta));
            if (momentum != null) b.momentum(momentum);
        }
        if (l2 != null) b.lambda(l2);
        if (epochs != null) b.epochs(epochs);
        if (targetError != null) b.targetError(targetError);
        if (seed != null) b.seed(seed);
        b.shuffle(shuffle);
        if (threads != null) b.threads(threads);
        if (schedule != null) b.schedule(schedule(setup));
        if (clip != null) b.clipping(parse("--clip", clip, GradientClipping::parse));
        earlyStopping();  // its mistakes are reported before any data is read
        return b.build();
    }

    /** The parsed --learn, or null. */
    LearningRules.Setup setup() {
        return learn == null ? null : parse("--learn", learn, LearningRules::parse);
    }

    private Schedule schedule(LearningRules.Setup setup) {
        Schedule s = parse("--schedule", schedule, Schedule::parse);
        if (setup != null && !(s instanceof Schedule.Constant) && !Schedule.appliesTo(setup.rule())) {
            throw new IllegalArgumentException("--schedule " + schedule + " changes a learning rate, but --learn " + learn
                    + " has none (it adapts its own step sizes); drop --schedule or pick a rule with eta");
        }
        return s;
    }

    /** The early-stopping configuration, or null; it watches the validation error, so it needs --validation. */
    EarlyStopping earlyStopping() {
        if (earlyStopping == null) return null;
        if (earlyStopping < 1) {
            throw new IllegalArgumentException("--early-stopping " + earlyStopping + ": expected a patience of at least 1 epoch");
        }
        OptionSpec validation = command == null ? null : command.findOption("--validation");
        Object v = validation == null ? null : validation.getValue();
        if (!(v instanceof Number n) || n.doubleValue() <= 0) {
            throw new IllegalArgumentException("--early-stopping " + earlyStopping
                    + " watches the validation error; hold out patterns with --validation FRACTION (e.g. 0.2)");
        }
        return new EarlyStopping(earlyStopping, 0, true);
    }

    /**
     * Listeners these options add to a training run: early stopping's monitor. Train passes them
     * to {@code Trainer.fit} together with its progress bar.
     */
    List<EpochListener> listeners() {
        EarlyStopping e = earlyStopping();
        return e == null ? List.of() : List.of(e.monitor());
    }

    /**
     * The learning part of train's summary line: "eta 0.1, momentum 0.9" for gradient descent,
     * the rule's canonical spec (with eta when it has one) for --learn, then the schedule,
     * clipping and early stopping when given.
     */
    String describeLearning(TrainOptions o) {
        StringBuilder s = new StringBuilder();
        LearningRule r = o.rule();
        if (learn == null) {
            s.append("eta ").append(Out.num(r.learningRate())).append(", momentum ").append(Out.num(momentum == null ? 0 : momentum));
        } else {
            s.append("learning rule ").append(setup().spec());
            if (!Double.isNaN(r.learningRate())) s.append(" (eta ").append(Out.num(r.learningRate())).append(')');
        }
        if (!(o.schedule() instanceof Schedule.Constant)) s.append(", schedule ").append(o.schedule().name());
        if (o.clipping() != null) s.append(", gradient clipping ").append(o.clipping().name());
        if (earlyStopping != null) s.append(", early stopping after ").append(earlyStopping).append(" epochs without improvement");
        return s.toString();
    }

    /**
     * The learning settings for the model file: {@code learn} (the rule's canonical spec) when
     * --learn was given, {@code eta} only when the rule has a learning rate (Rprop and SCG have
     * none), {@code momentum}, and the schedule, clipping and early stopping when given.
     */
    void putSettings(Map<String, Object> s, TrainOptions o) {
        if (learn != null) s.put("learn", setup().spec());
        double eta = o.rule().learningRate();
        if (!Double.isNaN(eta)) s.put("eta", eta);
        if (learn == null) s.put("momentum", momentum == null ? 0.0 : momentum);
        else if (o.rule() instanceof Sgd sgd) s.put("momentum", sgd.alpha());
        if (!(o.schedule() instanceof Schedule.Constant)) s.put("schedule", o.schedule().name());
        if (o.clipping() != null) s.put("clip", o.clipping().name());
        if (earlyStopping != null) s.put("early_stopping", earlyStopping);
    }

    /** --eta, --momentum, --mode and --batch-size given with --learn must say what the rule says. */
    private void checkAgrees(LearningRules.Setup setup) {
        LearningRule r = setup.rule();
        String with = " disagrees with --learn " + learn + " (" + setup.spec() + ")";
        if (eta != null) {
            if (Double.isNaN(r.learningRate())) {
                throw new IllegalArgumentException("--eta " + eta + " does not apply to --learn " + learn
                        + ", which adapts its own step sizes; drop --eta");
            }
            if (eta != r.learningRate()) {
                throw new IllegalArgumentException("--eta " + eta + with + ", whose eta is " + r.learningRate()
                        + "; give eta once, as --learn's first parameter");
            }
        }
        if (momentum != null) {
            Sgd sgd = r instanceof Sgd g ? g : null;
            if (sgd == null) {
                throw new IllegalArgumentException("--momentum " + momentum + " does not apply to --learn " + learn
                        + "; momentum belongs to sgd, momentum, nesterov and BackpropMomentum");
            }
            if (momentum != sgd.alpha()) {
                throw new IllegalArgumentException("--momentum " + momentum + with + ", whose momentum alpha is " + sgd.alpha()
                        + "; give it once, in --learn (e.g. BackpropMomentum:0.2:" + momentum + ")");
            }
        }
        Mode fixed = switch (setup.presentation()) {
            case ONLINE -> Mode.ONLINE;
            case BATCH -> Mode.BATCH;
            case CHUNK -> Mode.MINIBATCH;
            case ANY -> null;
        };
        if (fixed == null) return;
        String name = fixed.name().toLowerCase(Locale.ROOT);
        if (mode != null && Mode.parse(mode) != fixed) {
            throw new IllegalArgumentException("--mode " + mode + with + ", which trains in " + name + " mode; drop --mode");
        }
        if (batchSize != null && (fixed != Mode.MINIBATCH || batchSize != setup.chunkSize())) {
            throw new IllegalArgumentException("--batch-size " + batchSize + with + ", which "
                    + (fixed == Mode.MINIBATCH ? "updates after every " + setup.chunkSize() + " patterns" : "trains in " + name + " mode")
                    + "; drop --batch-size");
        }
    }

    /** Runs a library parser, naming the option in its message. */
    private static <T> T parse(String option, String value, java.util.function.Function<String, T> parser) {
        try {
            return parser.apply(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(option + " " + value + ": " + e.getMessage(), e);
        }
    }

    private static double positive(String name, double v) {
        if (!(v > 0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException(name + " " + v + ": expected a positive number");
        }
        return v;
    }
}
