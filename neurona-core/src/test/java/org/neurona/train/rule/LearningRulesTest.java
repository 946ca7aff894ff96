package org.neurona.train.rule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.neurona.layer.Param;
import org.neurona.train.rule.LearningRules.Presentation;
import org.neurona.train.rule.LearningRules.Setup;

class LearningRulesTest {

    @Test
    void snnsBackpropagationFamily() {
        Setup std = LearningRules.parse("Std_Backpropagation:0.3:0.1");
        assertEquals(new Sgd(0.3, 0), std.rule());
        assertEquals(Presentation.ONLINE, std.presentation());
        assertEquals(0.1, std.dmax());
        assertFalse(std.averaged());

        Setup momentum = LearningRules.parse("BackpropMomentum:0.2:0.9:0.1:0.05");
        assertEquals(new Sgd(0.2, 0.9), momentum.rule());
        assertEquals(Presentation.ONLINE, momentum.presentation());
        assertEquals(0.1, momentum.flatSpot(), "flat-spot c goes to the trainer");
        assertEquals(0.05, momentum.dmax());

        Setup batch = LearningRules.parse("BackpropBatch:0.5");
        assertEquals(new Sgd(0.5, 0), batch.rule());
        assertEquals(Presentation.BATCH, batch.presentation());
        assertTrue(batch.averaged(), "SNNS divides eta by the number of patterns");

        Setup chunk = LearningRules.parse("BackpropChunk:0.2:0:8");
        assertEquals(Presentation.CHUNK, chunk.presentation());
        assertEquals(8, chunk.chunkSize());
        assertTrue(chunk.averaged());
        assertEquals(1, LearningRules.parse("BackpropChunk:0.2:0:0").chunkSize(), "SNNS's N = 0 updates every pattern");
    }

    @Test
    void rsnnsDefaultsForMissingParameters() {
        // RSNNS passes learnFuncParams = c(0.2, 0) padded with zeros.
        Setup std = LearningRules.parse("Std_Backpropagation");
        assertEquals(new Sgd(0.2, 0), std.rule());
        assertEquals(0, std.dmax());
        assertEquals("Std_Backpropagation:0.2:0.0", std.spec());
        assertEquals(new Sgd(0.2, 0), LearningRules.parse("BackpropMomentum").rule());
    }

