package dev.orderflow.query.order;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.UUID;

interface OrderProductCopyRepository extends JpaRepository<OrderProductCopy, UUID> {
}
