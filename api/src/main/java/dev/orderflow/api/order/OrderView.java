package dev.orderflow.api.order;

import dev.orderflow.api.shipping.ShipmentStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An order as the order history shows it. Customer and product names are the read model's own copies,
 * kept up to date by rename events.
 *
 * @param status          where the order stands
 * @param rejectionReason why the order was rejected; null unless {@code REJECTED}
 * @param shipment        where the order's shipment stands; null until the saga schedules one. A dispatched order stays
 *                        {@code CONFIRMED}: the shipment tells that it has left
 * @param total           the sum of quantity times unit price over the lines whose unit price is known
 * @param placedAt        when the order was placed
 * @param updatedAt       when the order's last event, stock reservation or shipment change happened
 *                        (renames do not count)
 * @param version         the order aggregate's version this view reflects: the sequence number of its
 *                        last event, the same number the command side sends as ETag
 */
public record OrderView(UUID orderId, UUID customerId, String customerName, OrderStatus status, String rejectionReason,
                        ShipmentStatus shipment, List<OrderLineView> lines, BigDecimal total, Instant placedAt, Instant updatedAt,
                        long version) {

    public OrderView {
        lines = lines == null ? List.of() : List.copyOf(lines);
    }
}
