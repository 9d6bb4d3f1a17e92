package dev.orderflow.api.inventory;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import java.util.UUID;

/**
 * Returns the stock reserved for an order; releasing what is not reserved changes nothing.
 */
public record ReleaseStockCommand(@TargetAggregateIdentifier UUID productId, UUID orderId) {
}
