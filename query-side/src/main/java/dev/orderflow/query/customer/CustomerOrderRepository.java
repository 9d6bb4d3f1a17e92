package dev.orderflow.query.customer;

import dev.orderflow.api.order.OrderStatus;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

import java.math.BigDecimal;
import java.util.UUID;

interface CustomerOrderRepository extends JpaRepository<CustomerOrder, UUID> {

    // These two read all of a customer's orders, so the projection uses them once, when the account is created,
    // never per order event: an account keeps its totals up to date itself.

    long countByCustomerId(UUID customerId);

    @Query("""
            select coalesce(sum(l.amount), 0) from CustomerOrderLine l, CustomerOrder o
            where l.orderId = o.orderId and o.customerId = :customerId and o.status = :status""")
    BigDecimal sumOfLines(UUID customerId, OrderStatus status);
}
