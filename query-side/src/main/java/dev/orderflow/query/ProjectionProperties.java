package dev.orderflow.query;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the projections' pooled streaming processors catch up with the event store (see
 * {@link ProjectionProcessors} for which projection runs on how many segments, and why).
 *
 * @param batchSize events a processor handles in one transaction; large batches make a catch-up or a
 *                  replay fast (one commit and one token update per batch instead of per event), at the
 *                  price of redoing the whole batch when one event in it fails (500: a replay's batches write
 *                  their rows in full JDBC batches and commit a fifth as often as with 100; live processing
 *                  handles what has arrived, far fewer)
 * @param segments  segments, and worker threads, of each projection whose events can be partitioned
 *                  (catalogue, shipments, payments); read when a processor creates its tokens, that is on
 *                  its first start, so changing it later needs a reset of that processor's tokens
 */
@ConfigurationProperties("orderflow.query.projections")
public record ProjectionProperties(@DefaultValue("500") int batchSize, @DefaultValue("2") int segments) {

    public ProjectionProperties {
        if (batchSize < 1) {
            throw new IllegalArgumentException("orderflow.query.projections.batch-size must be at least 1");
        }
        if (segments < 1) {
            throw new IllegalArgumentException("orderflow.query.projections.segments must be at least 1");
        }
    }
}
