package dev.orderflow.api.customer;

import dev.orderflow.api.shared.Money;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import java.util.UUID;

/**
 * Registers a customer; the email must not be in use by another customer.
 */
public record RegisterCustomerCommand(@TargetAggregateIdentifier UUID customerId, String name, String email, Money creditLimit) {
}
