package dev.orderflow.api.inventory;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import java.util.UUID;

/** {@code expectedVersion}: the aggregate version the client saw (HTTP {@code If-Match}); null to skip the check. */
public record RenameProductCommand(@TargetAggregateIdentifier UUID productId,
                                   String name,
                                   @TargetAggregateVersion Long expectedVersion) {
}
