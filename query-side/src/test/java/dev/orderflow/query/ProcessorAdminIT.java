package dev.orderflow.query;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orderflow.api.inventory.ProductRestockedEvent;
import dev.orderflow.api.order.OrderConfirmedEvent;
import dev.orderflow.api.shared.Quantity;
import dev.orderflow.testfixtures.DevelopmentUserRestTemplate;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static dev.orderflow.query.StoredEvents.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The shared admin API as the query side serves it: processors with their lag, and an aggregate's events. */
@QuerySideTest
class ProcessorAdminIT {

    @Autowired
    TestRestTemplate http;
    @Autowired
    EventStore eventStore;
    @Autowired
    TransactionManager transactionManager;

    StoredEvents events;

    @BeforeEach
    void setUp() {
        events = new StoredEvents(eventStore, transactionManager);
    }

    @Test
    void everyProjectionRunsInAPooledStreamingProcessorThatCatchesUpWithTheHead() {
        events.product("Lag product", "1.00", 1);

        JsonNode processors = await().atMost(Duration.ofSeconds(30)).until(
                () -> admin().getForEntity("/admin/processors", JsonNode.class).getBody(),
                list -> list.size() == 5 && list.findValues("behind").stream().allMatch(behind -> behind.asLong(-1) == 0));

        assertThat(processors.findValuesAsText("name"))
                .containsExactly("catalogue", "customer-accounts", "order-history", "payments", "shipments");
        for (JsonNode processor : processors) {
            assertThat(processor.get("mode").asText()).isEqualTo("POOLED_STREAMING");
            assertThat(processor.get("running").asBoolean()).isTrue();
            assertThat(processor.get("replaying").asBoolean()).isFalse();
            assertThat(processor.get("replayable").asBoolean()).as("a projection can be built again").isTrue();
            assertThat(processor.get("position").asLong()).isEqualTo(processor.get("head").asLong());
            assertThat(processor.get("segments")).hasSize(processor.get("segmentCount").asInt());
        }
        assertThat(processors.get(2).get("segmentCount").asInt()).as("order history keeps causal order").isEqualTo(1);
        assertThat(processors.get(0).get("segmentCount").asInt()).as("catalogue is partitioned").isEqualTo(2);
    }

    @Test
    void oneProcessorIsShownByName() {
        ResponseEntity<JsonNode> response = admin().getForEntity("/admin/processors/order-history", JsonNode.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getBody().get("name").asText()).isEqualTo("order-history");
        assertThat(response.getBody().get("segments").get(0).get("segmentId").asInt()).isZero();
    }

