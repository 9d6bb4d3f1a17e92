package dev.orderflow.api.order;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import java.util.UUID;

/**
 * Cancelled by the customer; possible until the order ships.
 * <p>{@code expectedVersion}: the aggregate version the client saw (HTTP {@code If-Match}); null to skip the check.
 */
public record CancelOrderCommand(@TargetAggregateIdentifier UUID orderId, @TargetAggregateVersion Long expectedVersion) {
}
