package dev.orderflow.api.shipping;

import org.axonframework.serialization.Revision;
import java.util.UUID;

@Revision("1")
public record ShipmentScheduledEvent(UUID shipmentId, UUID orderId) {
}
