package org.neurona.math;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * A fixed number of worker threads for the kernels, owned by whoever trains (a trainer, a
 * benchmark) and closed by it. Work is split into contiguous index ranges whose boundaries depend
 * only on the range and the thread count, and every output element is computed by one thread in a
 * fixed order, so results are bit-identical from run to run at a given thread count.
 *
 * <p>{@link #SERIAL} runs everything on the calling thread and needs no closing.
 */
public final class Parallel implements AutoCloseable {
    /** One thread: the caller's. */
    public static final Parallel SERIAL = new Parallel(1);

    private final int threads;
    private final ExecutorService pool;

    /** A pool of {@code threads} workers (the caller counts as one of them). */
    public Parallel(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        this.threads = threads;
        if (threads == 1) {
            this.pool = null;
        } else {
            AtomicInteger count = new AtomicInteger();
            ThreadFactory factory = r -> {
                Thread t = new Thread(r, "neurona-worker-" + count.incrementAndGet());
                t.setDaemon(true);
                return t;
            };
            this.pool = Executors.newFixedThreadPool(threads - 1, factory);
        }
    }

    /** The number of threads, the caller included. */
    public int threads() {
        return threads;
    }

    /**
     * Runs {@code body.accept(part)} for part = 0..parts-1, spread over the threads, and returns
     * when all are done. The calling thread runs part 0. Exceptions are rethrown.
     */
    public void forEachPart(int parts, IntConsumer body) {
        if (parts <= 1 || pool == null) {
            for (int p = 0; p < parts; p++) body.accept(p);
            return;
        }
        @SuppressWarnings("unchecked")
        Future<?>[] futures = new Future<?>[parts - 1];
        for (int p = 1; p < parts; p++) {
            final int part = p;
            futures[p - 1] = pool.submit(() -> body.accept(part));
        }
        body.accept(0);
        for (Future<?> f : futures) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            } catch (java.util.concurrent.ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof RuntimeException re) throw re;
                if (cause instanceof Error err) throw err;
                throw new IllegalStateException(cause);
            }
        }
    }

    @Override
    public void close() {
        if (pool != null) pool.shutdownNow();
    }
}
