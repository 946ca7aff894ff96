package org.neurona.snns;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.neurona.data.Dataset;
import org.neurona.layer.Init;
import org.neurona.net.FeedForward;
import org.neurona.net.NetworkSpec;
import org.neurona.snns.SnnsNet.Link;
import org.neurona.snns.SnnsNet.Unit;

/**
 * SNNS nets to neurona feed-forward nets and back. The example nets (shared/data/snns/net, see its
 * README) were trained with RSNNS 0.4-18 and written by the SNNS kernel's net writer:
 * xor_mlp_2-2-1.net on xor.pat (BackpropMomentum), encoder_mlp_8-3-8.net on encoder.pat (Rprop).
 * The act column of each file holds the activations SNNS computed for the last training pattern:
 * an independent reference for the forward pass and the bias convention.
 */
class SnnsFeedForwardTest {

    private static SnnsNet net(String name) throws IOException {
        return SnnsNetFile.read(SnnsTestData.net(name));
    }

    private static Dataset pat(String name) throws IOException {
        return SnnsPatternFile.readDataset(SnnsTestData.pat(name));
    }

    @Test
    void importedXorNetReproducesXor() throws IOException {
        SnnsNet snns = net("xor_mlp_2-2-1.net");
        FeedForward ff = SnnsFeedForward.toFeedForward(snns);
        assertArrayEquals(new int[] {2, 2, 1}, ff.spec().sizes());
        assertEquals(List.of("logistic", "logistic"), ff.spec().names());
        Dataset xor = pat("xor.pat");
        float[] y = ff.predict(xor.x(), xor.rows());
        for (int r = 0; r < xor.rows(); r++) {
            assertEquals(xor.b()[r], y[r], 0.05, "pattern " + (r + 1) + " of xor.pat");
        }
        // the last pattern (1, 1): SNNS stored its output activation with 5 decimals
        assertEquals(snns.unit(5).act(), y[3], 1e-4);
    }

    @Test
    void importedEncoderReproducesTheEncoder() throws IOException {
        SnnsNet snns = net("encoder_mlp_8-3-8.net");
        FeedForward ff = SnnsFeedForward.toFeedForward(snns);
        assertArrayEquals(new int[] {8, 3, 8}, ff.spec().sizes());
        Dataset enc = pat("encoder.pat");
        float[] y = ff.predict(enc.x(), enc.rows());
        for (int r = 0; r < enc.rows(); r++) {
            int best = 0;
            for (int o = 1; o < 8; o++) if (y[r * 8 + o] > y[r * 8 + best]) best = o;
            assertEquals(1f, enc.b()[r * 8 + best], "pattern " + (r + 1) + ": the winner is the target unit");
        }
        // last pattern (input unit 8 on): the output activations SNNS stored
        for (int o = 0; o < 8; o++) {
            assertEquals(snns.unit(12 + o).act(), y[7 * 8 + o], 2e-4, "output unit " + (12 + o));
        }
    }

    @Test
    void importPredictEqualsExportImportPredict() throws IOException {
        for (String name : List.of("xor_mlp_2-2-1.net", "encoder_mlp_8-3-8.net")) {
            FeedForward ff = SnnsFeedForward.toFeedForward(net(name));
            String text = SnnsNetFile.format(SnnsFeedForward.toSnns(ff, "again"), "now", SnnsNetFile.SNNS_DECIMALS);
            FeedForward back = SnnsFeedForward.toFeedForward(SnnsNetFile.parse(text, name));
            Dataset d = pat(name.startsWith("xor") ? "xor.pat" : "encoder.pat");
            assertArrayEquals(ff.predict(d.x(), d.rows()), back.predict(d.x(), d.rows()), name);
            for (int l = 0; l < ff.layers().size(); l++) {
                assertArrayEquals(ff.layers().get(l).weights(), back.layers().get(l).weights(), name + " W" + (l + 1));
                assertArrayEquals(ff.layers().get(l).biases(), back.layers().get(l).biases(), name + " b" + (l + 1));
            }
        }
    }

    @Test
    void exportWritesWhatRsnnsWrites() throws IOException {
        SnnsNet snns = SnnsFeedForward.toSnns(SnnsFeedForward.toFeedForward(net("xor_mlp_2-2-1.net")), "xor_mlp");
        SnnsNet orig = net("xor_mlp_2-2-1.net");
        assertEquals(orig.links().size(), snns.links().size());
        for (int k = 0; k < orig.links().size(); k++) {
            Link a = orig.links().get(k), b = snns.links().get(k);
            assertEquals(a.target(), b.target(), "same links, same order (highest source first)");
            assertEquals(a.source(), b.source(), "same links, same order (highest source first)");
            assertEquals(a.weight(), b.weight(), 1e-6, "weights pass through float");
        }
        for (int u = 3; u <= 5; u++) {
            assertEquals(orig.unit(u).bias(), snns.unit(u).bias(), 1e-6);
            assertEquals(orig.unit(u).role(), snns.unit(u).role());
            assertEquals(orig.unit(u).actFunc(), snns.unit(u).actFunc());
        }
        assertEquals("Hidden_2_1", snns.unit(3).name());
        assertEquals("Output_1", snns.unit(5).name());
    }

