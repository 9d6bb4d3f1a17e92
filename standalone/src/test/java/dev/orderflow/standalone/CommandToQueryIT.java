package dev.orderflow.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orderflow.testfixtures.DevelopmentUserRestTemplate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.UUID;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole embedded mode over HTTP: REST commands, the events they store, the fulfilment saga, the
 * projections, and the REST query API reading what they built; then the admin API replaying a read model.
 * It runs on a throw-away embedded Postgres of its own (an empty data directory), so no other application
 * context of the test JVM works on the same event store and tokens.
 */
@Import(DevelopmentUserRestTemplate.class)
@SpringBootTest(classes = StandaloneApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "orderflow.embedded-postgres.data-directory=")
class CommandToQueryIT {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Autowired
    TestRestTemplate http;

    @Test
    void anOrderPlacedOverRestIsFulfilledAndReadBackWithNamesPricesAndRenames() {
        UUID customerId = UUID.randomUUID();
        UUID productId = UUID.randomUUID();
        UUID orderId = UUID.randomUUID();
        send(HttpMethod.POST, "/customers", """
                {"customerId": "%s", "name": "Query Quinn", "email": "%s@example.com", "creditLimit": 500.00}"""
                .formatted(customerId, customerId), HttpStatus.CREATED);
        send(HttpMethod.POST, "/products", """
                {"productId": "%s", "name": "Query Mug", "price": 12.50, "stock": 10}""".formatted(productId),
                HttpStatus.CREATED);
        ResponseEntity<JsonNode> placed = send(HttpMethod.POST, "/orders", """
                {"orderId": "%s", "customerId": "%s", "lines": [{"productId": "%s", "quantity": 2}]}"""
                .formatted(orderId, customerId, productId), HttpStatus.CREATED);

        // Read-your-writes: the ETag of the create is the version to wait for.
        JsonNode order = get("/orders/" + orderId + "?minVersion=" + version(placed));
        assertThat(order.get("customerName").asText()).isEqualTo("Query Quinn");
        assertThat(order.at("/lines/0/productName").asText()).isEqualTo("Query Mug");
        assertThat(order.at("/lines/0/quantity").asInt()).isEqualTo(2);

        // The fulfilment saga reserves the stock, takes the payment and confirms the order.
        JsonNode confirmed = awaitJson("/orders/" + orderId, json -> json.path("status").asText().equals("CONFIRMED"));
        assertThat(confirmed.at("/lines/0/unitPrice").decimalValue()).isEqualByComparingTo("12.50");
        assertThat(confirmed.get("total").decimalValue()).isEqualByComparingTo("25.00");
        assertThat(confirmed.get("rejectionReason").isNull()).isTrue();
        JsonNode product = awaitJson("/products/" + productId, json -> json.path("reserved").asInt() == 2);
        assertThat(product.get("stock").asInt()).isEqualTo(8);
        JsonNode customer = awaitJson("/customers/" + customerId,
                json -> json.path("amountSpent").decimalValue().compareTo(new BigDecimal("25.00")) == 0);
        assertThat(customer.get("orderCount").asLong()).isEqualTo(1);
        JsonNode orders = get("/orders?customerId=" + customerId + "&status=CONFIRMED&page=0&size=5");
        assertThat(orders.get("totalItems").asLong()).isEqualTo(1);
        assertThat(orders.at("/items/0/orderId").asText()).isEqualTo(orderId.toString());

        // Renames reach the copies on the order; the rename's ETag is the version to wait for.
        ResponseEntity<JsonNode> renamed = send(HttpMethod.PUT, "/customers/" + customerId + "/name",
                "{\"name\": \"Quinn Query-Smith\"}", HttpStatus.NO_CONTENT);
        assertThat(get("/customers/" + customerId + "?minVersion=" + version(renamed)).get("name").asText())
                .isEqualTo("Quinn Query-Smith");
        send(HttpMethod.PUT, "/products/" + productId + "/name", "{\"name\": \"Query Mug, large\"}", HttpStatus.NO_CONTENT);
        awaitJson("/orders/" + orderId, json -> json.path("customerName").asText().equals("Quinn Query-Smith")
                && json.at("/lines/0/productName").asText().equals("Query Mug, large"));

        // API composition: four read models, one answer.
        JsonNode details = awaitJson("/orders/" + orderId + "/details",
                json -> json.at("/shipment/status").asText().equals("AVAILABLE"));
        assertThat(details.at("/order/data/status").asText()).isEqualTo("CONFIRMED");
        assertThat(details.at("/customer/data/name").asText()).isEqualTo("Quinn Query-Smith");
        assertThat(details.at("/payment/data/status").asText()).isEqualTo("AUTHORIZED");
        assertThat(details.at("/payment/data/amount").decimalValue()).isEqualByComparingTo("25.00");
        assertThat(details.at("/shipment/data/status").asText()).isEqualTo("SCHEDULED");

        // The warehouse dispatches the shipment found by the order; the stock leaves the product.
        String shipmentId = get("/shipments/" + orderId).get("shipmentId").asText();
        ResponseEntity<JsonNode> dispatched = send(HttpMethod.POST, "/shipments/" + shipmentId + "/dispatch", null,
                HttpStatus.NO_CONTENT);
        assertThat(get("/shipments/" + orderId + "?minVersion=" + version(dispatched)).get("status").asText())
                .isEqualTo("DISPATCHED");
        JsonNode shipped = awaitJson("/products/" + productId, json -> json.path("reserved").asInt() == 0
                && json.path("stock").asInt() == 8);
        assertThat(shipped.get("name").asText()).isEqualTo("Query Mug, large");
    }

