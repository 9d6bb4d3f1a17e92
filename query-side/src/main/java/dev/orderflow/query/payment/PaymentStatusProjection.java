package dev.orderflow.query.payment;

import dev.orderflow.api.payment.PaymentAuthorizedEvent;
import dev.orderflow.api.payment.PaymentDeclinedEvent;
import dev.orderflow.api.payment.PaymentRefundedEvent;
import dev.orderflow.api.payment.PaymentRequestedEvent;
import dev.orderflow.api.payment.PaymentStatus;
import dev.orderflow.query.ProjectionProcessors;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.UUID;

/**
 * Builds the payment status read model that the order details compose: each payment with its order and
 * where it stands. Idempotent by the payment's sequence number; partitioned by order.
 */
@Component
@ProcessingGroup(ProjectionProcessors.PAYMENTS)
class PaymentStatusProjection {

    private final OrderPaymentRepository payments;

    PaymentStatusProjection(OrderPaymentRepository payments) {
        this.payments = payments;
    }

    @EventHandler
    void on(PaymentRequestedEvent event, @SequenceNumber long sequenceNumber, @Timestamp Instant at) {
        if (!payments.existsById(event.paymentId())) {
            payments.save(new OrderPayment(event.paymentId(), event.orderId(), event.customerId(),
                    event.amount().amount(), at, sequenceNumber));
        }
    }

    @EventHandler
    void on(PaymentAuthorizedEvent event, @SequenceNumber long sequenceNumber, @Timestamp Instant at) {
        move(event.paymentId(), PaymentStatus.AUTHORIZED, null, at, sequenceNumber);
    }

    @EventHandler
    void on(PaymentDeclinedEvent event, @SequenceNumber long sequenceNumber, @Timestamp Instant at) {
        move(event.paymentId(), PaymentStatus.DECLINED, event.reason(), at, sequenceNumber);
    }

    @EventHandler
    void on(PaymentRefundedEvent event, @SequenceNumber long sequenceNumber, @Timestamp Instant at) {
        move(event.paymentId(), PaymentStatus.REFUNDED, null, at, sequenceNumber);
    }

    @ResetHandler
    void reset() {
        payments.deleteAllInBatch();
    }

    private void move(UUID paymentId, PaymentStatus status, String reason, Instant at, long sequenceNumber) {
        payments.findById(paymentId).ifPresent(payment -> payment.moveTo(status, reason, at, sequenceNumber));
    }
}
