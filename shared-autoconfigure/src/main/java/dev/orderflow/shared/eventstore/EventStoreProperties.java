package dev.orderflow.shared.eventstore;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * How the embedded event store's processors hear of new events (not used with Axon Server).
 *
 * @param fetchDelay            how long the shared reader of the event store waits, when nothing woke it, before it
 *                              looks at the event table again: the most a processor waits for an event that no
 *                              wake-up announced (a commit in the same JVM, or a notification from another, wakes it
 *                              at once)
 */
@ConfigurationProperties("orderflow.event-store")
public record EventStoreProperties(Duration fetchDelay) {

    public EventStoreProperties {
        fetchDelay = fetchDelay == null ? Duration.ofSeconds(1) : fetchDelay;
        if (fetchDelay.isNegative() || fetchDelay.isZero()) {
            throw new IllegalArgumentException("orderflow.event-store.fetch-delay must be positive, was " + fetchDelay);
        }
    }
}
