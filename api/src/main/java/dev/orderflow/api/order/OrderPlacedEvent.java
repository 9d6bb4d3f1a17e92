package dev.orderflow.api.order;

import org.axonframework.serialization.Revision;
import java.util.List;
import java.util.UUID;

@Revision("1")
public record OrderPlacedEvent(UUID orderId, UUID customerId, List<OrderLine> lines) {

    public OrderPlacedEvent {
        lines = lines == null ? List.of() : List.copyOf(lines);
    }
}
