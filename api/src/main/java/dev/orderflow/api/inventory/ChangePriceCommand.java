package dev.orderflow.api.inventory;

import dev.orderflow.api.shared.Money;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import java.util.UUID;

/**
 * Changes the unit price of future reservations; reservations already made keep their price.
 * <p>{@code expectedVersion}: the aggregate version the client saw (HTTP {@code If-Match}); null to skip the check.
 */
public record ChangePriceCommand(@TargetAggregateIdentifier UUID productId,
                                 Money price,
                                 @TargetAggregateVersion Long expectedVersion) {
}
