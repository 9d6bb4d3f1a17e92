package dev.orderflow.api.order;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import java.util.UUID;

public record RejectOrderCommand(@TargetAggregateIdentifier UUID orderId, String reason) {
}
