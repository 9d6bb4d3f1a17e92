package dev.orderflow.api.payment;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import java.util.UUID;

/**
 * The customer's credit was held: the payment is authorized. Sent by the credit check.
 */
public record ApprovePaymentCommand(@TargetAggregateIdentifier UUID paymentId) {
}
