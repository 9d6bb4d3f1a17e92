package dev.orderflow.shared.admin;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class SegmentFailuresTest {

    private final Instant start = Instant.parse("2026-12-02T02:00:00Z");

    @Test
    void failuresInARowAreCountedFromTheFirstWithTheLatestError() {
        SegmentFailures failures = new SegmentFailures(Clock.fixed(start, ZoneOffset.UTC));

        failures.failed("catalogue", 1, new IllegalStateException("first"));
        failures.failed("catalogue", 1, new IllegalStateException("second", new java.sql.SQLException("root cause")));

        SegmentFailures.Failure failure = failures.of("catalogue", 1).orElseThrow();
        assertThat(failure.retries()).isEqualTo(2);
        assertThat(failure.since()).isEqualTo(start);
        assertThat(failure.error()).contains("second").contains("caused by java.sql.SQLException: root cause");
        assertThat(failures.of("catalogue", 0)).as("another segment").isEmpty();
        assertThat(failures.of("payments", 1)).as("another processor").isEmpty();
    }

    @Test
    void aSuccessEndsTheFailure() {
        SegmentFailures failures = new SegmentFailures(Clock.fixed(start, ZoneOffset.UTC));
        failures.failed("catalogue", 0, new IllegalStateException("failed"));

        failures.succeeded("catalogue", 0);

        assertThat(failures.of("catalogue", 0)).isEmpty();
    }
}
