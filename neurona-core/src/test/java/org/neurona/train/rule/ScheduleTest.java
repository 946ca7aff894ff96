package org.neurona.train.rule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.neurona.layer.Param;

class ScheduleTest {

    @Test
    void stepDecayDropsEveryNEpochs() {
        Schedule s = new Schedule.Step(10, 0.5);
        assertEquals(0.4, s.eta(1, 0.4), 1e-15);
        assertEquals(0.4, s.eta(10, 0.4), 1e-15);
        assertEquals(0.2, s.eta(11, 0.4), 1e-15);
        assertEquals(0.1, s.eta(21, 0.4), 1e-15);
    }

    @Test
    void exponentialDecay() {
        Schedule s = new Schedule.Exponential(0.9);
        assertEquals(0.1, s.eta(1, 0.1), 1e-15);
        assertEquals(0.09, s.eta(2, 0.1), 1e-15);
        assertEquals(0.1 * Math.pow(0.9, 9), s.eta(10, 0.1), 1e-15);
    }

    @Test
    void cosineGoesFromEta0ToEtaMinInTEpochs() {
        // T = 100: epoch 1 -> eta0, epoch 51 -> (eta0 + etaMin) / 2, epoch 101 and later -> etaMin.
        Schedule s = new Schedule.Cosine(100, 0.001);
        assertEquals(0.1, s.eta(1, 0.1), 1e-15);
        assertEquals(0.0505, s.eta(51, 0.1), 1e-12);
        assertEquals(0.001, s.eta(101, 0.1), 1e-15);
        assertEquals(0.001, s.eta(500, 0.1), 1e-15);
        // epoch 26: etaMin + (eta0 - etaMin) (1 + cos(pi / 4)) / 2 = 0.001 + 0.099 * 0.8535534 = 0.0855018
        assertEquals(0.0855018, s.eta(26, 0.1), 1e-7);
    }

    @Test
    void drivesAnOptimizerThroughLearningRate() {
        // The trainer's loop: optimizer.learningRate(schedule.eta(e, rule.learningRate())) each epoch.
        Param p = Param.of("w", new float[] {0}, true);
        Sgd rule = new Sgd(0.4, 0);
        Optimizer sgd = rule.create(List.of(p));
        Schedule s = Schedule.parse("step:1:0.5");
        float w = 0;
        for (int epoch = 1; epoch <= 3; epoch++) {
            sgd.learningRate(s.eta(epoch, rule.learningRate()));
            p.grad()[0] = 1;
            sgd.step();
            w -= (float) (0.4 * Math.pow(0.5, epoch - 1)); // 0.4, 0.2, 0.1
            assertEquals(w, p.value()[0], 1e-7);
        }
        assertTrue(Schedule.appliesTo(rule));
        assertFalse(Schedule.appliesTo(new Rprop()));
        assertFalse(Schedule.appliesTo(new Scg()));
    }

    @Test
    void parsesNamesCaseInsensitively() {
        assertEquals(new Schedule.Constant(), Schedule.parse("Constant"));
        assertEquals(new Schedule.Step(10, 0.5), Schedule.parse("STEP:10:0.5"));
        assertEquals(new Schedule.Exponential(0.95), Schedule.parse("exp:0.95"));
        assertEquals(new Schedule.Exponential(0.95), Schedule.parse("exponential:0.95"));
        assertEquals(new Schedule.Cosine(100, 0), Schedule.parse("cosine:100"));
        assertEquals(new Schedule.Cosine(100, 1e-4), Schedule.parse("cosine:100:0.0001"));
        assertEquals("step:10:0.5", Schedule.parse("step:10:0.5").name());
    }

    @Test
    void rejectsBadSpecsWithMessages() {
        assertMessage("unknown learning-rate schedule 'linear'", () -> Schedule.parse("linear"));
        assertMessage("has 1 parameters, expected 2", () -> Schedule.parse("step:10"));
        assertMessage("not a number", () -> Schedule.parse("exp:fast"));
        assertMessage("gamma must be in (0, 1], got 1.5", () -> Schedule.parse("exp:1.5"));
        assertMessage("epochs between drops must be >= 1, got 0", () -> new Schedule.Step(0, 0.5));
        assertMessage("epochs count from 1, got 0", () -> new Schedule.Constant().eta(0, 0.1));
        assertMessage("empty spec", () -> Schedule.parse(" "));
    }

    private static void assertMessage(String expected, org.junit.jupiter.api.function.Executable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
