package dev.orderflow.api.payment;

import dev.orderflow.api.shared.Money;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import java.util.UUID;

/**
 * Asks to take an amount for an order from the customer's credit. The answer comes as
 * {@link PaymentAuthorizedEvent} or {@link PaymentDeclinedEvent} once the customer's credit was checked.
 */
public record AuthorizePaymentCommand(@TargetAggregateIdentifier UUID paymentId, UUID orderId, UUID customerId, Money amount) {
}
