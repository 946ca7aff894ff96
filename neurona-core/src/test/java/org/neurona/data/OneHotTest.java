package org.neurona.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.neurona.data.OneHot.Rule;

class OneHotTest {

    @Test
    void decodeClassLabelsExamplesOfRsnns() {
        // decodeClassLabels(c(1, 3, 2, 3)) gives rows 100 001 010 001
        OneHot numbers = OneHot.fit(new String[] {"1", "3", "2", "3"});
        assertEquals(List.of("1", "2", "3"), numbers.classes());
        assertArrayEquals(new float[] {1, 0, 0, 0, 0, 1, 0, 1, 0, 0, 0, 1}, numbers.encode(new String[] {"1", "3", "2", "3"}));
        // decodeClassLabels(c("r", "b", "b", "r", "g", "g")): levels b, g, r
        OneHot letters = OneHot.fit(new String[] {"r", "b", "b", "r", "g", "g"});
        assertEquals(List.of("b", "g", "r"), letters.classes());
        assertArrayEquals(new float[] {0, 0, 1, 1, 0, 0}, letters.encode(new String[] {"r", "b"}));
    }

    @Test
    void numericLabelsSortAsNumbersAndValuesCanBeChosen() {
        assertEquals(List.of("2", "9", "10"), OneHot.fit(new String[] {"10", "9", "2"}).classes());
        OneHot o = OneHot.of(List.of("no", "yes"));
        assertArrayEquals(new float[] {0.1f, 0.9f}, o.encode(new String[] {"yes"}, 0.9f, 0.1f));
        assertEquals("unknown class 'maybe'; expected one of [no, yes]",
                assertThrows(IllegalArgumentException.class, () -> o.indexOf("maybe")).getMessage());
    }

    @Test
    void winnerTakesAllAsAnalyzeClassification() {
        assertEquals(1, Rule.WTA.classify(new float[] {0.1f, 0.8f, 0.3f}, 0, 3));
        assertEquals(OneHot.UNCLASSIFIED, Rule.WTA.classify(new float[] {0.5f, 0.5f, 0}, 0, 3), "a tie has no winner");
        assertEquals(OneHot.UNCLASSIFIED, Rule.WTA.classify(new float[] {-0.2f, -0.5f}, 0, 2), "the winner must exceed h = 0");
        Rule margin = new Rule(OneHot.Method.WTA, 0.6, 0);
        assertEquals(OneHot.UNCLASSIFIED, margin.classify(new float[] {0.1f, 0.8f, 0.3f}, 0, 3), "0.3 is not below 0.8 - 0.6");
        assertEquals(1, margin.classify(new float[] {0.1f, 0.8f, 0.1f}, 0, 3));
        assertEquals(0, Rule.ARGMAX.classify(new float[] {0.5f, 0.5f}, 0, 2), "argmax takes the first on ties");
    }

    @Test
    void rule402040() {
        assertEquals(1, Rule.R402040.classify(new float[] {0.1f, 0.7f, 0.3f}, 0, 3));
        assertEquals(OneHot.UNCLASSIFIED, Rule.R402040.classify(new float[] {0.1f, 0.7f, 0.5f}, 0, 3), "0.5 is above l = 0.4");
        assertEquals(OneHot.UNCLASSIFIED, Rule.R402040.classify(new float[] {0.65f, 0.7f, 0}, 0, 3), "two outputs >= h");
        assertEquals(OneHot.UNCLASSIFIED, Rule.R402040.classify(new float[] {0.5f, 0.5f, 0.5f}, 0, 3), "none >= h");
        assertEquals(0, Rule.R402040.classify(new float[] {0.6f}, 0, 1), "a single output unit");
    }

    @Test
    void decodeRowsAndParseRules() {
        float[] y = {0.9f, 0.1f, 0.2f, 0.3f, 0.5f, 0.5f};
        assertArrayEquals(new int[] {0, 1, OneHot.UNCLASSIFIED}, OneHot.decode(y, 3, 2, Rule.WTA));
        assertEquals(Rule.R402040, Rule.parse("402040"));
        assertEquals(new Rule(OneHot.Method.WTA, 0.1, 0.5), Rule.parse("wta:0.1:0.5"));
        assertEquals("unknown decision rule 'best'; expected wta[:l:h], 402040[:l:h] or argmax",
                assertThrows(IllegalArgumentException.class, () -> Rule.parse("best")).getMessage());
        assertEquals("5 rows of 2 outputs need 10 values, got 6",
                assertThrows(IllegalArgumentException.class, () -> OneHot.decode(y, 5, 2, Rule.WTA)).getMessage());
    }

    @Test
    void datasetCarriesTheClassNames() {
        OneHot o = OneHot.of(List.of("a", "b"));
        Dataset d = o.dataset(new float[] {1, 2}, 1, new String[] {"b", "a"}, "t");
        assertEquals(List.of("a", "b"), d.classes());
        assertArrayEquals(new float[] {0, 1, 1, 0}, d.b());
    }
}
