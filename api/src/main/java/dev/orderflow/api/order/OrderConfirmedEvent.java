package dev.orderflow.api.order;

import org.axonframework.serialization.Revision;
import java.util.UUID;

@Revision("1")
public record OrderConfirmedEvent(UUID orderId) {
}
