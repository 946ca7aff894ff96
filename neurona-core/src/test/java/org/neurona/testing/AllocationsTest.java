package org.neurona.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The allocation check bites: code that allocates on every call never counts as settled. */
class AllocationsTest {
    private static volatile Object sink;

    @Test
    void aCallThatAllocatesIsReported() {
        long bytes = Allocations.steadyBytesPerCall(() -> sink = new byte[1024], 2_000);
        assertTrue(bytes >= 1024, "measured " + bytes + " bytes for a call that allocates 1 KB");
    }

    @Test
    void aCallThatAllocatesNothingSettles() {
        int[] counter = new int[1];
        long bytes = Allocations.steadyBytesPerCall(() -> counter[0]++, 100_000);
        assertTrue(bytes < Allocations.NOTHING, "measured " + bytes + " bytes for a call that allocates nothing");
    }
}
