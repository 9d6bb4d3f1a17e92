package dev.orderflow.api.order;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import java.util.List;
import java.util.UUID;

/**
 * Places an order; the fulfilment saga then reserves stock, takes payment and ships.
 */
public record PlaceOrderCommand(@TargetAggregateIdentifier UUID orderId, UUID customerId, List<OrderLine> lines) {

    public PlaceOrderCommand {
        lines = lines == null ? List.of() : List.copyOf(lines);
    }
}
