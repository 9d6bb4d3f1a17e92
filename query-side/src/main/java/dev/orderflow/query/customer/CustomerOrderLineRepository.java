package dev.orderflow.query.customer;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

import java.math.BigDecimal;
import java.util.UUID;

interface CustomerOrderLineRepository extends JpaRepository<CustomerOrderLine, CustomerOrderLine.Key> {

    /** The total of one order's lines, so far as they are reserved: zero for an order without any. */
    @Query("select coalesce(sum(l.amount), 0) from CustomerOrderLine l where l.orderId = :orderId")
    BigDecimal totalOfOrder(UUID orderId);
}
