package dev.orderflow.api.customer;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import java.util.UUID;

/**
 * Renames a customer; every copy of the name in read models follows.
 * <p>{@code expectedVersion}: the aggregate version the client saw (HTTP {@code If-Match}); null to skip the check.
 */
public record RenameCustomerCommand(@TargetAggregateIdentifier UUID customerId,
                                    String name,
                                    @TargetAggregateVersion Long expectedVersion) {
}
