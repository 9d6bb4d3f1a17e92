package dev.orderflow.command.payment;

import dev.orderflow.api.payment.DeclinePaymentCommand;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The credit check on a streaming processor of its own, as the distributed mode runs it. */
@TestPropertySource(properties = "orderflow.payment.credit-check=streaming")
class StreamingPaymentCreditCheckIT extends PaymentCreditCheckBehaviour {

    @Test
    void aPaymentDeclinedBeforeTheCheckHeldItsCreditIsNotApprovedAndGivesTheCreditBack() {
        UUID customerId = customerWithLimit("100.00");
        StreamingEventProcessor check = processing.eventProcessor(PaymentCreditCheck.PROCESSING_GROUP,
                StreamingEventProcessor.class).orElseThrow();
        UUID paymentId;
        check.shutDown();
        try {
            // As the fulfilment saga's deadline does while the check lags behind.
            paymentId = requestPayment(customerId, "60.00");
            commands.sendAndWait(new DeclinePaymentCommand(paymentId, "Payment timed out: no answer within PT30S"));
        } finally {
            check.start();
        }

        await().atMost(ANSWER_TIME).untilAsserted(() -> assertThat(events.simpleTypesOf(customerId))
                .containsExactly("CustomerRegisteredEvent", "CreditReservedEvent", "CreditReleasedEvent"));
        assertThat(events.simpleTypesOf(paymentId)).containsExactly("PaymentRequestedEvent", "PaymentDeclinedEvent");
    }
}
