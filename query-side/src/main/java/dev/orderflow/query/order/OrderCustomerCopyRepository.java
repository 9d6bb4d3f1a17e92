package dev.orderflow.query.order;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.UUID;

interface OrderCustomerCopyRepository extends JpaRepository<OrderCustomerCopy, UUID> {
}
