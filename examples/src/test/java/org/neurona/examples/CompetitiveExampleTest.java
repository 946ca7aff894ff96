package org.neurona.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neurona.net.competitive.CompetitiveResult;
import org.neurona.net.competitive.CompetitiveSpec;

class CompetitiveExampleTest {

    @Test
    void fourUnitsFindTheFourBlobs() {
        CompetitiveResult r = CompetitiveExample.cluster(CompetitiveSpec.of(4).withSeed(7), CompetitiveExample.blobs());
        assertTrue(r.purity().getAsDouble() >= 0.95, "purity " + r.purity());
        assertEquals(0, r.deadUnits());
        assertEquals(0.8 * Math.sqrt(Math.PI / 2), r.quantizationError(), 0.15);
    }

    @Test
    void conscienceAndLeakFindEveryBlobWherePlainLearningSometimesFails() {
        CompetitiveExample.Blobs b = CompetitiveExample.blobs();
        double[] plain = CompetitiveExample.purities(CompetitiveSpec.of(4).plain(), b, 50);
        double[] conscience = CompetitiveExample.purities(CompetitiveSpec.of(4), b, 50);
        double[] leak = CompetitiveExample.purities(CompetitiveSpec.of(4).plain().withLeak(0.01), b, 50);
        assertTrue(Arrays.stream(conscience).allMatch(p -> p >= 0.95), Arrays.toString(conscience));
        assertTrue(Arrays.stream(leak).allMatch(p -> p >= 0.95), Arrays.toString(leak));
        // docs/UNSUPERVISED.md: 30 of 50 plain runs reach 0.95, mean purity 0.900
        assertEquals(30, Arrays.stream(plain).filter(p -> p >= 0.95).count());
        assertEquals(0.900, Arrays.stream(plain).average().orElseThrow(), 0.0005);
    }

    @Test
    void committedBlobsFileIsTheGeneratorsOutput(@TempDir Path dir) throws IOException {
        Path committed = Path.of("data", "blobs.csv");
        Assumptions.assumeTrue(Files.exists(committed), "examples/data/blobs.csv not found from " + Path.of("").toAbsolutePath()
                + "; run the tests from the examples module");
        Path fresh = dir.resolve("blobs.csv");
        CompetitiveExample.writeCsv(CompetitiveExample.blobs(), fresh);
        assertEquals(Files.readString(fresh), Files.readString(committed));
    }
}
