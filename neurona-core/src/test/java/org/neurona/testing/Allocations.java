package org.neurona.testing;

import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Assumptions;

/**
 * Measures what a piece of code allocates on the calling thread once the JIT has compiled it.
 * Code that allocates nothing in compiled form may still allocate while it is interpreted or
 * compiled by C1 (the Vector API boxes its vectors there), and how long compilation takes
 * depends on the machine's load; so instead of a fixed warm-up the code is run until it stops
 * allocating, and code that allocates on every call never does.
 */
public final class Allocations {
    private Allocations() {}

    /** Bytes below which a call counts as allocating nothing (reading the counter may box once). */
    public static final long NOTHING = 256;
    private static final int IN_A_ROW = 5;

    /**
     * Calls {@code step} until {@value #IN_A_ROW} calls in a row allocate fewer than
     * {@link #NOTHING} bytes each on this thread, or {@code maxCalls} calls were made; returns the
     * most that one of the last {@value #IN_A_ROW} calls allocated. Skips the test on a JVM that
     * cannot count allocated bytes per thread.
     */
    public static long steadyBytesPerCall(Runnable step, int maxCalls) {
        java.lang.management.ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        Assumptions.assumeTrue(mx instanceof com.sun.management.ThreadMXBean,
                "this JVM cannot count allocated bytes per thread; allocation check skipped");
        com.sun.management.ThreadMXBean bytes = (com.sun.management.ThreadMXBean) mx;
        long self = Thread.currentThread().getId();
        long[] last = new long[IN_A_ROW];
        int quiet = 0;
        for (int call = 0; call < maxCalls; call++) {
            long before = bytes.getThreadAllocatedBytes(self);
            step.run();
            long used = bytes.getThreadAllocatedBytes(self) - before;
            last[call % IN_A_ROW] = used;
            quiet = used < NOTHING ? quiet + 1 : 0;
            if (quiet == IN_A_ROW) break;
        }
        long most = 0;
        for (long b : last) most = Math.max(most, b);
        return most;
    }
}