    @Test
    void aNeuronaNetSurvivesTheTripThroughSnns() {
        NetworkSpec spec = new NetworkSpec(new int[] {3, 4, 2}, List.of(
                org.neurona.activation.Activations.parse("tanh:0.5"),
                org.neurona.activation.Activations.parse("linear")), true, Init.LECTURE);
        FeedForward ff = FeedForward.create(spec, 7);
        SnnsNet snns = SnnsFeedForward.toSnns(ff, "mine");
        assertEquals("Act_TanH", snns.unit(4).actFunc());
        assertEquals("Act_IdentityPlusBias", snns.unit(8).actFunc());
        FeedForward back = SnnsFeedForward.toFeedForward(SnnsNetFile.parse(SnnsNetFile.format(snns, "now", 9), "mine.net"));
        assertEquals(List.of("tanh", "linear"), back.spec().names(), "the slope 0.5 moved into the weights");
        float[] x = {0.2f, -1f, 0.7f, 1f, 1f, -0.5f};
        float[] a = ff.predict(x, 2), b = back.predict(x, 2);
        for (int i = 0; i < a.length; i++) assertEquals(a[i], b[i], 1e-6);
    }

    @Test
    void actIdentityIgnoresTheBias() throws IOException {
        // eight_elman_2-5-2.net: the output units use Act_Identity with biases 1.11 and 0.91; the
        // stored output activation is the weighted sum of the stored hidden activations alone
        SnnsNet elman = net("eight_elman_2-5-2.net");
        for (int out = 8; out <= 9; out++) {
            double sum = 0;
            for (Link l : elman.linksTo(out)) sum += l.weight() * elman.unit(l.source()).act();
            assertEquals(elman.unit(out).act(), sum, 2e-5, "unit " + out);
            assertTrue(Math.abs(elman.unit(out).act() - (sum + elman.unit(out).bias())) > 0.5);
        }
        // and the tiny net built from it imports with b = 0
        List<Unit> units = List.of(Unit.of(1, "in", "i", 5, "Act_Identity", 1, 0),
                Unit.of(2, "out", "o", 3, "Act_Identity", 1, 2));
        FeedForward ff = SnnsFeedForward.toFeedForward(SnnsNet.of("lin", "", units, List.of(new Link(2, "", 1, 2))));
        assertEquals(4f, ff.predict(new float[] {2})[0]);
    }

    @Test
    void elliottIsSoftsignWhereTheBuildHasIt() {
        // SNNS's Act_Elliott: s = net + bias, a = s / (1 + |s|)
        List<Unit> units = List.of(Unit.of(1, "in", "i", 0, "Act_Identity", 1, 0),
                Unit.of(2, "out", "o", 0.5, "Act_Elliott", 1, 2));
        SnnsNet n = SnnsNet.of("e", "", units, List.of(new Link(2, "", 1, 2)));
        FeedForward ff;
        try {
            ff = SnnsFeedForward.toFeedForward(n);
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage().startsWith("SNNS net 'e': layer 1 uses Act_Elliott, which maps to neurona's"
                    + " 'softsign'; this build has no such activation"), e.getMessage());
            return;
        }
        double s = 2 * 1.5 + 0.5;
        assertEquals(s / (1 + s), ff.predict(new float[] {1.5f})[0], 1e-6);
        assertEquals("Act_Elliott", SnnsFeedForward.toSnns(ff, "e").unit(2).actFunc());
    }

    // ---- nets that are not feed-forward: what the user is told ----

    private static String error(SnnsNet n) {
        return assertThrows(IllegalArgumentException.class, () -> SnnsFeedForward.toFeedForward(n)).getMessage();
    }

    @Test
    void recurrentAndSpecialNetsAreRefused() throws IOException {
        assertEquals("SNNS net 'eight_elman': unit 10 'con1' has role (st) 'sh' (special, e.g. an Elman/Jordan context"
                + " unit); a feed-forward net has input (i), hidden (h) and output (o) units only", error(net("eight_elman_2-5-2.net")));
        assertEquals("SNNS net 'cube_som': unit 4 has activation function Act_Euclid; neurona imports [Act_Elliott,"
                + " Act_Identity, Act_IdentityPlusBias, Act_Logistic, Act_TanH]", error(net("cube_som_3x3.net")));
        assertTrue(error(net("letters_art1_7x5.net")).startsWith("SNNS net 'letters_art1': unit "), "sites or special units");
    }

    @Test
    void shortcutsAndMixedLayersAreRefused() {
        List<Unit> units = List.of(Unit.of(1, "a", "i", 0, "Act_Identity", 1, 0), Unit.of(2, "h", "h", 0, "Act_Logistic", 1, 2),
                Unit.of(3, "o", "o", 0, "Act_Logistic", 1, 4), Unit.of(4, "o2", "o", 0, "Act_TanH", 2, 4));
        SnnsNet shortcut = SnnsNet.of("s", "", units.subList(0, 3),
                List.of(new Link(2, "", 1, 1), new Link(3, "", 2, 1), new Link(3, "", 1, 1)));
        assertEquals("SNNS net 's': link 1 -> 3 goes from layer 0 to layer 2 (a shortcut connection);"
                + " neurona's Dense layers connect consecutive layers only", error(shortcut));
        SnnsNet mixed = SnnsNet.of("m", "", units,
                List.of(new Link(2, "", 1, 1), new Link(3, "", 2, 1), new Link(4, "", 2, 1)));
        assertEquals("SNNS net 'm': layer 2 mixes Act_Logistic (unit 3) and Act_TanH (unit 4);"
                + " neurona's Dense layers have one activation function each", error(mixed));
    }

    @Test
    void reluHasNoSnnsCounterpart() {
        FeedForward ff = FeedForward.create(NetworkSpec.parse("2:2:1", "relu,logistic"), 1);
        String msg = assertThrows(IllegalArgumentException.class, () -> SnnsFeedForward.toSnns(ff, "r")).getMessage();
        assertEquals("layer 1 uses activation relu, which has no SNNS activation function; SNNS export supports"
                + " logistic, tanh, linear and softsign layers", msg);
    }
}
