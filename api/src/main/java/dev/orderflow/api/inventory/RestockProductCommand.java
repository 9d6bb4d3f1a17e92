package dev.orderflow.api.inventory;

import dev.orderflow.api.shared.Quantity;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import java.util.UUID;

/** {@code expectedVersion}: the aggregate version the client saw (HTTP {@code If-Match}); null to skip the check. */
public record RestockProductCommand(@TargetAggregateIdentifier UUID productId,
                                    Quantity quantity,
                                    @TargetAggregateVersion Long expectedVersion) {
}
