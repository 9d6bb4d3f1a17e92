package dev.orderflow.api.inventory;

import dev.orderflow.api.shared.Money;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import java.util.UUID;

/**
 * Adds a product to the catalogue with its unit price and the stock on hand.
 */
public record AddProductCommand(@TargetAggregateIdentifier UUID productId, String name, Money price, int stock) {
}
