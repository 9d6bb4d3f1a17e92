package dev.orderflow.api.order;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import java.util.UUID;

/**
 * Records that the shipment of the order left: from then on it cannot be cancelled.
 */
public record MarkOrderShippedCommand(@TargetAggregateIdentifier UUID orderId) {
}
