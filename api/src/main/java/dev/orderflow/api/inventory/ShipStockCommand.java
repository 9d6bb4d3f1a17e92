package dev.orderflow.api.inventory;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.UUID;

/**
 * The stock reserved for an order has left the warehouse with its shipment: it is no longer on hand
 * nor reserved. Shipping what is not reserved (again) changes nothing.
 */
public record ShipStockCommand(@TargetAggregateIdentifier UUID productId, UUID orderId) {
}
