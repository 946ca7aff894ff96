package org.neurona.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.neurona.data.Dataset;
import org.neurona.layer.Param;
import org.neurona.loss.Loss;
import org.neurona.net.FeedForward;
import org.neurona.net.NetworkSpec;
import org.neurona.train.rule.LearningRule;
import org.neurona.train.rule.Optimizer;
import org.neurona.train.rule.Sgd;

/** The small-net online path does exactly what the generic batch path does with batches of one. */
class SmallNetOnlineTest {

    /** Sgd behind another type, so the trainer takes the generic path. */
    record Generic(Sgd sgd) implements LearningRule {
        public String name() { return sgd.name(); }
        public double learningRate() { return sgd.eta(); }
        public Optimizer create(List<Param> params) { return sgd.create(params); }
    }

    private static float[] train(String layers, String act, Loss loss, LearningRule rule, double lambda, Dataset d) {
        FeedForward net = FeedForward.create(NetworkSpec.parse(layers, act), 3);
        TrainOptions o = TrainOptions.builder().mode(Mode.ONLINE).rule(rule).loss(loss).lambda(lambda).epochs(40)
                .shuffle(true).seed(5).build();
        new Trainer(o).fit(net, d);
        return TrainerTest.flatten(net.params());
    }

    @Test
    void bitIdenticalToTheGenericPath() {
        Dataset d = TrainerTest.randomData(25, 3, 2, 8);
        for (Sgd sgd : new Sgd[] {new Sgd(0.3, 0), new Sgd(0.3, 0.9), new Sgd(0.1, 0.8, true)}) {
            for (double lambda : new double[] {0, 0.01}) {
                float[] fast = train("3:4:2", "tanh,logistic", Loss.SSE, sgd, lambda, d);
                float[] slow = train("3:4:2", "tanh,logistic", Loss.SSE, new Generic(sgd), lambda, d);
                assertArrayEquals(slow, fast, sgd + " lambda " + lambda);
            }
        }
        float[] fast = train("3:5:3:2", "relu,tanh,softmax", Loss.CE, new Sgd(0.1, 0.5), 0, d);
        float[] slow = train("3:5:3:2", "relu,tanh,softmax", Loss.CE, new Generic(new Sgd(0.1, 0.5)), 0, d);
        assertArrayEquals(slow, fast);
        fast = train("3:4:2", "logistic,linear", Loss.MSE, new Sgd(0.1, 0.5), 0, d);
        slow = train("3:4:2", "logistic,linear", Loss.MSE, new Generic(new Sgd(0.1, 0.5)), 0, d);
        assertArrayEquals(slow, fast);
    }

    @Test
    void appliesOnlyToOnlineSgd() {
        FeedForward net = FeedForward.create(NetworkSpec.parse("2:3:1", "logistic"), 1);
        assertTrue(SmallNetOnline.applies(net, TrainOptions.builder().mode(Mode.ONLINE).build(), 4));
        assertFalse(SmallNetOnline.applies(net, TrainOptions.builder().mode(Mode.BATCH).build(), 4));
        assertFalse(SmallNetOnline.applies(net, TrainOptions.builder().mode(Mode.ONLINE)
                .rule(new Generic(new Sgd(0.1, 0))).build(), 4));
    }
}
