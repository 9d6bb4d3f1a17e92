package dev.orderflow.command.payment;

import dev.orderflow.api.customer.CreditReservationDeclinedEvent;
import dev.orderflow.api.customer.CreditReservedEvent;
import dev.orderflow.api.customer.ReleaseCreditCommand;
import dev.orderflow.api.customer.ReserveCreditCommand;
import dev.orderflow.api.payment.ApprovePaymentCommand;
import dev.orderflow.api.payment.DeclinePaymentCommand;
import dev.orderflow.api.payment.PaymentDeclinedEvent;
import dev.orderflow.api.payment.PaymentRefundedEvent;
import dev.orderflow.api.payment.PaymentRequestedEvent;
import dev.orderflow.api.refusal.RefusalKind;
import dev.orderflow.shared.command.FollowUpCommands;
import dev.orderflow.shared.command.Refusal;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * Carries a payment to the customer's credit account and the answer back: a requested payment holds
 * credit, the hold approves or declines the payment, a refund or a decline gives the credit back. A customer
 * that does not exist, or a command that fails for good, declines the payment. Every command it sends is idempotent, so the retry after a failure is safe; it never runs during a replay.
 * <p>
 * By default it runs in-line, in the transaction that stores the payment request, so the request, the hold and
 * the answer are stored together; the distributed mode runs it on a streaming processor ({@link PaymentProperties}).
 */
@Component
@ProcessingGroup(PaymentCreditCheck.PROCESSING_GROUP)
@DisallowReplay
class PaymentCreditCheck {

    static final String PROCESSING_GROUP = "payment-credit-check";

    private final FollowUpCommands commands;

    PaymentCreditCheck(FollowUpCommands commands) {
        this.commands = commands;
    }

    @EventHandler
    void on(PaymentRequestedEvent event) {
        commands.send(new ReserveCreditCommand(event.customerId(), event.paymentId(), event.amount()))
                .filter(Refusal::leavesNoTrace)
                .ifPresent(refusal -> commands.send(new DeclinePaymentCommand(event.paymentId(),
                        refusal.is(RefusalKind.NOT_FOUND) ? "Customer " + event.customerId() + " does not exist"
                                : "The customer's credit could not be checked: " + refusal.reason())));
    }

    @EventHandler
    void on(CreditReservedEvent event) {
        commands.send(new ApprovePaymentCommand(event.paymentId()))
                .filter(Refusal::leavesNoTrace)
                .ifPresent(refusal -> commands.send(new DeclinePaymentCommand(event.paymentId(),
                        "The payment could not be approved: " + refusal.reason())));
    }

    @EventHandler
    void on(CreditReservationDeclinedEvent event) {
        commands.send(new DeclinePaymentCommand(event.paymentId(),
                "The amount " + event.amount() + " exceeds the customer's available credit of " + event.availableCredit()));
    }

    /**
     * A payment declined after its credit was held (the fulfilment saga declines a payment whose answer it waited
     * for in vain, and the hold may come after that) gives the credit back; for any other decline nothing is held,
     * and the release changes nothing.
     */
    @EventHandler
    void on(PaymentDeclinedEvent event) {
        commands.send(new ReleaseCreditCommand(event.customerId(), event.paymentId()));
    }

    @EventHandler
    void on(PaymentRefundedEvent event) {
        commands.send(new ReleaseCreditCommand(event.customerId(), event.paymentId()));
    }
}
