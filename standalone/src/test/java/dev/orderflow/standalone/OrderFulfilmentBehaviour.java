package dev.orderflow.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orderflow.api.order.OrderLine;
import dev.orderflow.api.order.OrderPlacedEvent;
import dev.orderflow.api.shared.Quantity;
import dev.orderflow.testfixtures.DevelopmentUserRestTemplate;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.support.TransactionTemplate;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every path of the order fulfilment saga, end to end over real HTTP on the standalone system: the
 * final order status, stock levels, payment and customer account converge in the read models. They hold
 * wherever the payment's credit check runs: {@link OrderFulfilmentIT} in-line (the default),
 * {@link StreamingCreditCheckFulfilmentIT} on its own processor (as in the distributed mode).
 */
@Import(DevelopmentUserRestTemplate.class)
@SpringBootTest(classes = {StandaloneApplication.class, UnansweredPayments.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "orderflow.fulfilment.payment-timeout=3s")
abstract class OrderFulfilmentBehaviour {

    static final Duration CONVERGENCE = Duration.ofSeconds(30);

    @Autowired
    TestRestTemplate http;
    @Autowired
    EventStore eventStore;
    @Autowired
    TransactionTemplate transactions;

    @Test
    void anOrderThatCanBeFulfilledIsConfirmedWithItsStockReservedAndItsAmountSpent() {
        UUID customerId = customer("100.00");
        UUID productId = product("12.50", 10);

        UUID orderId = order(customerId, productId, 2);

        JsonNode order = awaitStatus(orderId, "CONFIRMED");
        assertThat(order.get("total").decimalValue()).isEqualByComparingTo("25.00");
        awaitProduct(productId, 8, 2);
        await().atMost(CONVERGENCE).untilAsserted(() -> {
            JsonNode customer = get("/customers/" + customerId);
            assertThat(customer.get("amountSpent").decimalValue()).isEqualByComparingTo("25.00");
            assertThat(customer.get("orderCount").asInt()).isEqualTo(1);
            assertThat(customer.get("availableCredit").decimalValue()).isEqualByComparingTo("75.00");
        });
        await().atMost(CONVERGENCE).untilAsserted(() ->
                assertThat(get("/shipments/" + orderId).get("status").asText()).isEqualTo("SCHEDULED"));
        assertThat(get("/orders/" + orderId + "/details").get("payment").toString()).contains("AUTHORIZED");
    }

    @Test
    void anOrderForMoreThanTheStockIsRejectedAndTheOtherLinesAreReleased() {
        UUID customerId = customer("1000.00");
        UUID plenty = product("1.00", 5);
        UUID scarce = product("1.00", 1);

        UUID orderId = post("/orders", """
                {"customerId": "%s", "lines": [{"productId": "%s", "quantity": 2}, {"productId": "%s", "quantity": 3}]}"""
                .formatted(customerId, plenty, scarce), "orderId");

        JsonNode order = awaitStatus(orderId, "REJECTED");
        assertThat(order.get("rejectionReason").asText()).contains(scarce.toString()).contains("3 requested");
        awaitProduct(plenty, 5, 0);
        awaitProduct(scarce, 1, 0);
    }

    @Test
    void anOrderOverTheCreditLimitIsRejectedAndItsStockReleased() {
        UUID customerId = customer("10.00");
        UUID productId = product("12.50", 10);

        UUID orderId = order(customerId, productId, 1);

        assertThat(awaitStatus(orderId, "REJECTED").get("rejectionReason").asText()).startsWith("Payment declined");
        awaitProduct(productId, 10, 0);
        JsonNode customer = get("/customers/" + customerId);
        assertThat(customer.get("amountSpent").decimalValue()).isEqualByComparingTo(BigDecimal.ZERO);
        assertThat(customer.get("availableCredit").decimalValue()).isEqualByComparingTo("10.00");
    }

    @Test
    void anOrderWhosePaymentNeverAnswersTimesOutAndItsStockIsReleased() {
        UUID customerId = customer("100.00");
        UnansweredPayments.neverAnswerPaymentsOf(customerId);
        UUID productId = product("2.00", 10);

        UUID orderId = order(customerId, productId, 4);

        assertThat(awaitStatus(orderId, "REJECTED").get("rejectionReason").asText()).startsWith("Payment timed out");
        awaitProduct(productId, 10, 0);
    }

    @Test
    void anOrderNamingACustomerAsItsProductIsRefusedAndNothingIsStored() {
        UUID customerId = customer("100.00");
        UUID otherCustomer = customer("100.00");
        UUID orderId = UUID.randomUUID();

        ResponseEntity<JsonNode> refused = http.postForEntity("/orders", json("""
                {"orderId": "%s", "customerId": "%s", "lines": [{"productId": "%s", "quantity": 1}]}"""
                .formatted(orderId, customerId, otherCustomer)), JsonNode.class);

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(refused.getBody().get("kind").asText()).isEqualTo("NOT_FOUND");
        assertThat(refused.getBody().get("detail").asText()).startsWith("lines[0].productId: ");
        assertThat(DevelopmentUserRestTemplate.asAdmin(http).getForEntity("/admin/events/" + orderId, String.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void anOrderNamingACustomerAsItsProductThatSlipsPastTheEdgeIsRejectedAndTheSagaGoesOn() {
        UUID customerId = customer("100.00");
        UUID customerAsProduct = customer("100.00");
        UUID productId = product("4.00", 10);
        UUID slipped = UUID.randomUUID();
        // Appended as an older version of the command side, or a bug, might have: the saga must still cope.
        transactions.executeWithoutResult(status -> eventStore.publish(new GenericDomainEventMessage<>(
                "Order", slipped.toString(), 0, new OrderPlacedEvent(slipped, customerId, List.of(
                        new OrderLine(productId, Quantity.of(1)), new OrderLine(customerAsProduct, Quantity.of(1)))))));

        assertThat(awaitStatus(slipped, "REJECTED").get("rejectionReason").asText())
                .isEqualTo("Product " + customerAsProduct + " does not exist");
        awaitProduct(productId, 10, 0);
        assertThat(awaitStatus(order(customerId, productId, 2), "CONFIRMED").get("total").decimalValue())
                .isEqualByComparingTo("8.00");
        JsonNode saga = DevelopmentUserRestTemplate.asAdmin(http).getForObject("/admin/processors/OrderFulfilmentSagaProcessor", JsonNode.class);
        assertThat(saga.get("error").asBoolean()).isFalse();
        assertThat(saga.get("healthy").asBoolean()).isTrue();
        assertThat(saga.get("segments")).isNotEmpty().allSatisfy(segment -> {
            assertThat(segment.has("error")).as("segment %s has no error", segment.get("segmentId")).isFalse();
            assertThat(segment.get("retries").asLong()).isZero();
        });
    }

    @Test
    void aCancelledOrderGivesBackItsStockAndItsPayment() {
        UUID customerId = customer("100.00");
        UUID productId = product("12.50", 10);
        UUID orderId = order(customerId, productId, 2);
        awaitStatus(orderId, "CONFIRMED");

        ResponseEntity<String> cancelled = http.postForEntity("/orders/" + orderId + "/cancel", null, String.class);

        assertThat(cancelled.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        awaitStatus(orderId, "CANCELLED");
        awaitProduct(productId, 10, 0);
        await().atMost(CONVERGENCE).untilAsserted(() -> {
            assertThat(get("/orders/" + orderId + "/details").get("payment").toString()).contains("REFUNDED");
            assertThat(get("/shipments/" + orderId).get("status").asText()).isEqualTo("CANCELLED");
            JsonNode customer = get("/customers/" + customerId);
            assertThat(customer.get("amountSpent").decimalValue()).isEqualByComparingTo(BigDecimal.ZERO);
            assertThat(customer.get("availableCredit").decimalValue()).isEqualByComparingTo("100.00");
        });
        // The credit came back: an order for the whole limit goes through.
        assertThat(awaitStatus(order(customerId, productId, 8), "CONFIRMED").get("total").decimalValue())
                .isEqualByComparingTo("100.00");
    }

    @Test
    void aShippedOrderTakesItsStockOffHandAndCanNoLongerBeCancelled() {
        UUID customerId = customer("100.00");
        UUID productId = product("5.00", 10);
        UUID orderId = order(customerId, productId, 3);
        awaitStatus(orderId, "CONFIRMED");
        String shipmentId = await().atMost(CONVERGENCE).until(
                () -> get("/shipments/" + orderId).path("shipmentId").asText(null), id -> id != null);

        ResponseEntity<String> dispatched = http.postForEntity("/shipments/" + shipmentId + "/dispatch", null, String.class);

        assertThat(dispatched.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        await().atMost(CONVERGENCE).untilAsserted(() -> {
            JsonNode product = get("/products/" + productId);
            assertThat(product.get("stock").asInt()).isEqualTo(7);
            assertThat(product.get("reserved").asInt()).isZero();
            assertThat(product.get("onHand").asInt()).isEqualTo(7);
        });
        await().atMost(CONVERGENCE).untilAsserted(() -> assertThat(
                http.postForEntity("/orders/" + orderId + "/cancel", null, String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY));
        assertThat(get("/orders/" + orderId).get("status").asText()).isEqualTo("CONFIRMED");
    }

    UUID customer(String creditLimit) {
        UUID id = UUID.randomUUID();
        return post("/customers", """
                {"customerId": "%s", "name": "Customer %s", "email": "%s@example.com", "creditLimit": %s}"""
                .formatted(id, id, id, creditLimit), "customerId");
    }

    UUID product(String price, int stock) {
        return post("/products", """
                {"name": "Product", "price": %s, "stock": %d}""".formatted(price, stock), "productId");
    }

    UUID order(UUID customerId, UUID productId, int quantity) {
        return post("/orders", """
                {"customerId": "%s", "lines": [{"productId": "%s", "quantity": %d}]}"""
                .formatted(customerId, productId, quantity), "orderId");
    }

    private static HttpEntity<String> json(String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new HttpEntity<>(body, headers);
    }

    UUID post(String path, String json, String idField) {
        ResponseEntity<JsonNode> response = http.postForEntity(path, json(json), JsonNode.class);
        assertThat(response.getStatusCode()).as("POST %s: %s", path, response.getBody()).isEqualTo(HttpStatus.CREATED);
        return UUID.fromString(response.getBody().get(idField).asText());
    }

    JsonNode get(String path) {
        ResponseEntity<JsonNode> response = http.getForEntity(path, JsonNode.class);
        assertThat(response.getStatusCode()).as("GET %s: %s", path, response.getBody()).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    JsonNode awaitStatus(UUID orderId, String status) {
        return await().atMost(CONVERGENCE).ignoreExceptions()
                .until(() -> get("/orders/" + orderId), order -> status.equals(order.get("status").asText()));
    }

    void awaitProduct(UUID productId, int stock, int reserved) {
        await().atMost(CONVERGENCE).ignoreExceptions().untilAsserted(() -> {
            JsonNode product = get("/products/" + productId);
            assertThat(product.get("stock").asInt()).as("stock of %s", productId).isEqualTo(stock);
            assertThat(product.get("reserved").asInt()).as("reserved of %s", productId).isEqualTo(reserved);
        });
    }
}
