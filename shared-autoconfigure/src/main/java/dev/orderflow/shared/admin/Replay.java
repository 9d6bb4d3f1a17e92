package dev.orderflow.shared.admin;

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

    Replay(Instant startedAt, long from, long head) {
        this.startedAt = startedAt;
        this.from = from;
        this.head = head;
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
