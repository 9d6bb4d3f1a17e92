package dev.orderflow.api.payment;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import java.util.UUID;

/**
 * Refunds an authorized payment, giving the credit back; a second refund changes nothing.
 */
public record RefundPaymentCommand(@TargetAggregateIdentifier UUID paymentId) {
}
