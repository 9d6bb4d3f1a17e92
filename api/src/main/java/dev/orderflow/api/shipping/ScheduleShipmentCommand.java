package dev.orderflow.api.shipping;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import java.util.UUID;

/**
 * Schedules the shipment of a confirmed order.
 */
public record ScheduleShipmentCommand(@TargetAggregateIdentifier UUID shipmentId, UUID orderId) {
}
