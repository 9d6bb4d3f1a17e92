package dev.orderflow.api.customer;

import dev.orderflow.api.shared.Money;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import java.util.UUID;

/**
 * Sets the most credit the customer may have held by unfinished and confirmed orders.
 * <p>{@code expectedVersion}: the aggregate version the client saw (HTTP {@code If-Match}); null to skip the check.
 */
public record ChangeCreditLimitCommand(@TargetAggregateIdentifier UUID customerId,
                                       Money creditLimit,
                                       @TargetAggregateVersion Long expectedVersion) {
}
