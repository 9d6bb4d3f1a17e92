package dev.orderflow.api.customer;

import dev.orderflow.api.shared.Money;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import java.util.UUID;

/**
 * Holds credit for a payment, if the customer has enough left; sent by the payment credit check.
 */
public record ReserveCreditCommand(@TargetAggregateIdentifier UUID customerId, UUID paymentId, Money amount) {
}
