package dev.orderflow.query.payment;

import dev.orderflow.api.payment.FindPaymentByOrderQuery;
import dev.orderflow.api.payment.PaymentView;
import dev.orderflow.api.shared.Money;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.util.Optional;

/** Answers the payment status query that the order details compose. */
@Component
class PaymentQueries {

    private final OrderPaymentRepository payments;

    PaymentQueries(OrderPaymentRepository payments) {
        this.payments = payments;
    }

    @QueryHandler
    Optional<PaymentView> handle(FindPaymentByOrderQuery query) {
        return payments.findFirstByOrderIdOrderByRequestedAtDescPaymentIdDesc(query.orderId())
                       .map(payment -> new PaymentView(payment.paymentId(), payment.orderId(), payment.customerId(),
                               payment.status(), new Money(payment.amount()), payment.reason(),
                               payment.updatedAt()));
    }
}
