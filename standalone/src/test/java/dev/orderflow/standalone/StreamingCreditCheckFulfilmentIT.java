package dev.orderflow.standalone;

import dev.orderflow.testfixtures.DevelopmentUserRestTemplate;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.TestPropertySource;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The fulfilment paths with the credit check on a processor of its own, as the distributed mode runs it; there the
 * check can lag behind the saga's payment deadline, and answer after it.
 */
@TestPropertySource(properties = "orderflow.payment.credit-check=streaming")
class StreamingCreditCheckFulfilmentIT extends OrderFulfilmentBehaviour {

    @Test
    void aPaymentAnsweredAfterTheTimeoutIsDeclinedAndTakesNoCredit() {
        UUID customerId = customer("100.00");
        UUID productId = product("10.00", 10);
        assertThat(DevelopmentUserRestTemplate.asAdmin(http).postForEntity("/admin/processors/payment-credit-check/stop", null, String.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        UUID orderId;
        try {
            orderId = order(customerId, productId, 10);
            assertThat(awaitStatus(orderId, "REJECTED").get("rejectionReason").asText()).startsWith("Payment timed out");
            awaitProduct(productId, 10, 0);
        } finally {
            DevelopmentUserRestTemplate.asAdmin(http).postForEntity("/admin/processors/payment-credit-check/start", null, String.class);
        }

        // The deadline declined the payment: the credit check, answering late, holds the credit and gives it back.
        await().atMost(CONVERGENCE).untilAsserted(() -> {
            assertThat(get("/orders/" + orderId + "/details").get("payment").toString()).contains("DECLINED");
            assertThat(get("/customers/" + customerId).get("availableCredit").decimalValue()).isEqualByComparingTo("100.00");
        });
        UUID paymentId = UUID.fromString(get("/orders/" + orderId + "/details").at("/payment/data/paymentId").asText());
        assertThat(DevelopmentUserRestTemplate.asAdmin(http).getForObject("/admin/events/" + paymentId, String.class))
                .contains("PaymentDeclinedEvent").doesNotContain("PaymentAuthorizedEvent");
        assertThat(awaitStatus(order(customerId, productId, 10), "CONFIRMED").get("total").decimalValue())
                .isEqualByComparingTo("100.00");
    }
}
