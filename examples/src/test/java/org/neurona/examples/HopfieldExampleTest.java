package org.neurona.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.neurona.data.Dataset;
import org.neurona.net.hopfield.Hopfield;
import org.neurona.net.hopfield.HopfieldPatterns;
import org.neurona.net.hopfield.HopfieldSpec;

class HopfieldExampleTest {

    @Test
    void lettersResourceHoldsTwentySixFiveBySevenLetters() {
        Dataset d = HopfieldExample.letters();
        assertEquals(26, d.rows());
        assertEquals(35, d.inputs());
        // the SNNS file's A: .###. / #...# / #...# / ##### / #...# ...
        assertEquals(".###.\n#...#\n#...#\n#####\n#...#\n#...#\n#...#\n",
                HopfieldExample.draw(HopfieldExample.patterns("A").row(0)));
    }

    @Test
    void projectionRuleRecallsNoisyLettersWhereHebbFails() {
        HopfieldPatterns stored = HopfieldExample.patterns(HopfieldExample.STORED);
        double projection = HopfieldExample.recallRate(stored, HopfieldSpec.Rule.PROJECTION, 3, 200, 1);
        double hebb = HopfieldExample.recallRate(stored, HopfieldSpec.Rule.HEBB, 3, 200, 1);
        assertTrue(projection >= 0.95, "projection rule: " + projection);
        assertTrue(hebb <= 0.5, "Hebb rule: " + hebb);
        Hopfield net = Hopfield.store(HopfieldSpec.of().withRule(HopfieldSpec.Rule.PROJECTION), stored);
        for (int mu = 0; mu < stored.rows(); mu++) assertTrue(net.isFixedPoint(stored.row(mu)), "letter " + mu);
    }
}
