package org.neurona.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The allocation check bites: code that allocates on every call is reported, however little. */
class AllocationsTest {
    private static volatile Object sink;

    @Test
    void aCallThatAllocatesALotIsReported() {
        long bytes = Allocations.steadyBytes(() -> sink = new byte[1024], 2_000);
        assertTrue(bytes >= 1024, "measured " + bytes + " bytes for a call that allocates 1 KB");
    }

    @Test
    void aCallThatAllocatesALittleIsReported() {
        // under NOTHING per call, so it settles, but the window adds it up
        long bytes = Allocations.steadyBytes(() -> sink = new Object(), 2_000);
        assertTrue(bytes >= Allocations.NOTHING, "measured " + bytes + " bytes for a call that allocates an object");
    }

    @Test
    void whatAWorkerThreadAllocatesCounts() {
        try (org.neurona.math.Parallel two = new org.neurona.math.Parallel(2)) {
            java.util.function.IntConsumer onWorkersOnly = p -> {
                if (Thread.currentThread().getName().startsWith("neurona-worker-")) sink = new Object();
            };
            long bytes = Allocations.steadyBytes(() -> two.forEachPart(2, onWorkersOnly), 20_000);
            assertTrue(bytes >= Allocations.NOTHING, "measured " + bytes + " bytes for a worker that allocates");
        }
    }

    @Test
    void aCallThatAllocatesNothingSettles() {
        int[] counter = new int[1];
        long bytes = Allocations.steadyBytes(() -> counter[0]++, 100_000);
        assertTrue(bytes < Allocations.NOTHING, "measured " + bytes + " bytes for a call that allocates nothing");
    }
}
