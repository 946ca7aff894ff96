package org.neurona.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.neurona.train.Epoch;
import org.neurona.train.EpochListener;

/**
 * Training progress: a progress bar with epoch, error and ETA on a terminal; plain lines
 * (every tenth of the run or every 5 seconds, at most one a second, and always the last epoch)
 * when output goes to a file or a CI log, where a redrawn bar would be noise.
 */
abstract class Progress implements EpochListener, AutoCloseable {

    /** A bar on a terminal (System.console() present), periodic lines otherwise. */
    static Progress create(Out out, String task, int epochs) {
        if (System.console() != null) return new Bar(task, epochs, System.err);
        return new Lines(out.err(), task, epochs);
    }

    /** No output at all (for runs inside other commands that report themselves). */
    static Progress none() {
        return new Progress() {
            @Override
            public void onEpoch(Epoch e) {}

            @Override
            public void close() {}
        };
    }

    @Override
    public abstract void close();

    static String errors(Epoch e) {
        String s = "error " + Out.num(e.trainError());
        if (!Double.isNaN(e.validationError())) s += ", validation " + Out.num(e.validationError());
        return s;
    }

    /** The terminal bar (me.tongfei progressbar), on stderr. */
    private static final class Bar extends Progress {
        private final ProgressBar bar;

        Bar(String task, int epochs, PrintStream err) {
            bar = new ProgressBarBuilder().setTaskName(task).setInitialMax(epochs)
                    .setStyle(ProgressBarStyle.ASCII).setUnit(" epochs", 1)
                    .setConsumer(new ConsoleProgressBarConsumer(err)).setUpdateIntervalMillis(200)
                    .build();
        }

        private long lastMessage;

        @Override
        public void onEpoch(Epoch e) {
            bar.stepTo(e.number());
            // formatting the message costs more than a tiny net's epoch: refresh it 10 times a second
            long now = System.nanoTime();
            if (now - lastMessage >= 100_000_000L || e.number() == e.maxEpochs()) {
                bar.setExtraMessage(errors(e));
                lastMessage = now;
            }
        }

        @Override
        public void close() {
            bar.close();
        }
    }

    /** Periodic plain lines for logs. */
    static final class Lines extends Progress {
        private static final long EVERY_NANOS = 5_000_000_000L;
        private static final long MIN_GAP_NANOS = 1_000_000_000L;
        private final PrintWriter w;
        private final String task;
        private final int epochs;
        private final int step;
        private final long start = System.nanoTime();
        private long last = start;
        private int lastPrinted;
        private Epoch lastEpoch;

        Lines(PrintWriter w, String task, int epochs) {
            this.w = w;
            this.task = task;
            this.epochs = epochs;
            this.step = Math.max(1, (epochs + 9) / 10);
        }

        @Override
        public void onEpoch(Epoch e) {
            lastEpoch = e;
            long now = System.nanoTime();
            int n = e.number();
            // short runs print only their last line; long ones a line per tenth, at most one a second
            boolean due = n % step == 0 || now - last >= EVERY_NANOS;
            if (n == epochs || (due && now - last >= MIN_GAP_NANOS)) print(e, now);
        }

        private void print(Epoch e, long now) {
            double elapsed = (now - start) / 1e9;
            double eta = elapsed / e.number() * (epochs - e.number());
            w.println(String.format(Locale.ROOT, "%s: epoch %d/%d  %s  (%s elapsed, ETA %s)", task, e.number(), epochs,
                    errors(e), seconds(elapsed), seconds(eta)));
            w.flush();
            last = now;
            lastPrinted = e.number();
        }

        @Override
        public void close() {
            // stopped early (target error): say where it ended
            if (lastEpoch != null && lastPrinted != lastEpoch.number()) print(lastEpoch, System.nanoTime());
        }

        private static String seconds(double s) {
            Duration d = Duration.ofMillis((long) (s * 1000));
            if (s < 60) return String.format(Locale.ROOT, "%.1f s", s);
            return String.format(Locale.ROOT, "%d:%02d min", d.toMinutes(), d.toSecondsPart());
        }
    }
}
