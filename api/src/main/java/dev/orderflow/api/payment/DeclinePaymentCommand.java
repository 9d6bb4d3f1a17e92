package dev.orderflow.api.payment;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import java.util.UUID;

/**
 * The customer's credit could not be held. Sent by the credit check.
 */
public record DeclinePaymentCommand(@TargetAggregateIdentifier UUID paymentId, String reason) {
}
