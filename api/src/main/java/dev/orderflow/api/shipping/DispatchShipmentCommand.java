package dev.orderflow.api.shipping;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import java.util.UUID;

/**
 * Marks the shipment as dispatched: it has left the warehouse.
 * <p>{@code expectedVersion}: the aggregate version the client saw (HTTP {@code If-Match}); null to skip the check.
 */
public record DispatchShipmentCommand(@TargetAggregateIdentifier UUID shipmentId, @TargetAggregateVersion Long expectedVersion) {
}
