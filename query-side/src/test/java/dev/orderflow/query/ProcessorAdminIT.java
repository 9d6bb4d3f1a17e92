package dev.orderflow.query;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orderflow.api.order.OrderConfirmedEvent;
import dev.orderflow.testfixtures.DevelopmentUserRestTemplate;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.time.Duration;
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

    private TestRestTemplate admin() {
        return DevelopmentUserRestTemplate.asAdmin(http);
    }
}
