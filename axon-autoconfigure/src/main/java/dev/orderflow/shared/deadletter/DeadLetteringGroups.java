package dev.orderflow.shared.deadletter;

import java.util.Set;

/**
 * The processing groups of a service whose failing events are parked as dead letters instead of stopping
 * their processor. A service declares it as a bean; groups it does not name keep retrying a failing event.
 * Fit for handlers that only build state (projections), where one bad event should not hold up the others;
 * not for sagas (Axon cannot dead-letter them) nor for handlers whose failure is usually a passing one.
 */
public record DeadLetteringGroups(Set<String> names) {

    public DeadLetteringGroups {
        names = Set.copyOf(names);
    }

    public static DeadLetteringGroups of(String... names) {
        return new DeadLetteringGroups(Set.of(names));
    }
}