    @Test
    void anUnknownProcessorIsA404() {
        ResponseEntity<JsonNode> shown = admin().getForEntity("/admin/processors/no-such-processor", JsonNode.class);
        ResponseEntity<JsonNode> replayed = admin().postForEntity("/admin/processors/no-such-processor/replay", null, JsonNode.class);

        assertThat(shown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(shown.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(replayed.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void anAggregatesEventsAreShownInSequenceWithTheirPayloads() {
        UUID customer = events.customer("Inspected customer");
        UUID product = events.product("Inspected product", "2.50", 3);
        UUID order = events.order(customer, line(product, 2));
        events.publish("Order", order, new OrderConfirmedEvent(order));

        ResponseEntity<JsonNode> response = admin().getForEntity("/admin/events/" + order, JsonNode.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode body = response.getBody();
        assertThat(body.get("aggregateType").asText()).isEqualTo("Order");
        assertThat(body.get("truncated").asBoolean()).isFalse();
        JsonNode placed = body.get("events").get(0);
        assertThat(placed.get("sequence").asLong()).isZero();
        assertThat(placed.get("type").asText()).isEqualTo("OrderPlacedEvent");
        assertThat(placed.get("revision").asText()).as("its @Revision").isEqualTo("1");
        assertThat(placed.get("timestamp").asText()).isNotBlank();
        assertThat(placed.at("/payload/customerId").asText()).isEqualTo(customer.toString());
        assertThat(placed.at("/payload/lines/0/quantity").asInt()).isEqualTo(2);
        assertThat(body.get("events").get(1).get("type").asText()).isEqualTo("OrderConfirmedEvent");
        assertThat(admin().getForEntity("/admin/events/" + order + "?fromSequence=1", JsonNode.class).getBody()
                .get("events")).hasSize(1);
    }

    @Test
    void anAggregateWithoutEventsIsA404() {
        ResponseEntity<JsonNode> response = admin().getForEntity("/admin/events/" + UUID.randomUUID(), JsonNode.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(response.getBody().get("kind").asText()).isEqualTo("NOT_FOUND");
    }

    @Test
    void theNewestEventsComeFirstWithTheirAggregateAndGlobalPosition() {
        UUID product = events.product("Newest product", "1.00", 1);
        events.customer("Newest customer");

        JsonNode newest = admin().getForEntity("/admin/events?limit=2", JsonNode.class).getBody();
        JsonNode products = admin().getForEntity("/admin/events?type=productadded&limit=1", JsonNode.class).getBody();

        assertThat(newest).hasSize(2);
        assertThat(newest.get(0).get("type").asText()).isEqualTo("CustomerRegisteredEvent");
        assertThat(newest.get(0).get("position").asLong()).isGreaterThan(newest.get(1).get("position").asLong());
        assertThat(products).hasSize(1);
        assertThat(products.get(0).get("type").asText()).isEqualTo("ProductAddedEvent");
        assertThat(products.get(0).get("revision").asText()).as("read as revision 2, whatever it was stored as").isEqualTo("2");
        assertThat(products.get(0).get("aggregateId").asText()).isEqualTo(product.toString());
    }

    @Test
    void olderEventsArePagedBackFromTheOldestOneShown() {
        events.product("Paged product", "1.00", 1);
        events.customer("Paged customer");
        events.product("Another paged product", "1.00", 1);
        JsonNode newest = admin().getForEntity("/admin/events?limit=3", JsonNode.class).getBody();

        JsonNode older = admin().getForEntity("/admin/events?limit=2&before=" + newest.get(0).get("position").asLong(),
                                              JsonNode.class).getBody();

        assertThat(positions(older)).as("the next older ones, none skipped").isEqualTo(positions(newest).subList(1, 3));
        ResponseEntity<JsonNode> refused = admin().getForEntity("/admin/events?before=0", JsonNode.class);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody().toString()).contains("before");
    }

    private static List<Long> positions(JsonNode events) {
        List<Long> positions = new ArrayList<>();
        events.forEach(event -> positions.add(event.get("position").asLong()));
        return positions;
    }

    @Test
    void theEventsOfOneBusinessTransactionAreFoundByTheirTraceIdOldestFirst() {
        String traceId = UUID.randomUUID().toString();
        MetaData transaction = MetaData.with("traceId", traceId).and("correlationId", UUID.randomUUID().toString());
        UUID product = events.product("Correlated product", "1.00", 5);
        UUID order = UUID.randomUUID();
        events.publish(transaction, "Order", order, new OrderConfirmedEvent(order));
        events.product("Unrelated product", "1.00", 1);
        events.publish(transaction, "Product", product, new ProductRestockedEvent(product, Quantity.of(2)));

        JsonNode transactionEvents = admin().getForEntity("/admin/events?traceId=" + traceId, JsonNode.class).getBody();

        assertThat(transactionEvents.findValuesAsText("type")).containsExactly("OrderConfirmedEvent", "ProductRestockedEvent");
        assertThat(transactionEvents.get(0).at("/metaData/traceId").asText()).isEqualTo(traceId);
    }

    @Test
    void aLimitOutOfRangeIsRefusedWithTheField() {
        ResponseEntity<JsonNode> answer = admin().getForEntity("/admin/events?limit=0", JsonNode.class);

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(answer.getBody().toString()).contains("limit");
    }

    @Test
    void splittingAndMergingASegmentIsDoneAndAuditedWithWhoDidIt() {
        ResponseEntity<JsonNode> split = admin().postForEntity("/admin/processors/catalogue/segments/0/split", null, JsonNode.class);

        assertThat(split.getStatusCode()).as("%s", split.getBody()).isEqualTo(HttpStatus.OK);
        assertThat(split.getBody().get("segmentCount").asInt()).isEqualTo(3);

        ResponseEntity<JsonNode> merged = await().atMost(Duration.ofSeconds(30)).until(
                () -> admin().postForEntity("/admin/processors/catalogue/segments/0/merge", null, JsonNode.class),
                answer -> answer.getStatusCode() == HttpStatus.OK);
        assertThat(merged.getBody().get("segmentCount").asInt()).isEqualTo(2);

        JsonNode audit = admin().getForEntity("/admin/audit?limit=10", JsonNode.class).getBody();
        JsonNode lastMerge = findFirst(audit, "merge");
        JsonNode lastSplit = findFirst(audit, "split");
        assertThat(lastSplit.get("actor").asText()).isEqualTo("admin");
        assertThat(lastSplit.get("channel").asText()).isEqualTo("api");
        assertThat(lastSplit.get("target").asText()).isEqualTo("catalogue segment 0");
        assertThat(lastSplit.get("succeeded").asBoolean()).isTrue();
        assertThat(lastMerge.get("detail").asText()).isEqualTo("2 segments now");
    }

    @Test
    void aRefusedActionIsAuditedWithItsReason() {
        ResponseEntity<JsonNode> refused = admin().postForEntity("/admin/processors/no-such-processor/stop", null, JsonNode.class);

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        JsonNode stop = findFirst(admin().getForEntity("/admin/audit", JsonNode.class).getBody(), "stop");
        assertThat(stop.get("target").asText()).isEqualTo("no-such-processor");
        assertThat(stop.get("succeeded").asBoolean()).isFalse();
        assertThat(stop.get("detail").asText()).contains("No event processor named no-such-processor");
    }

    @Test
    void theAuditIsForAdminsOnly() {
        assertThat(http.getForEntity("/admin/audit", JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    private static JsonNode findFirst(JsonNode audit, String action) {
        for (JsonNode entry : audit) {
            if (entry.get("action").asText().equals(action)) {
                return entry;
            }
        }
        throw new AssertionError("no " + action + " in " + audit);
    }

    private TestRestTemplate admin() {
        return DevelopmentUserRestTemplate.asAdmin(http);
    }
}
