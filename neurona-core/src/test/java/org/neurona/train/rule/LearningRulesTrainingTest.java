package org.neurona.train.rule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.neurona.Lecture;
import org.neurona.data.Dataset;
import org.neurona.loss.Loss;
import org.neurona.net.FeedForward;
import org.neurona.net.NetworkSpec;
import org.neurona.train.History;
import org.neurona.train.Mode;
import org.neurona.train.TrainOptions;
import org.neurona.train.Trainer;

/**
 * Every learning rule, chosen by name as on the command line, trains the lecture's two problems
 * with real networks: XOR on a 2:3:1 logistic net and the lineal example (2 inputs, one logistic
 * output, 15 points), all through the {@link Trainer}.
 */
class LearningRulesTrainingTest {

    private static final Dataset XOR = Dataset.of(new double[][] {{0, 0}, {0, 1}, {1, 0}, {1, 1}},
            new double[][] {{0}, {1}, {1}, {0}});

    /** The setup's options; rules that work with any presentation are run online. */
    private static TrainOptions.Builder online(LearningRules.Setup setup) {
        TrainOptions.Builder b = TrainOptions.builder();
        if (setup.presentation() == LearningRules.Presentation.ANY) b.mode(Mode.ONLINE);
        return b.learn(setup);
    }

    /** Trains a fresh 2:3:1 net on XOR; returns the epochs to SSE &lt;= 0.05, or -1. */
    private static int xorEpochs(LearningRules.Setup setup, long seed) {
        FeedForward net = FeedForward.create(NetworkSpec.parse("2:3:1", "logistic"), seed);
        TrainOptions options = online(setup).epochs(2000)
                .targetError(0.05).seed(seed).build();
        History history = new Trainer(options).fit(net, XOR);
        return Trainer.error(net, XOR, Loss.SSE) <= 0.05 ? history.epochs() : -1;
    }

    // Measured converged seeds of 1..10 (2000 epochs, SSE <= 0.05): Std_Backpropagation 10,
    // BackpropMomentum 10, nesterov 10, Quickprop 10, Rprop 8, iRprop+ 8, adam 8, rmsprop 8, SCG 7,
    // adagrad 5. Seeds 1 and 2 lead the large-step batch methods into XOR's local minimum E = 0.25.
    @ParameterizedTest
    @ValueSource(strings = {"Std_Backpropagation:0.5:10", "BackpropMomentum:0.5:0.9:0:10", "nesterov:0.5:0.9:10",
        "Quickprop:0.5:1.75:0.0001:0:10", "Rprop:0.1:50:0:8", "irprop+:0.1:50:8", "adam:0.05:0.9:0.999:1e-8:8",
        "rmsprop:0.01:0.9:1e-8:8", "SCG:0:0:0:0:7", "adagrad:0.5:1e-10:5"})
    void trainsXor(String specAndSeeds) {
        int cut = specAndSeeds.lastIndexOf(':');
        LearningRules.Setup setup = LearningRules.parse(specAndSeeds.substring(0, cut));
        int expected = Integer.parseInt(specAndSeeds.substring(cut + 1));
        int converged = 0;
        for (long seed = 1; seed <= 10; seed++) {
            if (xorEpochs(setup, seed) >= 0) {
                converged++;
            }
        }
        assertTrue(converged >= expected, setup.spec() + ": " + converged + " of 10 seeds reached SSE 0.05");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Std_Backpropagation:0.5", "BackpropMomentum:0.5:0.9", "BackpropBatch:20", "nesterov:0.5:0.9",
        "Rprop", "irprop+", "Quickprop:0.5:1.75:0.0001", "SCG", "adam:0.05", "rmsprop:0.01", "adagrad:0.5"})
    void classifiesTheLinealExample(String spec) {
        // The lecture's lineal.csv: 15 points, 2 inputs, one logistic output, 500 epochs.
        LearningRules.Setup setup = LearningRules.parse(spec);
        Dataset a = Lecture.lineal();
        FeedForward net = FeedForward.create(NetworkSpec.parse("2:1", "logistic"), 1);
        new Trainer(online(setup).epochs(500).seed(1).build()).fit(net, a);
        float[] y = net.predict(a.x(), a.rows());
        int correct = 0;
        for (int i = 0; i < a.rows(); i++) {
            if ((y[i] > 0.5 ? 1 : 0) == a.b()[i]) {
                correct++;
            }
        }
        assertEquals(a.rows(), correct, spec + " classifies all points");
        assertTrue(Trainer.error(net, a, Loss.SSE) < 0.15, spec + ": SSE " + Trainer.error(net, a, Loss.SSE));
    }

    @Test
    void rpropAndScgNeedFewerEpochsThanGradientDescent() {
        // XOR 2:3:1 from FeedForward's seed 3, full batch, SSE <= 0.05. Measured: gradient descent
        // eta = 2 (summed gradient) 185 epochs, Rprop 38, SCG 13 (the trainer records each epoch's
        // error at the weights before that epoch's step, so a target is seen one epoch after it is met).
        LearningRules.Setup gd = new LearningRules.Setup("sgd", new Sgd(2, 0), LearningRules.Presentation.BATCH, 0,
                false, 0, 0);
        int gradientDescent = xorEpochs(gd, 3);
        int rprop = xorEpochs(LearningRules.parse("Rprop"), 3);
        int scg = xorEpochs(LearningRules.parse("SCG"), 3);
        assertEquals(185, gradientDescent);
        assertEquals(38, rprop);
        assertEquals(13, scg);
        assertTrue(rprop < gradientDescent && scg < gradientDescent);
    }
}
