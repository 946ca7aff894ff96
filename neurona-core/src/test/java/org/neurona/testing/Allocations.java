package org.neurona.testing;

import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Assumptions;

/**
 * Measures what a piece of code allocates on the calling thread once the JIT has compiled it.
 * Code that allocates nothing in compiled form may still allocate while it is interpreted or
 * compiled by C1 (the Vector API boxes its vectors there), and now and then a call still
 * allocates a little while the JIT recompiles; how long that lasts depends on the machine's load.
 * So instead of a fixed warm-up the code is run in windows of {@value #WINDOW} calls until one
 * whole window allocates nothing: code that allocates even a few bytes on every call never gets
 * such a window.
 */
public final class Allocations {
    private Allocations() {}

    /** Bytes below which a window counts as allocating nothing (reading the counter may box once). */
    public static final long NOTHING = 256;
    private static final int WINDOW = 1_000;

    /**
     * Calls {@code step} in windows of {@value #WINDOW} calls until one window allocates fewer
     * than {@link #NOTHING} bytes on this thread, or about {@code maxCalls} calls were made;
     * returns the fewest bytes a window allocated. Skips the test on a JVM that cannot count
     * allocated bytes per thread.
     */
    public static long steadyBytes(Runnable step, int maxCalls) {
        java.lang.management.ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        Assumptions.assumeTrue(mx instanceof com.sun.management.ThreadMXBean,
                "this JVM cannot count allocated bytes per thread; allocation check skipped");
        com.sun.management.ThreadMXBean bytes = (com.sun.management.ThreadMXBean) mx;
        long self = Thread.currentThread().getId();
        long fewest = Long.MAX_VALUE;
        for (int calls = 0; calls < maxCalls && fewest >= NOTHING; calls += WINDOW) {
            long before = bytes.getThreadAllocatedBytes(self);
            for (int call = 0; call < WINDOW; call++) step.run();
            fewest = Math.min(fewest, bytes.getThreadAllocatedBytes(self) - before);
        }
        return fewest;
    }
}
