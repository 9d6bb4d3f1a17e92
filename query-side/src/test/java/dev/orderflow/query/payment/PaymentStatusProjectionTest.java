package dev.orderflow.query.payment;

import dev.orderflow.api.payment.FindPaymentByOrderQuery;
import dev.orderflow.api.payment.PaymentAuthorizedEvent;
import dev.orderflow.api.payment.PaymentDeclinedEvent;
import dev.orderflow.api.payment.PaymentRefundedEvent;
import dev.orderflow.api.payment.PaymentRequestedEvent;
import dev.orderflow.api.payment.PaymentStatus;
import dev.orderflow.api.payment.PaymentView;
import dev.orderflow.api.shared.Money;
import dev.orderflow.query.RowsInAMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.when;

/**
 * The payment projection's handlers on their own, in milliseconds: events in, the view its query answers out. The
 * rows live in a map behind the repository; {@code PaymentStatusProjectionIT} runs the same projection on Postgres.
 */
class PaymentStatusProjectionTest {

    private static final Money AMOUNT = Money.of("42.00");
    private static final Instant REQUESTED_AT = Instant.parse("2026-12-01T10:00:00Z");
    private static final Instant LATER = REQUESTED_AT.plusSeconds(5);

    private final RowsInAMap<OrderPayment, UUID> rows = new RowsInAMap<>();
    private final OrderPaymentRepository repository = rows.behind(OrderPaymentRepository.class, OrderPayment::paymentId);
    private final PaymentStatusProjection projection = new PaymentStatusProjection(repository);
    private final PaymentQueries queries = new PaymentQueries(repository);

    private final UUID order = UUID.randomUUID();
    private final UUID customer = UUID.randomUUID();
    private final UUID payment = UUID.randomUUID();

    @BeforeEach
    void theQueryFindsTheOrdersPayment() {
        // One payment per order in these tests: the newest of several is the IT's to check, on Postgres.
        when(repository.findFirstByOrderIdOrderByRequestedAtDescPaymentIdDesc(any())).thenAnswer(call ->
                rows.all().stream().filter(row -> row.orderId().equals(call.getArgument(0))).findFirst());
    }

    @Test
    void aRequestedPaymentIsShownForItsOrder() {
        projection.on(new PaymentRequestedEvent(payment, order, customer, AMOUNT), 0, REQUESTED_AT);

        assertThat(paymentOfTheOrder()).contains(new PaymentView(payment, order, customer, PaymentStatus.REQUESTED,
                AMOUNT, null, REQUESTED_AT));
    }

    @Test
    void aDeclinedPaymentKeepsItsReason() {
        projection.on(new PaymentRequestedEvent(payment, order, customer, AMOUNT), 0, REQUESTED_AT);
        projection.on(new PaymentDeclinedEvent(payment, order, customer, AMOUNT, "credit limit exceeded"), 1, LATER);

        assertThat(paymentOfTheOrder()).hasValueSatisfying(view -> {
            assertThat(view.status()).isEqualTo(PaymentStatus.DECLINED);
            assertThat(view.reason()).isEqualTo("credit limit exceeded");
            assertThat(view.updatedAt()).isEqualTo(LATER);
        });
    }

    @Test
    void anAuthorizedPaymentThatIsRefundedIsRefunded() {
        projection.on(new PaymentRequestedEvent(payment, order, customer, AMOUNT), 0, REQUESTED_AT);
        projection.on(new PaymentAuthorizedEvent(payment, order, customer, AMOUNT), 1, LATER);
        projection.on(new PaymentRefundedEvent(payment, order, customer, AMOUNT), 2, LATER.plusSeconds(1));

        assertThat(paymentOfTheOrder()).map(PaymentView::status).contains(PaymentStatus.REFUNDED);
    }

    @Test
    void aRequestOrAnOutcomeDeliveredAgainChangesNothing() {
        projection.on(new PaymentRequestedEvent(payment, order, customer, AMOUNT), 0, REQUESTED_AT);
        projection.on(new PaymentAuthorizedEvent(payment, order, customer, AMOUNT), 1, LATER);
        projection.on(new PaymentRequestedEvent(payment, order, customer, AMOUNT), 0, REQUESTED_AT);
        projection.on(new PaymentDeclinedEvent(payment, order, customer, AMOUNT, "late"), 1, LATER.plusSeconds(9));

        assertThat(paymentOfTheOrder()).hasValueSatisfying(view -> {
            assertThat(view.status()).isEqualTo(PaymentStatus.AUTHORIZED);
            assertThat(view.reason()).isNull();
        });
    }

    @Test
    void anOutcomeOfAnUnknownPaymentIsIgnoredAndAResetForgetsEveryPayment() {
        projection.on(new PaymentAuthorizedEvent(payment, order, customer, AMOUNT), 1, LATER);
        assertThat(paymentOfTheOrder()).isEmpty();

        projection.on(new PaymentRequestedEvent(payment, order, customer, AMOUNT), 0, REQUESTED_AT);
        projection.reset();

        assertThat(paymentOfTheOrder()).isEmpty();
    }

    private Optional<PaymentView> paymentOfTheOrder() {
        return queries.handle(new FindPaymentByOrderQuery(order));
    }
}
