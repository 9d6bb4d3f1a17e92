package dev.orderflow.shared.admin;

import dev.orderflow.shared.database.CatchUpStatistics;
import dev.orderflow.shared.admin.ProcessorStatus.ReplayProgress;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledFuture;

/**
 * One replay (or rebuild) of a processor: where it started, the head of the event store it has to reach, when it
 * got there; and its progress from the position of its slowest segment.
 */
final class Replay {

    private final Instant startedAt;
    final long from;
    final long head;
    private volatile Instant finishedAt;
    private volatile ScheduledFuture<?> watch;
    private final CatchUpStatistics statistics;

    /** @param statistics of the tables the replay fills, refreshed as it advances */
    Replay(Instant startedAt, long from, long head, CatchUpStatistics statistics) {
        this.startedAt = startedAt;
        this.from = from;
        this.head = head;
        this.statistics = statistics;
    }

    /** The slowest segment has got to {@code position}: the filled tables' statistics follow their growth. */
    void advancedTo(long position) {
        statistics.handled(Math.max(0, position - from));
    }

    /** The tables are filled: their statistics describe them as queries will find them. */
    void analyseFilledTables() {
        statistics.analyse();
    }

    void watch(ScheduledFuture<?> future) {
        this.watch = future;
        if (finishedAt != null) {
            future.cancel(false);
        }
    }

    boolean isDone() {
        return finishedAt != null;
    }

    synchronized void finish(Instant at) {
        if (finishedAt == null) {
            finishedAt = at;
        }
        ScheduledFuture<?> future = watch;
        if (future != null) {
            future.cancel(false);
        }
    }

    ReplayProgress progress(long slowestPosition, Instant now) {
        Instant end = finishedAt;
        boolean done = end != null;
        long position = done ? head : Math.max(from, Math.min(slowestPosition, head));
        long span = head - from;
        double percentage = span <= 0 ? 100.0 : Math.min(100.0, 100.0 * (position - from) / span);
        double seconds = Duration.between(startedAt, done ? end : now).toMillis() / 1000.0;
        double rate = seconds <= 0 ? 0 : (position - from) / seconds;
        return new ReplayProgress(startedAt, from, head, position, round(percentage), round(rate), done, end);
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
