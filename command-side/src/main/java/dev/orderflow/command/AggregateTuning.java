package dev.orderflow.command;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Keeps a long-lived aggregate as fast as a new one: a cache spares loading it, a snapshot every
 * {@code snapshotThreshold} events bounds how many events a load replays.
 *
 * @param cacheEnabled      keep loaded aggregates in memory between commands
 * @param snapshotThreshold events between snapshots of one aggregate; 0 turns snapshots off
 */
@ConfigurationProperties("orderflow.aggregates")
public record AggregateTuning(@DefaultValue("true") boolean cacheEnabled, @DefaultValue("100") int snapshotThreshold) {

    public AggregateTuning {
        if (snapshotThreshold < 0) {
            throw new IllegalArgumentException("orderflow.aggregates.snapshot-threshold must not be negative");
        }
    }
}
