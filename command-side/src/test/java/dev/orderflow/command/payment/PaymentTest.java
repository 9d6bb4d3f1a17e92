package dev.orderflow.command.payment;

import dev.orderflow.api.payment.ApprovePaymentCommand;
import dev.orderflow.api.payment.AuthorizePaymentCommand;
import dev.orderflow.api.payment.DeclinePaymentCommand;
import dev.orderflow.api.payment.PaymentAuthorizedEvent;
import dev.orderflow.api.payment.PaymentDeclinedEvent;
import dev.orderflow.api.payment.PaymentRefundedEvent;
import dev.orderflow.api.payment.PaymentRequestedEvent;
import dev.orderflow.api.payment.RefundPaymentCommand;
import dev.orderflow.api.shared.Money;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static dev.orderflow.command.DomainExceptionMatchers.aRuleViolation;

class PaymentTest {

    private static final Money AMOUNT = Money.of("42.50");

    private final UUID paymentId = UUID.randomUUID();
    private final UUID orderId = UUID.randomUUID();
    private final UUID customerId = UUID.randomUUID();

    private FixtureConfiguration<Payment> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Payment.class);
    }

    // Authorize

    @Test
    void authorizingAPaymentRequestsIt() {
        fixture.givenNoPriorActivity()
                .when(authorize(orderId, customerId, AMOUNT))
                .expectSuccessfulHandlerExecution()
                .expectEvents(requested());
    }

    @Test
    void authorizingAPaymentWithoutAnOrderIsRejected() {
        fixture.givenNoPriorActivity()
                .when(authorize(null, customerId, AMOUNT))
                .expectNoEvents()
                .expectException(aRuleViolation())
                .expectExceptionMessage("A payment needs an order and a customer");
    }

    @Test
    void authorizingAPaymentWithoutACustomerIsRejected() {
        fixture.givenNoPriorActivity()
                .when(authorize(orderId, null, AMOUNT))
                .expectNoEvents()
                .expectException(aRuleViolation())
                .expectExceptionMessage("A payment needs an order and a customer");
    }

    @Test
    void authorizingAPaymentOfZeroIsRejected() {
        fixture.givenNoPriorActivity()
                .when(authorize(orderId, customerId, Money.ZERO))
                .expectNoEvents()
                .expectException(aRuleViolation())
                .expectExceptionMessage("A payment needs an amount above zero");
    }

    @Test
    void authorizingAPaymentOfTheSmallestAmountIsAccepted() {
        fixture.givenNoPriorActivity()
                .when(authorize(orderId, customerId, Money.of("0.01")))
                .expectEvents(new PaymentRequestedEvent(paymentId, orderId, customerId, Money.of("0.01")));
    }

    // Approve

    @Test
    void approvingARequestedPaymentAuthorizesIt() {
        fixture.given(requested())
                .when(approve())
                .expectEvents(authorized());
    }

    @Test
    void approvingAPaymentAgainChangesNothing() {
        fixture.given(requested(), authorized())
                .when(approve())
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void approvingADeclinedPaymentChangesNothing() {
        fixture.given(requested(), declined("over the credit limit"))
                .when(approve())
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void approvingARefundedPaymentChangesNothing() {
        fixture.given(requested(), authorized(), refunded())
                .when(approve())
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    // Decline

    @Test
    void decliningARequestedPaymentDeclinesItWithTheReason() {
        fixture.given(requested())
                .when(decline("over the credit limit"))
                .expectEvents(declined("over the credit limit"));
    }

    @Test
    void decliningAPaymentWithoutAReasonRecordsItAsDeclined() {
        fixture.given(requested())
                .when(decline(null))
                .expectEvents(declined("declined"));
    }

    @Test
    void decliningAPaymentAgainChangesNothing() {
        fixture.given(requested(), declined("over the credit limit"))
                .when(decline("over the credit limit"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void decliningAnAuthorizedPaymentIsRejected() {
        fixture.given(requested(), authorized())
                .when(decline("over the credit limit"))
                .expectNoEvents()
                .expectException(aRuleViolation())
                .expectExceptionMessage("Payment " + paymentId + " is AUTHORIZED and cannot be declined");
    }

    @Test
    void decliningARefundedPaymentIsRejected() {
        fixture.given(requested(), authorized(), refunded())
                .when(decline("over the credit limit"))
                .expectNoEvents()
                .expectException(aRuleViolation())
                .expectExceptionMessage("Payment " + paymentId + " is REFUNDED and cannot be declined");
    }

    // Refund

    @Test
    void refundingAnAuthorizedPaymentRefundsItsAmount() {
        fixture.given(requested(), authorized())
                .when(refund())
                .expectEvents(refunded());
    }

    @Test
    void refundingAPaymentAgainChangesNothing() {
        fixture.given(requested(), authorized(), refunded())
                .when(refund())
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void refundingARequestedPaymentIsRejected() {
        fixture.given(requested())
                .when(refund())
                .expectNoEvents()
                .expectException(aRuleViolation())
                .expectExceptionMessage("Payment " + paymentId + " is REQUESTED; only an authorized payment can be refunded");
    }

    @Test
    void refundingADeclinedPaymentIsRejected() {
        fixture.given(requested(), declined("over the credit limit"))
                .when(refund())
                .expectNoEvents()
                .expectException(aRuleViolation())
                .expectExceptionMessage("Payment " + paymentId + " is DECLINED; only an authorized payment can be refunded");
    }

    // Commands

    private AuthorizePaymentCommand authorize(UUID orderId, UUID customerId, Money amount) {
        return new AuthorizePaymentCommand(paymentId, orderId, customerId, amount);
    }

    private ApprovePaymentCommand approve() {
        return new ApprovePaymentCommand(paymentId);
    }

    private DeclinePaymentCommand decline(String reason) {
        return new DeclinePaymentCommand(paymentId, reason);
    }

    private RefundPaymentCommand refund() {
        return new RefundPaymentCommand(paymentId);
    }

    // Events

    private PaymentRequestedEvent requested() {
        return new PaymentRequestedEvent(paymentId, orderId, customerId, AMOUNT);
    }

    private PaymentAuthorizedEvent authorized() {
        return new PaymentAuthorizedEvent(paymentId, orderId, customerId, AMOUNT);
    }

    private PaymentDeclinedEvent declined(String reason) {
        return new PaymentDeclinedEvent(paymentId, orderId, customerId, AMOUNT, reason);
    }

    private PaymentRefundedEvent refunded() {
        return new PaymentRefundedEvent(paymentId, orderId, customerId, AMOUNT);
    }
}
