package dev.orderflow.api.payment;

import dev.orderflow.api.shared.Money;
import org.axonframework.serialization.Revision;
import java.util.UUID;

@Revision("1")
public record PaymentDeclinedEvent(UUID paymentId, UUID orderId, UUID customerId, Money amount, String reason) {
}
