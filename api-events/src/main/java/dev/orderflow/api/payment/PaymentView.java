package dev.orderflow.api.payment;

import dev.orderflow.api.shared.Money;

import java.time.Instant;
import java.util.UUID;

/**
 * Where the payment of an order stands.
 *
 * @param status    {@code REQUESTED}, {@code AUTHORIZED}, {@code DECLINED} or {@code REFUNDED}
 * @param reason    why it was declined; null otherwise
 * @param updatedAt when its last event happened
 */
public record PaymentView(UUID paymentId, UUID orderId, UUID customerId, String status, Money amount, String reason,
                          Instant updatedAt) {
}
