package dev.orderflow.api.shipping;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import java.util.UUID;

/**
 * Cancels a shipment that has not been dispatched (the order was cancelled).
 */
public record CancelShipmentCommand(@TargetAggregateIdentifier UUID shipmentId) {
}
