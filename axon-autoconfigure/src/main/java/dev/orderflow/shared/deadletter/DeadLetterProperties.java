package dev.orderflow.shared.deadletter;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Dead letters of the processing groups a service names in {@link DeadLetteringGroups}.
 *
 * @param enabled park an event its handler fails on, with the rest of its sequence, in the service's
 *                {@code axon.dead_letter_entry} table while other sequences carry on; when off, such a
 *                processor stops on the failing event and retries it until it succeeds
 */
@ConfigurationProperties("orderflow.dead-letters")
public record DeadLetterProperties(@DefaultValue("true") boolean enabled) {
}
