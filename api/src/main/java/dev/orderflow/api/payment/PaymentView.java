package dev.orderflow.api.payment;

import dev.orderflow.api.shared.Money;

import java.time.Instant;
import java.util.UUID;

/**
 * Where the payment of an order stands.
 *
 * @param status    where the payment stands
 * @param reason    why it was declined; null otherwise
 * @param updatedAt when its last event happened
 */
public record PaymentView(UUID paymentId, UUID orderId, UUID customerId, PaymentStatus status, Money amount, String reason,
                          Instant updatedAt) {
}
