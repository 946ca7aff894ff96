package org.neurona.snns;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the shared SNNS example data (shared/data/snns: pattern files from RSNNS 0.4-18's
 * snnsData, the SNNS 4.3 examples; nets trained and exported with RSNNS, see its README.md).
 * Tests that need it are skipped, with a message saying why, when it is not there: the product
 * never needs it.
 */
final class SnnsTestData {
    private SnnsTestData() {}

    /** The snns data folder, or skips the calling test with a visible reason. */
    static Path dir() {
        Path here = Path.of("").toAbsolutePath();
        for (Path p = here; p != null; p = p.getParent()) {
            Path candidate = p.resolve("shared/data/snns");
            if (Files.isDirectory(candidate.resolve("pat"))) return candidate;
            candidate = p.resolve("../shared/data/snns").normalize();
            if (Files.isDirectory(candidate.resolve("pat"))) return candidate;
        }
        assumeTrue(false, "SNNS example data (../shared/data/snns) not found from " + here
                + "; skipping tests that read the real SNNS/RSNNS files");
        return null;
    }

    static Path pat(String name) {
        return dir().resolve("pat").resolve(name);
    }

    static Path net(String name) {
        return dir().resolve("net").resolve(name);
    }
}
