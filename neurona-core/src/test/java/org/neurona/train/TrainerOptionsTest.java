package org.neurona.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.neurona.data.Dataset;
import org.neurona.layer.Dense;
import org.neurona.layer.Param;
import org.neurona.loss.Loss;
import org.neurona.net.FeedForward;
import org.neurona.net.NetworkSpec;
import org.neurona.train.rule.GradientClipping;
import org.neurona.train.rule.LearningRule;
import org.neurona.train.rule.LearningRules;
import org.neurona.train.rule.Optimizer;
import org.neurona.train.rule.Rprop;
import org.neurona.train.rule.Schedule;
import org.neurona.train.rule.Sgd;

/** The trainer honours schedules, clipping, flat-spot elimination, the output tolerance and full-batch rules. */
class TrainerOptionsTest {

    /** Plain gradient descent that records the learning rates it is given. */
    record Recording(List<Double> etas) implements LearningRule {
        public String name() { return "recording"; }
        public double learningRate() { return 0.4; }
        public Optimizer create(List<Param> params) {
            Optimizer sgd = new Sgd(0.4, 0).create(params);
            return new Optimizer() {
                public void step() { sgd.step(); }
                public void learningRate(double eta) { etas.add(eta); sgd.learningRate(eta); }
            };
        }
    }

    @Test
    void scheduleSetsTheLearningRateAtEveryEpoch() {
        List<Double> etas = new ArrayList<>();
        FeedForward net = FeedForward.create(NetworkSpec.parse("2:3:1", "logistic"), 1);
        new Trainer(TrainOptions.builder().rule(new Recording(etas)).schedule(Schedule.parse("step:2:0.5")).epochs(5)
                .build()).fit(net, TrainerTest.XOR);
        assertEquals(List.of(0.4, 0.4, 0.2, 0.2, 0.1), etas);
    }

    @Test
    void scheduleNeedsARuleWithALearningRate() {
        var e = assertThrows(IllegalArgumentException.class, () -> TrainOptions.builder()
                .rule(LearningRules.parse("Rprop").rule()).schedule(Schedule.parse("exp:0.9")).build());
        assertTrue(e.getMessage().contains("adapts its own step sizes"), e.getMessage());
    }

    @Test
    void clippingByValueBoundsEveryStep() {
        FeedForward net = FeedForward.create(NetworkSpec.parse("2:3:1", "logistic"), 1);
        float[] before = TrainerTest.flatten(net.params());
        new Trainer(TrainOptions.builder().eta(1).clipping(GradientClipping.byValue(1e-3)).epochs(1).build())
                .fit(net, TrainerTest.XOR);
        float[] after = TrainerTest.flatten(net.params());
        boolean moved = false;
        for (int i = 0; i < before.length; i++) {
            assertTrue(Math.abs(after[i] - before[i]) <= 1e-3 + 1e-7, "step " + (after[i] - before[i]));
            moved |= after[i] != before[i];
        }
        assertTrue(moved);
    }

    @Test
    void flatSpotAddsCToTheDerivative() {
        // one logistic unit, one pattern x = (1, 2), b = 1: dE/dw_i = (a - b) (a (1 - a) + c) x_i
        Dataset d = Dataset.of(new double[][] {{1, 2}}, new double[][] {{1}});
        FeedForward net = FeedForward.create(NetworkSpec.parse("2:1", "logistic"), 4);
        Dense unit = net.layers().get(0);
        float w0 = unit.weights()[0], w1 = unit.weights()[1], b0 = unit.biases()[0];
        double z = w0 + 2 * w1 + b0, a = 1 / (1 + Math.exp(-z)), c = 0.1, eta = 0.5;
        double delta = (a - 1) * (a * (1 - a) + c);
        new Trainer(TrainOptions.builder().eta(eta).flatSpot(c).epochs(1).build()).fit(net, d);
        assertEquals(w0 - eta * delta, unit.weights()[0], 1e-6);
        assertEquals(w1 - eta * delta * 2, unit.weights()[1], 1e-6);
        assertEquals(b0 - eta * delta, unit.biases()[0], 1e-6);
    }

    @Test
    void outputsWithinDmaxCountAsCorrect() {
        FeedForward net = FeedForward.create(NetworkSpec.parse("2:1", "logistic"), 4);
        float[] y = net.predict(new float[] {1, 2});
        Dataset d = Dataset.of(new double[][] {{1, 2}}, new double[][] {{y[0] + 0.05}});
        float[] before = TrainerTest.flatten(net.params());
        History h = new Trainer(TrainOptions.builder().loss(Loss.SSE.withTolerance(0.1)).eta(0.5).epochs(3).build())
                .fit(net, d);
        assertEquals(0, h.finalTrainError());
        assertArrayEquals(before, TrainerTest.flatten(net.params()));
        var e = assertThrows(IllegalArgumentException.class, () -> Loss.CE.withTolerance(0.1));
        assertTrue(e.getMessage().contains("cross-entropy"), e.getMessage());
    }

    @Test
    void fullBatchRulesNeedBatchMode() {
        var e = assertThrows(IllegalArgumentException.class, () -> TrainOptions.builder()
                .rule(LearningRules.parse("SCG").rule()).mode(Mode.ONLINE).build());
        assertTrue(e.getMessage().contains("whole training set"), e.getMessage());
    }

    @Test
    void scgThroughTheTrainerReachesLowerErrorThanGradientDescentInFiftyEpochs() {
        FeedForward a = FeedForward.create(NetworkSpec.parse("2:3:1", "logistic"), 3);
        FeedForward b = FeedForward.create(NetworkSpec.parse("2:3:1", "logistic"), 3);
        double scg = new Trainer(TrainOptions.builder().learn(LearningRules.parse("SCG")).epochs(50).build())
                .fit(a, TrainerTest.XOR).finalTrainError();
        double gd = new Trainer(TrainOptions.builder().eta(2).epochs(50).build()).fit(b, TrainerTest.XOR)
                .finalTrainError();
        assertTrue(scg < gd / 2, "SCG " + scg + " vs gradient descent " + gd);
    }
}