    @Test
    void snnsWeightDecayIsExact() {
        // SNNS: w(t+1) = w - eta dE/dw - d w. eta = 0.2, d = 0.01, w = 1, dE/dw = 0.5: 1 - 0.1 - 0.01 = 0.89.
        Setup setup = LearningRules.parse("BackpropWeightDecay:0.2:0.01");
        assertEquals(Presentation.ONLINE, setup.presentation());
        Param p = Param.of("w", new float[] {1}, true);
        Param bias = Param.of("b", new float[] {-1}, false);
        Optimizer optimizer = setup.rule().create(List.of(p, bias));
        p.grad()[0] = 0.5f;
        optimizer.step();
        assertEquals(0.89f, p.value()[0], 1e-7);
        assertEquals(-0.99f, bias.value()[0], 1e-7, "SNNS decays biases too");
        assertEquals(0.2, setup.rule().learningRate());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LearningRules.parse("BackpropWeightDecay:0.2:0.01:0.001"));
        assertTrue(e.getMessage().contains("does not prune"), e.getMessage());
    }

    @Test
    void rpropQuickpropScgWithSnnsConventions() {
        assertEquals(new Rprop(0.1, 50, 0), LearningRules.parse("Rprop").rule());
        assertEquals(new Rprop(0.1, 50, 0), LearningRules.parse("Rprop:0:0:0").rule(), "0 means the default");
        assertEquals(new Rprop(0.05, 10, 4), LearningRules.parse("rprop:0.05:10:4").rule());
        assertEquals(new Rprop(10, 10, 0), LearningRules.parse("Rprop:20:10").rule(), "delta0 capped at deltamax");
        assertEquals(Presentation.BATCH, LearningRules.parse("RPROP").presentation());

        Setup quickprop = LearningRules.parse("Quickprop:0.1:2:0.0001:0.1");
        assertEquals(new Quickprop(0.1, 2, 0.0001), quickprop.rule());
        assertEquals(0.1, quickprop.flatSpot(), "SNNS's Quickprop adds 0.1 to f'(net)");
        assertEquals(0.1, quickprop.dmax());
        assertEquals(new Quickprop(0.2, 1.75, 0.0001), LearningRules.parse("quickprop").rule());

        Setup scg = LearningRules.parse("SCG:0:0:0.1:0");
        assertEquals(new Scg(1e-4, 1e-6, 1e-8), scg.rule());
        assertEquals(0.1, scg.dmax());
        assertTrue(scg.rule() instanceof FullBatchRule);

        assertEquals(new IRpropPlus(0.1, 50), LearningRules.parse("iRprop+").rule());
        assertEquals(new IRpropPlus(0.05, 20), LearningRules.parse("irprop+:0.05:20").rule());
    }

    @Test
    void neuronaNames() {
        assertEquals(new Sgd(0.1, 0), LearningRules.parse("sgd").rule());
        assertEquals(new Sgd(0.5, 0.9), LearningRules.parse("SGD:0.5:0.9").rule());
        assertEquals(new Sgd(0.1, 0.9), LearningRules.parse("momentum").rule());
        assertEquals(new Sgd(0.1, 0.9, true), LearningRules.parse("Nesterov").rule());
        assertEquals(new Adam(0.001, 0.9, 0.999, 1e-8), LearningRules.parse("adam").rule());
        assertEquals(new Adam(0.01, 0.8, 0.99, 1e-8), LearningRules.parse("Adam:0.01:0.8:0.99").rule());
        assertEquals(new RmsProp(0.001, 0.9, 1e-8), LearningRules.parse("rmsprop").rule());
        assertEquals(new AdaGrad(0.01, 1e-10), LearningRules.parse("AdaGrad").rule());
        assertEquals(new Rprop(0.1, 40, 0), LearningRules.parse("rprop::40").rule(), "an empty field keeps the default");
        assertEquals(Presentation.ANY, LearningRules.parse("adam").presentation());
        assertTrue(LearningRules.names().containsAll(List.of("Rprop", "SCG", "BackpropChunk", "irprop+", "adam")));
    }

    @Test
    void everyRuleNameParsesBackToTheSameRule() {
        // Model files and logs store rule.name(); parsing it must give the rule back.
        List<LearningRule> rules = List.of(new Sgd(0.3, 0.5), new Sgd(0.3, 0.5, true), new Rprop(0.05, 20, 4),
                new IRpropPlus(0.2, 30), new Quickprop(0.3, 2, 0.001), new Scg(5e-5, 5e-7, 1e-6),
                new Adam(0.01, 0.8, 0.99, 1e-7), new RmsProp(0.02, 0.95, 1e-6), new AdaGrad(0.2, 1e-9),
                LearningRules.parse("BackpropWeightDecay:0.2:0.01").rule());
        for (LearningRule rule : rules) {
            assertEquals(rule, LearningRules.parse(rule.name()).rule(), rule.name());
        }
    }

    @Test
    void unknownNameSuggestsTheClosest() {
        assertMessage("unknown learning rule 'Rpop', did you mean 'Rprop'?", "Rpop");
        assertMessage("did you mean 'Quickprop'?", "quikprop");
        assertMessage("did you mean 'BackpropMomentum'?", "BackpropMomentun");
        assertMessage("did you mean 'adam'?", "adma");
    }

    @Test
    void badParametersAreNamed() {
        assertMessage("'sgd:0.1:0.9:3' has 3 parameters, sgd takes at most 2: eta:alpha", "sgd:0.1:0.9:3");
        assertMessage("parameter alpha = 'high' is not a number", "momentum:0.1:high");
        assertMessage("learning rate eta must be positive", "sgd:-0.1");
        assertMessage("momentum alpha must be in [0, 1), got 1.0", "BackpropMomentum:0.2:1");
        assertMessage("must be finite", "adam:Infinity");
        assertMessage("empty spec", "");
        assertEquals(2, LearningRules.editDistance("adma", "adam"));
    }

    private static void assertMessage(String expected, String spec) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LearningRules.parse(spec));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
