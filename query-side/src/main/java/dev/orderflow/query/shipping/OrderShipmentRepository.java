package dev.orderflow.query.shipping;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.UUID;

interface OrderShipmentRepository extends JpaRepository<OrderShipment, UUID> {
}
