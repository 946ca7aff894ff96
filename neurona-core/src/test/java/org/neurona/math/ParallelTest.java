package org.neurona.math;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.function.IntConsumer;
import org.junit.jupiter.api.Test;

/** The worker pool: every part once, on a fixed thread, exceptions passed on, no allocation per call. */
class ParallelTest {

    @Test
    void partsAreConsecutiveNearlyEqualRangesOnAlignedBoundaries() {
        // 45 rows in two parts: 22 + 23; 10 in three: 3 + 3 + 4
        assertArrayEquals(new long[] {0, 22, 45}, starts(45, 2, 1));
        assertArrayEquals(new long[] {0, 3, 6, 10}, starts(10, 3, 1));
        // aligned to 8 inside, the ends exact: 100 columns as 48 + 52, 20 as 0 + 20
        assertArrayEquals(new long[] {0, 48, 100}, starts(100, 2, 8));
        assertArrayEquals(new long[] {0, 0, 20}, starts(20, 2, 16));
        // beyond int range, as the optimiser's parameter count may be
        assertArrayEquals(new long[] {0, 3_000_000_000L, 6_000_000_001L}, starts(6_000_000_001L, 2, 8));
    }

    private static long[] starts(long total, int parts, int align) {
        long[] s = new long[parts + 1];
        for (int p = 0; p <= parts; p++) s[p] = Parallel.partStart(total, p, parts, align);
        return s;
    }

    @Test
    void everyPartRunsOnceOnThreadPartModThreads() {
        try (Parallel par = new Parallel(3)) {
            for (int parts : new int[] {2, 3, 7}) {
                for (int round = 0; round < 50; round++) {
                    AtomicIntegerArray runs = new AtomicIntegerArray(parts);
                    String[] thread = new String[parts];
                    String caller = Thread.currentThread().getName();
                    par.forEachPart(parts, p -> {
                        runs.incrementAndGet(p);
                        thread[p] = Thread.currentThread().getName();
                    });
                    for (int p = 0; p < parts; p++) {
                        assertEquals(1, runs.get(p), "part " + p + " of " + parts);
                        assertEquals(p % 3 == 0 ? caller : "neurona-worker-" + (p % 3), thread[p], "part " + p);
                    }
                }
            }
        }
    }

    @Test
    void theFirstExceptionOfAPartIsRethrownAndThePoolStillWorks() {
        try (Parallel par = new Parallel(2)) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> par.forEachPart(2, p -> {
                if (p == 1) throw new IllegalStateException("part 1 failed");
            }));
            assertEquals("part 1 failed", e.getMessage());
            int[] out = new int[2];
            par.forEachPart(2, p -> out[p] = p + 10);
            assertArrayEquals(new int[] {10, 11}, out);
        }
    }

    @Test
    void aNestedCallRunsItsPartsOnItsOwnThread() {
        try (Parallel par = new Parallel(2)) {
            String[][] inner = new String[2][2];
            par.forEachPart(2, p -> par.forEachPart(2, q -> inner[p][q] = Thread.currentThread().getName()));
            for (int p = 0; p < 2; p++) assertSame(inner[p][0], inner[p][1], "outer part " + p);
            assertEquals("neurona-worker-1", inner[1][0]);
        }
    }

    @Test
    void aCallAllocatesNothingOnTheCallingThread() {
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        org.junit.jupiter.api.Assumptions.assumeTrue(mx instanceof com.sun.management.ThreadMXBean,
                "this JVM cannot count allocated bytes per thread; allocation check skipped");
        com.sun.management.ThreadMXBean bytes = (com.sun.management.ThreadMXBean) mx;
        long self = Thread.currentThread().getId();
        float[] out = new float[2];
        IntConsumer body = p -> out[p] += 1f;
        try (Parallel par = new Parallel(2)) {
            for (int r = 0; r < 2000; r++) par.forEachPart(2, body);
            long before = bytes.getThreadAllocatedBytes(self);
            for (int r = 0; r < 2000; r++) par.forEachPart(2, body);
            long after = bytes.getThreadAllocatedBytes(self);
            // the executor this replaced allocated about 170 bytes per call: 2000 calls would be 340 KB
            assertTrue(after - before < 256, "2000 forked calls allocated " + (after - before) + " bytes");
        }
        assertEquals(4000f, out[1]);
    }
}
