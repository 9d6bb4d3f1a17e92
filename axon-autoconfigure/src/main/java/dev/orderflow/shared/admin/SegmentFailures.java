package dev.orderflow.shared.admin;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The failures of the segments this instance processes, since each one's last success. A streaming processor
 * that fails on a batch releases the segment and claims it again after a back-off, so Axon's own status shows
 * the error only for a moment and the segment then looks like any other: this remembers that it keeps failing,
 * how often, and why. Fed by {@link SegmentFailureInterceptor}.
 */
public class SegmentFailures {

    private final Clock clock;
    private final Map<Key, Failure> failures = new ConcurrentHashMap<>();

    public SegmentFailures(Clock clock) {
        this.clock = clock;
    }

    /** A batch of the segment rolled back. */
    void failed(String processor, int segment, Throwable cause) {
        Instant now = clock.instant();
        failures.merge(new Key(processor, segment), new Failure(1, describe(cause), now, now),
                (earlier, latest) -> new Failure(earlier.retries() + 1, latest.error(), earlier.since(), now));
    }

    /** A batch of the segment committed: whatever failed before is over. */
    void succeeded(String processor, int segment) {
        if (!failures.isEmpty()) {
            failures.remove(new Key(processor, segment));
        }
    }

    /** How the segment fails, if its latest batch failed. */
    public Optional<Failure> of(String processor, int segment) {
        return Optional.ofNullable(failures.get(new Key(processor, segment)));
    }

    private static String describe(Throwable cause) {
        Throwable root = cause;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == cause ? cause.toString() : cause + " (caused by " + root + ")";
    }

    private record Key(String processor, int segment) {
    }

    /**
     * @param retries how many batches of the segment failed in a row
     * @param error   the latest failure and its root cause
     * @param since   when the first of them failed
     * @param last    when the latest failed
     */
    public record Failure(long retries, String error, Instant since, Instant last) {
    }
}
