package org.neurona.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The values the commands write into CSV (cluster --assign, autoencode --codes, hopfield --out, predict). */
class CsvTextTest {

    @Test
    void numbersAreTheShortestTextThatReadsBack() {
        assertEquals("3", CsvText.number(3f));
        assertEquals("-2", CsvText.number(-2f));
        assertEquals(1.5f, Float.parseFloat(CsvText.number(1.5f)));
        assertEquals(0.1f, Float.parseFloat(CsvText.number(0.1f)));
        assertEquals("1.0E-5", CsvText.number(1e-5f));
    }

    @Test
    void fieldsAreQuotedWhenTheyHoldASeparatorAQuoteOrALineBreak() {
        assertEquals("setosa", CsvText.quote("setosa"));
        assertEquals("\"a,b\"", CsvText.quote("a,b"));
        assertEquals("\"a;b\"", CsvText.quote("a;b"));
        assertEquals("\"a\tb\"", CsvText.quote("a\tb"));
        assertEquals("\"two\nlines\"", CsvText.quote("two\nlines"));
        assertEquals("\"say \"\"hi\"\"\"", CsvText.quote("say \"hi\""));
    }
}
