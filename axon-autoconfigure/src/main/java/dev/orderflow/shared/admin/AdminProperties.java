package dev.orderflow.shared.admin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

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
public record AdminProperties(@DefaultValue("true") boolean enabled, @DefaultValue("1000") int maxEvents,
                              @DefaultValue("30s") Duration unclaimedSegmentGrace,
                              @DefaultValue("500") int rebuildBatchSize) {

    public AdminProperties {
        if (rebuildBatchSize < 1) {
            throw new IllegalArgumentException("orderflow.admin.rebuild-batch-size must be at least 1");
        }
        if (maxEvents < 1) {
            throw new IllegalArgumentException("orderflow.admin.max-events must be at least 1");
        }
    }
}
