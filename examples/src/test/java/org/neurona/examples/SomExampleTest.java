package org.neurona.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.neurona.data.Dataset;
import org.neurona.net.competitive.Som;
import org.neurona.net.competitive.SomResult;

class SomExampleTest {

    @Test
    void mapUnfoldsOverTheSquare() {
        Dataset data = SomExample.square(1000, 17);
        Som som = SomExample.train(data);
        double near = SomExample.meanDistance(som, 1, 1), far = SomExample.meanDistance(som, 3, Integer.MAX_VALUE);
        assertTrue(near < 0.5 * far, "neighbours " + near + ", 3+ steps apart " + far);
        SomResult r = som.evaluate(data);
        assertTrue(r.clusters().quantizationError() < 0.1, "quantisation error " + r.clusters().quantizationError());
        assertTrue(r.topographicError() < 0.05, "topographic error " + r.topographicError());
        assertEquals(0, r.clusters().deadUnits());
    }

    @Test
    void uMatrixOfTheBlobsHasRidges() {
        Som som = SomExample.train(CompetitiveExample.blobs().data());
        double[] u = Arrays.stream(som.uMatrix()).flatMapToDouble(Arrays::stream).toArray();
        double min = Arrays.stream(u).min().orElseThrow(), max = Arrays.stream(u).max().orElseThrow();
        assertTrue(max >= 3 * min, "U-matrix from " + min + " to " + max);
    }
}
