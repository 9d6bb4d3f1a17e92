package dev.orderflow.command.payment;

import dev.orderflow.api.customer.RegisterCustomerCommand;
import dev.orderflow.api.payment.AuthorizePaymentCommand;
import dev.orderflow.api.payment.RefundPaymentCommand;
import dev.orderflow.api.shared.Money;
import dev.orderflow.command.support.CommandSideIntegrationTest;
import dev.orderflow.command.support.ExistingAggregates;
import dev.orderflow.command.support.StoredEvents;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A payment is answered from the customer's credit account, which only the customer aggregate holds: what holds
 * wherever the credit check runs ({@link PaymentCreditCheckIT} in-line, {@link StreamingPaymentCreditCheckIT} on
 * its own processor).
 */
@CommandSideIntegrationTest
abstract class PaymentCreditCheckBehaviour {

    static final Duration ANSWER_TIME = Duration.ofSeconds(20);

    @Autowired
    CommandGateway commands;
    @Autowired
    StoredEvents events;
    @Autowired
    ExistingAggregates existing;
    @Autowired
    EventProcessingConfiguration processing;

    @Test
    void aPaymentWithinTheCreditLimitIsAuthorizedAndHoldsCredit() {
        UUID customerId = customerWithLimit("100.00");
        UUID paymentId = requestPayment(customerId, "60.00");

        await().atMost(ANSWER_TIME).untilAsserted(() -> assertThat(events.simpleTypesOf(paymentId))
                .containsExactly("PaymentRequestedEvent", "PaymentAuthorizedEvent"));
        assertThat(events.simpleTypesOf(customerId)).containsExactly("CustomerRegisteredEvent", "CreditReservedEvent");
    }

    @Test
    void aPaymentOverTheRemainingCreditIsDeclined() {
        UUID customerId = customerWithLimit("100.00");
        UUID first = requestPayment(customerId, "60.00");
        await().atMost(ANSWER_TIME).until(() -> events.simpleTypesOf(first).contains("PaymentAuthorizedEvent"));

        UUID second = requestPayment(customerId, "40.01");

        await().atMost(ANSWER_TIME).untilAsserted(() -> assertThat(events.simpleTypesOf(second))
                .containsExactly("PaymentRequestedEvent", "PaymentDeclinedEvent"));
        StoredEvents.StoredEvent declined = events.of(second).get(1);
        assertThat(declined.payload().get("reason").asText()).contains("40.01").contains("40.00");
    }

    @Test
    void aRefundGivesTheCreditBack() {
        UUID customerId = customerWithLimit("100.00");
        UUID first = requestPayment(customerId, "100.00");
        await().atMost(ANSWER_TIME).until(() -> events.simpleTypesOf(first).contains("PaymentAuthorizedEvent"));

        commands.sendAndWait(new RefundPaymentCommand(first));
        commands.sendAndWait(new RefundPaymentCommand(first));
        await().atMost(ANSWER_TIME).until(() -> events.simpleTypesOf(customerId).contains("CreditReleasedEvent"));
        UUID second = requestPayment(customerId, "100.00");

        await().atMost(ANSWER_TIME).untilAsserted(() -> assertThat(events.simpleTypesOf(second))
                .containsExactly("PaymentRequestedEvent", "PaymentAuthorizedEvent"));
        assertThat(events.simpleTypesOf(first)).containsExactly("PaymentRequestedEvent", "PaymentAuthorizedEvent", "PaymentRefundedEvent");
    }

    @Test
    void aPaymentOfAnUnknownCustomerIsDeclined() {
        UUID paymentId = requestPayment(UUID.randomUUID(), "1.00");

        await().atMost(ANSWER_TIME).untilAsserted(() -> assertThat(events.simpleTypesOf(paymentId))
                .containsExactly("PaymentRequestedEvent", "PaymentDeclinedEvent"));
        assertThat(events.of(paymentId).get(1).payload().get("reason").asText()).contains("does not exist");
    }

    @Test
    void aPaymentWhoseCustomerIsAProductIsDeclinedAndTheCheckGoesOn() {
        UUID productId = existing.product();
        UUID paymentId = requestPayment(productId, "1.00");

        await().atMost(ANSWER_TIME).untilAsserted(() -> assertThat(events.simpleTypesOf(paymentId))
                .containsExactly("PaymentRequestedEvent", "PaymentDeclinedEvent"));
        assertThat(events.of(paymentId).get(1).payload().get("reason").asText()).contains("does not exist");
        assertThat(events.simpleTypesOf(productId)).containsExactly("ProductAddedEvent");
        UUID next = requestPayment(customerWithLimit("10.00"), "1.00");
        await().atMost(ANSWER_TIME).until(() -> events.simpleTypesOf(next).contains("PaymentAuthorizedEvent"));
    }

    UUID customerWithLimit(String creditLimit) {
        UUID customerId = UUID.randomUUID();
        commands.sendAndWait(new RegisterCustomerCommand(customerId, "Payer", "payer-" + customerId + "@example.com",
                Money.of(creditLimit)));
        return customerId;
    }

    UUID requestPayment(UUID customerId, String amount) {
        UUID paymentId = UUID.randomUUID();
        commands.sendAndWait(new AuthorizePaymentCommand(paymentId, UUID.randomUUID(), customerId, Money.of(amount)));
        return paymentId;
    }
}
