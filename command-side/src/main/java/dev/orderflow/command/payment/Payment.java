package dev.orderflow.command.payment;

import dev.orderflow.api.payment.ApprovePaymentCommand;
import dev.orderflow.api.payment.AuthorizePaymentCommand;
import dev.orderflow.api.payment.DeclinePaymentCommand;
import dev.orderflow.api.payment.PaymentAuthorizedEvent;
import dev.orderflow.api.payment.PaymentDeclinedEvent;
import dev.orderflow.api.payment.PaymentRefundedEvent;
import dev.orderflow.api.payment.PaymentRequestedEvent;
import dev.orderflow.api.payment.PaymentStatus;
import dev.orderflow.api.payment.RefundPaymentCommand;
import dev.orderflow.api.refusal.DomainException;
import dev.orderflow.api.shared.Money;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.UUID;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One payment for one order. The customer's credit is tracked by the customer aggregate, which this
 * aggregate never reads: {@link PaymentCreditCheck} asks the customer to hold the credit and reports
 * the answer back as approve or decline. Answers and refunds delivered twice change nothing.
 */
@Aggregate(cache = "paymentCache", snapshotTriggerDefinition = "aggregateSnapshotTrigger")
public class Payment {

    @AggregateIdentifier
    private UUID paymentId;
    private UUID orderId;
    private UUID customerId;
    private Money amount;
    private PaymentStatus status;

    protected Payment() {
        // for Axon: rebuilt from events
    }

    @CommandHandler
    public Payment(AuthorizePaymentCommand command) {
        if (command.orderId() == null || command.customerId() == null) {
            throw DomainException.ruleViolated("A payment needs an order and a customer");
        }
        if (command.amount().compareTo(Money.ZERO) == 0) {
            throw DomainException.ruleViolated("A payment needs an amount above zero");
        }
        apply(new PaymentRequestedEvent(command.paymentId(), command.orderId(), command.customerId(), command.amount()));
    }

    @CommandHandler
    public void handle(ApprovePaymentCommand command) {
        if (status != PaymentStatus.REQUESTED) {
            return; // answered already: a repeated answer changes nothing
        }
        apply(new PaymentAuthorizedEvent(paymentId, orderId, customerId, amount));
    }

    @CommandHandler
    public void handle(DeclinePaymentCommand command) {
        if (status == PaymentStatus.DECLINED) {
            return;
        }
        if (status != PaymentStatus.REQUESTED) {
            throw DomainException.ruleViolated("Payment " + paymentId + " is " + status + " and cannot be declined");
        }
        apply(new PaymentDeclinedEvent(paymentId, orderId, customerId, amount,
                command.reason() == null ? "declined" : command.reason()));
    }

    @CommandHandler
    public void handle(RefundPaymentCommand command) {
        if (status == PaymentStatus.REFUNDED) {
            return; // never refund twice
        }
        if (status != PaymentStatus.AUTHORIZED) {
            throw DomainException.ruleViolated("Payment " + paymentId + " is " + status + "; only an authorized payment can be refunded");
        }
        apply(new PaymentRefundedEvent(paymentId, orderId, customerId, amount));
    }

    @EventSourcingHandler
    void on(PaymentRequestedEvent event) {
        paymentId = event.paymentId();
        orderId = event.orderId();
        customerId = event.customerId();
        amount = event.amount();
        status = PaymentStatus.REQUESTED;
    }

    @EventSourcingHandler
    void on(PaymentAuthorizedEvent event) {
        status = PaymentStatus.AUTHORIZED;
    }

    @EventSourcingHandler
    void on(PaymentDeclinedEvent event) {
        status = PaymentStatus.DECLINED;
    }

    @EventSourcingHandler
    void on(PaymentRefundedEvent event) {
        status = PaymentStatus.REFUNDED;
    }
}
