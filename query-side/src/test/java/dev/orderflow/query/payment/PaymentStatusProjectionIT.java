package dev.orderflow.query.payment;

import dev.orderflow.api.payment.FindPaymentByOrderQuery;
import dev.orderflow.api.payment.PaymentAuthorizedEvent;
import dev.orderflow.api.payment.PaymentDeclinedEvent;
import dev.orderflow.api.payment.PaymentRefundedEvent;
import dev.orderflow.api.payment.PaymentRequestedEvent;
import dev.orderflow.api.payment.PaymentStatus;
import dev.orderflow.api.payment.PaymentView;
import dev.orderflow.api.shared.Money;
import dev.orderflow.query.ProjectionITSupport;
import dev.orderflow.query.Redelivery;
import dev.orderflow.query.StoredEvents;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

class PaymentStatusProjectionIT extends ProjectionITSupport {

    private static final Money AMOUNT = Money.of("42.00");

    @Autowired
    PaymentStatusProjection projection;

    UUID order;
    UUID customer;

    @BeforeEach
    void setUp() {
        order = UUID.randomUUID();
        customer = UUID.randomUUID();
    }

    @Test
    void aRequestedPaymentIsShownForItsOrder() {
        UUID payment = requested();

        PaymentView view = awaitPayment(any -> true);

        assertThat(view.paymentId()).isEqualTo(payment);
        assertThat(view.customerId()).isEqualTo(customer);
        assertThat(view.status()).isEqualTo(PaymentStatus.REQUESTED);
        assertThat(view.amount()).isEqualTo(AMOUNT);
    }

    @Test
    void anAuthorizedPaymentIsAuthorized() {
        UUID payment = requested();

        events.publish("Payment", payment, new PaymentAuthorizedEvent(payment, order, customer, AMOUNT));

        assertThat(awaitPayment(moved -> moved.status() == PaymentStatus.AUTHORIZED).reason()).isNull();
    }

    @Test
    void aDeclinedPaymentKeepsTheReason() {
        UUID payment = requested();

        events.publish("Payment", payment, new PaymentDeclinedEvent(payment, order, customer, AMOUNT, "Over the limit"));

        assertThat(awaitPayment(moved -> moved.status() == PaymentStatus.DECLINED).reason()).isEqualTo("Over the limit");
    }

    @Test
    void aRefundedPaymentIsRefunded() {
        UUID payment = requested();
        events.publish("Payment", payment, new PaymentAuthorizedEvent(payment, order, customer, AMOUNT));

        events.publish("Payment", payment, new PaymentRefundedEvent(payment, order, customer, AMOUNT));

        PaymentView refunded = awaitPayment(moved -> moved.status() == PaymentStatus.REFUNDED);
        assertThat(refunded.amount()).isEqualTo(AMOUNT);
        assertThat(refunded.reason()).isNull();
    }

    @Test
    void eventsDeliveredTwiceLeaveTheSamePayment() {
        StoredEvents scenario = newScenario();
        UUID payment = UUID.randomUUID();
        scenario.publish("Payment", payment, new PaymentRequestedEvent(payment, order, customer, AMOUNT),
                new PaymentAuthorizedEvent(payment, order, customer, AMOUNT),
                new PaymentRefundedEvent(payment, order, customer, AMOUNT));
        PaymentView once = awaitPayment(done -> done.status() == PaymentStatus.REFUNDED);

        Redelivery.deliverAgain(projection, scenario.published(), transactionTemplate);

        assertThat(findPayment()).contains(once);
    }

    private UUID requested() {
        UUID payment = UUID.randomUUID();
        events.publish("Payment", payment, new PaymentRequestedEvent(payment, order, customer, AMOUNT));
        return payment;
    }

    private PaymentView awaitPayment(Predicate<PaymentView> condition) {
        return awaitView(() -> findPayment(), condition);
    }

    private Optional<PaymentView> findPayment() {
        return queries.query(new FindPaymentByOrderQuery(order), ResponseTypes.optionalInstanceOf(PaymentView.class)).join();
    }
}
