package dev.orderflow.api.inventory;

import dev.orderflow.api.shared.Quantity;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import java.util.UUID;

/**
 * Reserves stock for one order line; repeating it for the same order changes nothing, even after a release.
 */
public record ReserveStockCommand(@TargetAggregateIdentifier UUID productId, UUID orderId, Quantity quantity) {
}
