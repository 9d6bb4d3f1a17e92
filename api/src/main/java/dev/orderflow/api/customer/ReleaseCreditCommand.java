package dev.orderflow.api.customer;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import java.util.UUID;

/**
 * Gives back the credit held for a payment; a release of credit not held changes nothing.
 */
public record ReleaseCreditCommand(@TargetAggregateIdentifier UUID customerId, UUID paymentId) {
}
