package org.neurona.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.neurona.data.Dataset;
import org.neurona.net.Autoencoder;

class AutoencoderExampleTest {

    @Test
    void encoderProblemReconstructsEveryPatternThroughEightDistinctCodes() {
        Dataset data = AutoencoderExample.oneHot8();
        Autoencoder ae = AutoencoderExample.train();
        float[] y = ae.reconstruct(data.x(), 8);
        for (int i = 0; i < 64; i++) assertEquals(data.x()[i], Math.round(y[i]), "value " + i + ": " + y[i]);
        assertTrue(ae.reconstructionMse(data) < 0.001, "MSE " + ae.reconstructionMse(data));
        float[] codes = ae.encode(data.x(), 8);
        Set<Integer> corners = new HashSet<>();
        for (int r = 0; r < 8; r++) {
            int corner = 0;
            for (int j = 0; j < 3; j++) corner = 2 * corner + Math.round(codes[r * 3 + j]);
            corners.add(corner);
        }
        assertEquals(8, corners.size(), "rounded codes of the eight patterns");
    }
}
