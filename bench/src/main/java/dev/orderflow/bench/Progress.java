package dev.orderflow.bench;

import dev.orderflow.bench.report.Format;

import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The progress line of the step running now: what it does, how far it is, how fast it goes. On a terminal
 * it is redrawn in place twice a second; into a file or a pipe a line is written every five seconds.
 */
final class Progress implements AutoCloseable {

    private static final PrintStream OUT = System.out;
    private static final boolean TERMINAL = System.console() != null;
    private static final ScheduledExecutorService TICKER = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "bench-progress");
        thread.setDaemon(true);
        return thread;
    });
    private static volatile Progress current;
    private static int lastWidth;

    static {
        TICKER.scheduleAtFixedRate(Progress::tick, 500, 500, TimeUnit.MILLISECONDS);
    }

    private final String label;
    private final long total;
    private final String unit;
    private final AtomicLong done = new AtomicLong();
    private final long startNanos = System.nanoTime();
    private volatile Supplier<String> detail = () -> "";
    private long lastPrintedNanos = startNanos;

    private Progress(String label, long total, String unit) {
        this.label = label;
        this.total = total;
        this.unit = unit;
    }

    /** Starts the progress line of a step of {@code total} {@code unit}s (0 when the total is unknown). */
    static Progress start(String label, long total, String unit) {
        Progress progress = new Progress(label, total, unit);
        synchronized (Progress.class) {
            current = progress;
        }
        return progress;
    }

    /** Prints a line of its own (above the progress line). */
    static void say(String text) {
        synchronized (Progress.class) {
            clearLine();
            OUT.println(text);
        }
    }

    void add(long count) {
        done.addAndGet(count);
    }

    void set(long count) {
        done.set(count);
    }

    /** Extra text after the counts, e.g. a rate reported by the system itself. */
    void detail(Supplier<String> text) {
        detail = text;
    }

    double elapsedSeconds() {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    @Override
    public void close() {
        synchronized (Progress.class) {
            if (current == this) {
                current = null;
                clearLine();
            }
        }
    }

    private String line() {
        double seconds = elapsedSeconds();
        long count = done.get();
        if (total == 0 && unit.isEmpty()) {
            String extra = detail.get();
            return String.format(Locale.ROOT, "  .. %s: %.0f s%s", label, seconds, extra.isEmpty() ? "" : ", " + extra);
        }
        String counts = total > 0
                ? String.format(Locale.ROOT, "%s/%s %s (%.0f%%)", Format.count(count), Format.count(total), unit,
                        100.0 * count / total)
                : Format.count(count) + " " + unit;
        String rate = seconds > 0 && count > 0 ? ", " + Format.number(count / seconds) + " " + unit + "/s" : "";
        String extra = detail.get();
        return String.format(Locale.ROOT, "  .. %s: %s%s, %.0f s%s", label, counts, rate, seconds,
                extra.isEmpty() ? "" : ", " + extra);
    }

    private static void tick() {
        synchronized (Progress.class) {
            Progress progress = current;
            if (progress == null) {
                return;
            }
            String line = progress.line();
            if (TERMINAL) {
                OUT.print("\r" + line + " ".repeat(Math.max(0, lastWidth - line.length())));
                OUT.flush();
                lastWidth = line.length();
            } else if (System.nanoTime() - progress.lastPrintedNanos >= 5_000_000_000L) {
                progress.lastPrintedNanos = System.nanoTime();
                OUT.println(line);
            }
        }
    }

    private static void clearLine() {
        if (TERMINAL && lastWidth > 0) {
            OUT.print("\r" + " ".repeat(lastWidth) + "\r");
            OUT.flush();
            lastWidth = 0;
        }
    }
}
