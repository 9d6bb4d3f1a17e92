package dev.orderflow.command.payment;

import org.axonframework.eventhandling.SubscribingEventProcessor;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The credit check in-line, as it runs by default: the answer is stored with the request. */
class PaymentCreditCheckIT extends PaymentCreditCheckBehaviour {

    @Test
    void theAnswerIsStoredByTheTimeTheRequestReturns() {
        assertThat(processing.eventProcessor(PaymentCreditCheck.PROCESSING_GROUP)).get()
                .isInstanceOf(SubscribingEventProcessor.class);
        UUID customerId = customerWithLimit("100.00");

        UUID authorized = requestPayment(customerId, "60.00");
        UUID declined = requestPayment(customerId, "40.01");

        assertThat(events.simpleTypesOf(authorized)).containsExactly("PaymentRequestedEvent", "PaymentAuthorizedEvent");
        assertThat(events.simpleTypesOf(declined)).containsExactly("PaymentRequestedEvent", "PaymentDeclinedEvent");
        assertThat(events.simpleTypesOf(customerId)).containsExactly("CustomerRegisteredEvent", "CreditReservedEvent",
                "CreditReservationDeclinedEvent");
    }
}
