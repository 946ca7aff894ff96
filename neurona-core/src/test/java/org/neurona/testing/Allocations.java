package org.neurona.testing;

import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Assumptions;

/**
 * Measures what a piece of code allocates, on the calling thread and on neurona's worker threads
 * (those of every live {@code Parallel}, named {@code neurona-worker-N}), once the JIT has
 * compiled it. Other threads are left out: the test runner's own threads allocate now and then. Code that allocates nothing in
 * compiled form may still allocate while it is interpreted or compiled by C1 (the Vector API
 * boxes its vectors there), and now and then a call still allocates a little while the JIT
 * recompiles; how long that lasts depends on the machine's load. So instead of a fixed warm-up
 * the code is run in windows of {@value #WINDOW} calls until one whole window allocates nothing:
 * code that allocates even a few bytes on every call never gets such a window. Code that
 * allocates only once in more than {@value #WINDOW} calls can pass.
 */
public final class Allocations {
    private Allocations() {}

    /** Bytes below which a window counts as allocating nothing (reading the counters may box once). */
    public static final long NOTHING = 256;
    private static final int WINDOW = 1_000;

    /**
     * Calls {@code step} in windows of {@value #WINDOW} calls until one window allocates fewer
     * than {@link #NOTHING} bytes on the calling thread and the worker threads alive now, or
     * about {@code maxCalls} calls were made; returns the fewest bytes a window allocated, less
     * what reading the counters allocates. Skips the test on a JVM that cannot count allocated
     * bytes per thread.
     */
    public static long steadyBytes(Runnable step, int maxCalls) {
        java.lang.management.ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        Assumptions.assumeTrue(mx instanceof com.sun.management.ThreadMXBean,
                "this JVM cannot count allocated bytes per thread; allocation check skipped");
        com.sun.management.ThreadMXBean bytes = (com.sun.management.ThreadMXBean) mx;
        long[] threads = measured(bytes);
        long reading = Long.MAX_VALUE; // what a reading of the counters allocates itself
        for (int i = 0; i < 5; i++) {
            long before = allocated(bytes, threads);
            reading = Math.min(reading, allocated(bytes, threads) - before);
        }
        long fewest = Long.MAX_VALUE;
        for (int calls = 0; calls < maxCalls && fewest >= NOTHING; calls += WINDOW) {
            long before = allocated(bytes, threads);
            for (int call = 0; call < WINDOW; call++) step.run();
            fewest = Math.min(fewest, allocated(bytes, threads) - before - reading);
        }
        return fewest;
    }

    /** The calling thread and neurona's worker threads. */
    private static long[] measured(com.sun.management.ThreadMXBean bytes) {
        long self = Thread.currentThread().getId();
        return java.util.stream.LongStream.concat(java.util.stream.LongStream.of(self),
                java.util.Arrays.stream(bytes.getThreadInfo(bytes.getAllThreadIds()))
                        .filter(t -> t != null && t.getThreadName().startsWith("neurona-worker-"))
                        .mapToLong(java.lang.management.ThreadInfo::getThreadId)).toArray();
    }

    /** Bytes allocated so far by the threads still alive of {@code threads}. */
    private static long allocated(com.sun.management.ThreadMXBean bytes, long[] threads) {
        long sum = 0;
        for (long b : bytes.getThreadAllocatedBytes(threads)) if (b > 0) sum += b;
        return sum;
    }
}
