package dev.orderflow.api.shipping;

import java.time.Instant;
import java.util.UUID;

/**
 * Where the shipment of an order stands: the latest shipment scheduled for it.
 *
 * @param status    where the shipment stands
 * @param updatedAt when its last event happened
 * @param version   the shipment aggregate's version this view reflects (its ETag on the command side)
 */
public record ShipmentView(UUID orderId, UUID shipmentId, ShipmentStatus status, Instant updatedAt, long version) {
}
