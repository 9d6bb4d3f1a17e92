package dev.orderflow.query.payment;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.Optional;
import java.util.UUID;

interface OrderPaymentRepository extends JpaRepository<OrderPayment, UUID> {

    Optional<OrderPayment> findFirstByOrderIdOrderByRequestedAtDescPaymentIdDesc(UUID orderId);
}
