package org.neurona.math;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntConsumer;

/**
 * A fixed number of worker threads for the kernels, owned by whoever trains (a trainer, a
 * benchmark) and closed by it. Work is split into parts whose boundaries depend only on the range
 * and the thread count; part p always runs on thread p mod threads (the caller is thread 0), and
 * every output element is computed by one thread in a fixed order, so results are bit-identical
 * from run to run at a given thread count.
 *
 * <p>The workers are started once, in the constructor, and wait for work by spinning briefly and
 * then parking; {@link #forEachPart} hands them a job through a generation counter and waits for
 * them the same way. Nothing is allocated per call: no futures, no task objects, no queue nodes
 * (an executor allocated about 170 bytes per call, docs/PERFORMANCE.md). One job runs at a time;
 * a call made while another runs (from a part's body, or from a second thread) runs all its parts
 * on its own thread, which gives the same results.
 *
 * <p>{@link #SERIAL} runs everything on the calling thread and needs no closing.
 */
public final class Parallel implements AutoCloseable {
    /** One thread: the caller's. */
    public static final Parallel SERIAL = new Parallel(1);

    /**
     * Polls before parking. A job's parts take hundreds of microseconds and more, so a few
     * microseconds of spinning only saves the wake-up latency of park/unpark between the products
     * of one training step, without taking a core from other processes for long.
     */
    private static final int SPINS = 2000;

    private final int threads;
    private final Thread[] workers;
    private final AtomicBoolean busy = new AtomicBoolean();
    private final AtomicInteger pending = new AtomicInteger();
    /** Incremented once per job; its volatile write publishes {@link #body} and {@link #parts}. */
    private volatile int generation;
    private volatile boolean closed;
    private volatile Throwable failure;
    private volatile Thread waiter;
    private IntConsumer body;
    private int parts;

    /** A pool of {@code threads} workers (the caller counts as one of them). */
    public Parallel(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        this.threads = threads;
        this.workers = new Thread[threads - 1];
        for (int w = 0; w < workers.length; w++) {
            final int index = w + 1;
            Thread t = new Thread(() -> work(index), "neurona-worker-" + index);
            t.setDaemon(true);
            workers[w] = t;
        }
        for (Thread t : workers) t.start();
    }

    /** The number of threads, the caller included. */
    public int threads() {
        return threads;
    }

    /**
     * Where part {@code p} of {@code parts} starts when {@code total} items are cut into nearly
     * equal consecutive ranges: 0 for the first part, {@code total} for p = parts (the end of the
     * last), else {@code total * p / parts} rounded down to a multiple of {@code align} (a power
     * of two; 1 for none), so that a part's range is [partStart(p), partStart(p + 1)).
     */
    public static long partStart(long total, int p, int parts, int align) {
        if (p == 0) return 0;
        if (p == parts) return total;
        return total * p / parts & -(long) align;
    }

    /**
     * Runs {@code body.accept(part)} for part = 0..parts-1, spread over the threads (part p on
     * thread p mod threads, the caller being thread 0), and returns when all are done. The first
     * exception thrown by a part is rethrown (the other parts still run to the end).
     */
    public void forEachPart(int parts, IntConsumer body) {
        if (parts <= 1 || workers.length == 0 || closed || !busy.compareAndSet(false, true)) {
            for (int p = 0; p < parts; p++) body.accept(p);
            return;
        }
        try {
            this.body = body;
            this.parts = parts;
            failure = null;
            waiter = Thread.currentThread();
            pending.set(workers.length);
            generation++; // publishes body and parts to the workers
            for (Thread t : workers) LockSupport.unpark(t);
            Throwable mine = null;
            try {
                for (int p = 0; p < parts; p += threads) body.accept(p);
            } catch (RuntimeException | Error e) {
                mine = e;
            }
            for (int spins = 0; pending.get() != 0; spins++) {
                if (spins < SPINS) Thread.onSpinWait();
                else LockSupport.park(this);
            }
            Throwable t = mine != null ? mine : failure;
            if (t instanceof RuntimeException re) throw re;
            if (t instanceof Error err) throw err;
        } finally {
            this.body = null; // do not keep the caller's task reachable
            waiter = null;
            busy.set(false);
        }
    }

    /** A worker's loop: wait for the next generation, run parts index, index + threads, ... */
    private void work(int index) {
        int seen = 0;
        while (true) {
            int g;
            for (int spins = 0; (g = generation) == seen; spins++) {
                if (closed) return;
                if (spins < SPINS) Thread.onSpinWait();
                else LockSupport.park(this);
            }
            seen = g;
            IntConsumer b = body;
            int n = parts;
            try {
                for (int p = index; p < n; p += threads) b.accept(p);
            } catch (Throwable t) {
                if (failure == null) failure = t;
            }
            Thread w = waiter;
            if (pending.decrementAndGet() == 0 && w != null) LockSupport.unpark(w);
        }
    }

    /** Stops the workers (they end after the job they may be running). */
    @Override
    public void close() {
        closed = true;
        for (Thread t : workers) LockSupport.unpark(t);
    }
}
