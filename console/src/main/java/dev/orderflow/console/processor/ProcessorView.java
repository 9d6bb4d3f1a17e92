package dev.orderflow.console.processor;

import dev.orderflow.shared.admin.ProcessorStatus;
import dev.orderflow.shared.admin.ProcessorStatus.ReplayProgress;

import java.time.Duration;

/**
 * A processor as its row in the console shows it: the status the admin API answers, with what a reader wants at
 * a glance worked out (how far behind in time, the progress of a replay or rebuild and the time it has left).
 *
 * @param behindInTime how long ago the oldest event it has not handled yet was stored; null when it is not behind
 */
public record ProcessorView(ProcessorStatus status, Duration behindInTime) {

    /** The replay running or last run, else the rebuild's; null when neither ever ran. */
    public ReplayProgress progress() {
        if (status.rebuild() != null && status.rebuild().state().isActive()) {
            return status.rebuild().progress();
        }
        return status.replay() != null ? status.replay()
                : status.rebuild() != null ? status.rebuild().progress() : null;
    }

    /** What the progress bar is about: "replay" or "rebuild". */
    public String progressKind() {
        return status.rebuild() != null && (status.rebuild().state().isActive() || status.replay() == null)
                ? "rebuild" : "replay";
    }

    /** An estimate from the rate so far; null when done or not yet measurable. */
    public Duration timeLeft() {
        ReplayProgress progress = progress();
        if (progress == null || progress.done() || progress.eventsPerSecond() <= 0) {
            return null;
        }
        long left = Math.max(0, progress.headAtStart() - progress.position());
        return Duration.ofSeconds(Math.round(left / progress.eventsPerSecond()));
    }

    public boolean streaming() {
        return status.segmentCount() != null;
    }

    /** "1 h 2 min", "3 min 4 s", "5 s", "0.2 s": short, for a table cell. */
    public static String format(Duration duration) {
        if (duration == null) {
            return "";
        }
        long seconds = duration.toSeconds();
        if (seconds >= 3600) {
            return seconds / 3600 + " h " + (seconds % 3600) / 60 + " min";
        }
        if (seconds >= 60) {
            return seconds / 60 + " min " + seconds % 60 + " s";
        }
        if (seconds >= 1) {
            return seconds + " s";
        }
        return String.format(java.util.Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
    }
}
