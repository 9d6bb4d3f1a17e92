package dev.orderflow.shared.admin;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * The admin REST API every service has under {@code /admin}: its event processors, their replay, and the
 * event stream of an aggregate. It changes what a service does (a replay rebuilds a read model), so an
 * operator exposes it only where the network is trusted, or turns it off.
 *
 * @param enabled   serve {@code /admin/processors}, {@code /admin/events} and {@code /admin/dead-letters}
 * @param maxEvents the most events {@code GET /admin/events/{aggregateId}} returns in one answer; a longer
 *                  stream is cut there and marked {@code truncated}, the rest read with {@code fromSequence}
 * @param unclaimedSegmentGrace how long a processor's segment may be held by no instance before the processor
 *                  counts as stalled (admin API, health, gauges): segments are briefly unclaimed while an
 *                  instance starts, and while a claim of a stopped instance runs out and another takes it over
 * @param rebuildBatchSize events a rebuild beside the live read model handles per transaction
 */
@ConfigurationProperties("orderflow.admin")
public record AdminProperties(Boolean enabled, Integer maxEvents, Duration unclaimedSegmentGrace,
                              Integer rebuildBatchSize) {

    public AdminProperties {
        enabled = enabled == null || enabled;
        maxEvents = maxEvents == null ? 1000 : maxEvents;
        unclaimedSegmentGrace = unclaimedSegmentGrace == null ? Duration.ofSeconds(30) : unclaimedSegmentGrace;
        rebuildBatchSize = rebuildBatchSize == null ? 500 : rebuildBatchSize;
        if (rebuildBatchSize < 1) {
            throw new IllegalArgumentException("orderflow.admin.rebuild-batch-size must be at least 1");
        }
        if (maxEvents < 1) {
            throw new IllegalArgumentException("orderflow.admin.max-events must be at least 1");
        }
    }
}
