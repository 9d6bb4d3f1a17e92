package dev.orderflow.command.payment;

import dev.orderflow.api.customer.CreditReservationDeclinedEvent;
import dev.orderflow.api.customer.CreditReservedEvent;
import dev.orderflow.api.customer.ReleaseCreditCommand;
import dev.orderflow.api.customer.ReserveCreditCommand;
import dev.orderflow.api.payment.ApprovePaymentCommand;
import dev.orderflow.api.payment.DeclinePaymentCommand;
import dev.orderflow.api.payment.PaymentRefundedEvent;
import dev.orderflow.api.payment.PaymentRequestedEvent;
import dev.orderflow.shared.command.FollowUpCommands;
import dev.orderflow.shared.error.ErrorKind;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * Carries a payment to the customer's credit account and the answer back: a requested payment holds
 * credit, the hold approves or declines the payment, a refund gives the credit back. Every command it
 * sends is idempotent, so the retry after a failure is safe; it never runs during a replay.
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
                .filter(ErrorKind.NOT_FOUND::equals)
                .ifPresent(unknownCustomer -> commands.send(new DeclinePaymentCommand(event.paymentId(),
                        "Customer " + event.customerId() + " does not exist")));
    }

    @EventHandler
    void on(CreditReservedEvent event) {
        commands.send(new ApprovePaymentCommand(event.paymentId()));
    }

    @EventHandler
    void on(CreditReservationDeclinedEvent event) {
        commands.send(new DeclinePaymentCommand(event.paymentId(),
                "The amount " + event.amount() + " exceeds the customer's available credit of " + event.availableCredit()));
    }

    @EventHandler
    void on(PaymentRefundedEvent event) {
        commands.send(new ReleaseCreditCommand(event.customerId(), event.paymentId()));
    }
}
