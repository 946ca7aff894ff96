package org.neurona.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import org.junit.jupiter.api.Test;

class FashionMnistExampleTest {
    @Test
    void aSubsetTrainsTo80PercentInThreeEpochs() throws IOException {
        assumeTrue(FashionMnistExample.available(FashionMnistExample.DEFAULT_DIR),
                "Fashion-MNIST is not installed in " + FashionMnistExample.DEFAULT_DIR
                        + " (Debian package dataset-fashion-mnist); skipping the Fashion-MNIST example");
        FashionMnistExample.Outcome o = FashionMnistExample.run(FashionMnistExample.DEFAULT_DIR, 10000, 2000, 3);
        assertEquals(10000, o.trainImages());
        assertEquals(2000, o.testImages());
        assertEquals(2000, o.confusion().total());
        assertTrue(o.accuracy() >= 0.80, "accuracy " + o.accuracy());
        assertEquals(3, o.history().epochSeconds().size());
        for (double s : o.history().epochSeconds()) assertTrue(s > 0, "epoch time " + s);
        // TOUR.md section 5 states this (seed 1, two threads)
        assertEquals(0.8425, o.accuracy(), 5e-4);
    }
}
