package dev.orderflow.shared.eventstore;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How the embedded event store's processors hear of new events (not used with Axon Server).
 *
 * @param fetchDelay            how long the shared reader of the event store waits, when nothing woke it, before it
 *                              looks at the event table again: the most a processor waits for an event that no
 *                              wake-up announced (a commit in the same JVM, or a notification from another, wakes it
 *                              at once)
 * @param crossInstanceWakeUp   announce each commit that appended events with a Postgres {@code NOTIFY}, and listen
 *                              for the other instances' on one connection of the pool, so that the processors of every
 *                              instance on the same database hear of an event at once; when off, an instance sees
 *                              another's events within {@code fetchDelay}
 */
@ConfigurationProperties("orderflow.event-store")
public record EventStoreProperties(@DefaultValue("1s") Duration fetchDelay,
                                   @DefaultValue("true") boolean crossInstanceWakeUp) {

    public EventStoreProperties {
        if (fetchDelay.isNegative() || fetchDelay.isZero()) {
            throw new IllegalArgumentException("orderflow.event-store.fetch-delay must be positive, was " + fetchDelay);
        }
    }
}