    @Test
    void theAdminApiShowsEveryProcessorReplaysAReadModelAndShowsAnAggregatesEvents() {
        UUID productId = UUID.randomUUID();
        send(HttpMethod.POST, "/products", """
                {"productId": "%s", "name": "Replayed Mug", "price": 3.00, "stock": 5}""".formatted(productId),
                HttpStatus.CREATED);
        JsonNode before = awaitJson("/products/" + productId, json -> true);

        TestRestTemplate admin = DevelopmentUserRestTemplate.asAdmin(http);
        JsonNode processors = get(admin, "/admin/processors");
        assertThat(processors.findValuesAsText("name")).contains("order-history", "customer-accounts", "catalogue",
                "shipments", "payments", "payment-credit-check", "customer-email-registry");
        JsonNode emailRegistry = processor(processors, "customer-email-registry");
        assertThat(emailRegistry.get("mode").asText()).isEqualTo("SUBSCRIBING");
        assertThat(processor(processors, "catalogue").get("mode").asText()).isEqualTo("POOLED_STREAMING");

        ResponseEntity<JsonNode> sideEffects = admin.postForEntity("/admin/processors/order-shipped-policy/replay",
                null, JsonNode.class);
        assertThat(sideEffects.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(sideEffects.getBody().get("detail").asText()).contains("@DisallowReplay");
        assertThat(admin.postForEntity("/admin/processors/customer-email-registry/replay", null, JsonNode.class)
                .getStatusCode()).as("a subscribing processor has no token to replay from").isEqualTo(HttpStatus.CONFLICT);

        ResponseEntity<JsonNode> replay = admin.postForEntity("/admin/processors/catalogue/replay", null, JsonNode.class);
        assertThat(replay.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        JsonNode done = await().atMost(PATIENCE).until(
                () -> admin.getForEntity(replay.getHeaders().getLocation(), JsonNode.class).getBody(),
                status -> status.at("/replay/done").asBoolean());
        assertThat(done.at("/replay/percentage").asDouble()).isEqualTo(100.0);
        assertThat(get("/products/" + productId)).isEqualTo(before);

        JsonNode events = get(admin, "/admin/events/" + productId);
        assertThat(events.get("aggregateType").asText()).isEqualTo("Product");
        assertThat(events.at("/events/0/type").asText()).isEqualTo("ProductAddedEvent");
        assertThat(events.at("/events/0/payload/name").asText()).isEqualTo("Replayed Mug");
    }

    private static JsonNode processor(JsonNode processors, String name) {
        for (JsonNode processor : processors) {
            if (processor.get("name").asText().equals(name)) {
                return processor;
            }
        }
        throw new AssertionError("No processor " + name + " in " + processors);
    }

    private static long version(ResponseEntity<?> response) {
        return Long.parseLong(response.getHeaders().getETag().replace("\"", ""));
    }

    private JsonNode get(String path) {
        return get(http, path);
    }

    private static JsonNode get(TestRestTemplate client, String path) {
        ResponseEntity<JsonNode> response = client.getForEntity(path, JsonNode.class);
        assertThat(response.getStatusCode()).as("GET %s: %s", path, response.getBody()).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    private JsonNode awaitJson(String path, Predicate<JsonNode> condition) {
        return await().atMost(PATIENCE).until(() -> {
            ResponseEntity<JsonNode> response = http.getForEntity(path, JsonNode.class);
            return response.getStatusCode().is2xxSuccessful() && condition.test(response.getBody()) ? response.getBody() : null;
        }, body -> body != null);
    }

    private ResponseEntity<JsonNode> send(HttpMethod method, String path, String json, HttpStatus expected) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<JsonNode> response = http.exchange(path, method, new HttpEntity<>(json, headers), JsonNode.class);
        assertThat(response.getStatusCode()).as("%s %s: %s", method, path, response.getBody()).isEqualTo(expected);
        return response;
    }
}
