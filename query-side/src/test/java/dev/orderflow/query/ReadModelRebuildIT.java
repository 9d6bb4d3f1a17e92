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
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.orderflow.query.StoredEvents.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A rebuild beside the live read model (POST /admin/processors/{name}/rebuild): queries keep answering from the
 * live model, complete, for the whole rebuild; the copy takes over with every event, including those appended
 * while it was built; a rebuild that cannot take over waits, and cancelling it leaves the live model as it was.
 */
@QuerySideTest
class ReadModelRebuildIT {

    private static final int ORDERS = 30;

    @Autowired
    TestRestTemplate http;
    @Autowired
    EventStore eventStore;
    @Autowired
    TransactionManager transactionManager;
    @Autowired
    JdbcTemplate jdbc;

    StoredEvents events;

    @BeforeEach
    void setUp() {
        events = new StoredEvents(eventStore, transactionManager);
    }

    @Test
    void readersNeverSeeTheOrderHistoryEmptyOrPartialWhileItIsRebuiltAndTheCopyTakesOverWithEveryEvent() throws Exception {
        UUID customer = events.customer("Rebuild reader");
        UUID product = events.product("Rebuild mug", "3.50", 1000);
        List<UUID> orders = new ArrayList<>();
        for (int i = 0; i < ORDERS; i++) {
            UUID order = events.order(customer, line(product, 1 + i % 3));
            events.reserve(product, order, 1 + i % 3, "3.50");
            orders.add(order);
        }
        awaitCaughtUp("order-history");
        long customersOrders = customersOrders(customer).get("totalItems").asLong();
        assertThat(customersOrders).isEqualTo(ORDERS);

        AtomicBoolean rebuilding = new AtomicBoolean(true);
        AtomicInteger reads = new AtomicInteger();
        List<String> wrongReads = new ArrayList<>();
        CompletableFuture<Void> reader = CompletableFuture.runAsync(() -> {
            while (rebuilding.get()) {
                JsonNode page = customersOrders(customer);
                long seen = page.get("totalItems").asLong();
                ResponseEntity<JsonNode> one = http.getForEntity("/orders/" + orders.get(reads.get() % ORDERS), JsonNode.class);
                if (seen < ORDERS || one.getStatusCode() != HttpStatus.OK
                        || !"Rebuild reader".equals(one.getBody().get("customerName").asText())
                        || one.getBody().get("lines").size() != 1
                        || !one.getBody().at("/lines/0/priceReserved").asBoolean()) {
                    synchronized (wrongReads) {
                        wrongReads.add(seen + " orders, " + one.getStatusCode() + " " + one.getBody());
                    }
                }
                reads.incrementAndGet();
            }
        });

        ResponseEntity<JsonNode> started = admin().postForEntity("/admin/processors/order-history/rebuild", null, JsonNode.class);
        assertThat(started.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(started.getHeaders().getLocation()).hasToString("/admin/processors/order-history");
        assertThat(started.getBody().at("/rebuild/state").asText()).isEqualTo("BUILDING");
        assertThat(started.getBody().at("/rebuild/processor").asText()).isEqualTo("order-history.rebuild");
        assertThat(started.getBody().at("/rebuild/schema").asText()).isEqualTo("order_history_rebuild");
        assertThat(started.getBody().at("/rebuild/progress/headAtStart").asLong()).isPositive();
        assertThat(started.getBody().get("replaying").asBoolean()).as("the live model is not replaying").isFalse();
        assertThat(admin().postForEntity("/admin/processors/order-history/rebuild", null, JsonNode.class).getStatusCode())
                .as("one rebuild at a time").isEqualTo(HttpStatus.CONFLICT);

        // Appended while the copy is built: the copy must have it when it takes over.
        UUID lateOrder = events.order(customer, line(product, 7));
        events.publish("Order", lateOrder, new OrderConfirmedEvent(lateOrder));

        JsonNode done = await().atMost(Duration.ofSeconds(60)).until(
                () -> admin().getForEntity("/admin/processors/order-history", JsonNode.class).getBody(),
                status -> status.at("/rebuild/state").asText().equals("DONE"));
        rebuilding.set(false);
        reader.get();

        assertThat(wrongReads).isEmpty();
        assertThat(reads.get()).isPositive();
        assertThat(done.at("/rebuild/progress/done").asBoolean()).isTrue();
        assertThat(done.at("/rebuild/progress/percentage").asDouble()).isEqualTo(100.0);
        assertThat(done.at("/rebuild/endedAt").asText()).isNotBlank();
        JsonNode late = await().atMost(Duration.ofSeconds(30)).until(
                () -> http.getForEntity("/orders/" + lateOrder, JsonNode.class),
                answer -> answer.getStatusCode() == HttpStatus.OK && answer.getBody().get("status").asText().equals("CONFIRMED"))
                .getBody();
        assertThat(late.at("/lines/0/quantity").asInt()).isEqualTo(7);
        assertThat(customersOrders(customer).get("totalItems").asLong()).isEqualTo(ORDERS + 1);
        assertThat(schemas()).doesNotContain("order_history_rebuild", "order_history_retired").contains("order_history");
        assertThat(jdbc.queryForObject("select count(*) from axon.token_entry where processor_name = 'order-history.rebuild'",
                Integer.class)).as("the copy's tokens became the live processor's").isZero();

        // The live processor goes on from the copy's position, into the swapped schema.
        UUID afterwards = events.order(customer, line(product, 2));
        await().atMost(Duration.ofSeconds(30)).until(
                () -> http.getForEntity("/orders/" + afterwards, JsonNode.class).getStatusCode() == HttpStatus.OK);
    }

    @Test
    void aRebuildWaitsWhileAnotherInstanceHoldsTheLiveProcessorAndCancellingItLeavesTheLiveModelAsItWas() {
        events.product("Rebuild catalogue item", "9.90", 5);
        awaitCaughtUp("catalogue");
        List<Map<String, Object>> liveBefore = jdbc.queryForList("select * from catalogue.catalogue_product order by product_id");
        List<Map<String, Object>> tokensBefore = liveTokens();
        assertThat(admin().postForEntity("/admin/processors/catalogue/stop", null, JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
        // What the token store shows while another instance of the service runs the live processor.
        jdbc.update("update axon.token_entry set owner = 'query-side-elsewhere', timestamp = ? where processor_name = 'catalogue'",
                Instant.now().plusSeconds(300).toString());
        try {
            assertThat(admin().postForEntity("/admin/processors/catalogue/rebuild", null, JsonNode.class).getStatusCode())
                    .isEqualTo(HttpStatus.ACCEPTED);
            JsonNode waiting = await().atMost(Duration.ofSeconds(60)).until(
                    () -> admin().getForEntity("/admin/processors/catalogue", JsonNode.class).getBody(),
                    status -> status.at("/rebuild/problems").toString().contains("query-side-elsewhere"));
            assertThat(waiting.at("/rebuild/state").asText()).isEqualTo("BUILDING");
            assertThat(waiting.at("/rebuild/progress/done").asBoolean()).as("caught up, waiting to take over").isTrue();
            assertThat(schemas()).contains("catalogue_rebuild");
            assertThat(jdbc.queryForObject("select count(*) from catalogue_rebuild.catalogue_product", Integer.class))
                    .as("the copy is complete").isEqualTo(liveBefore.size());
            assertThat(admin().postForEntity("/admin/processors/catalogue/replay", null, JsonNode.class).getStatusCode())
                    .as("no clearing replay during a rebuild").isEqualTo(HttpStatus.CONFLICT);

            ResponseEntity<JsonNode> cancelled = admin().exchange("/admin/processors/catalogue/rebuild", HttpMethod.DELETE,
                    null, JsonNode.class);
            assertThat(cancelled.getStatusCode()).isEqualTo(HttpStatus.OK);
            assertThat(cancelled.getBody().at("/rebuild/state").asText()).isEqualTo("CANCELLED");
            assertThat(schemas()).doesNotContain("catalogue_rebuild");
            assertThat(jdbc.queryForObject("select count(*) from axon.token_entry where processor_name = 'catalogue.rebuild'",
                    Integer.class)).isZero();
            assertThat(jdbc.queryForList("select * from catalogue.catalogue_product order by product_id")).isEqualTo(liveBefore);
            assertThat(liveTokens()).as("the live processor's tokens").isEqualTo(tokensBefore);
            assertThat(admin().exchange("/admin/processors/catalogue/rebuild", HttpMethod.DELETE, null, JsonNode.class)
                    .getStatusCode()).as("nothing left to cancel").isEqualTo(HttpStatus.NOT_FOUND);
        } finally {
            jdbc.update("update axon.token_entry set owner = null where processor_name = 'catalogue'");
            admin().postForEntity("/admin/processors/catalogue/start", null, JsonNode.class);
        }
        awaitCaughtUp("catalogue");
    }

    @Test
    void aReadModelBeingRebuiltByAnotherInstanceIsNotRebuiltHereToo() {
        // What the token store shows while another instance of the service rebuilds the payments.
        jdbc.update("insert into axon.token_entry (processor_name, segment, owner, timestamp) values ('payments.rebuild', 0, "
                + "'query-side-elsewhere', ?)", Instant.now().plusSeconds(300).toString());
        try {
            ResponseEntity<JsonNode> refused = admin().postForEntity("/admin/processors/payments/rebuild", null, JsonNode.class);
            assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
            assertThat(refused.getBody().get("detail").asText()).contains("query-side-elsewhere");
            assertThat(schemas()).doesNotContain("payments_rebuild");
        } finally {
            jdbc.update("delete from axon.token_entry where processor_name = 'payments.rebuild'");
        }
    }

    @Test
    void onlyAKnownProcessorCanBeRebuilt() {
        ResponseEntity<JsonNode> unknown = admin().postForEntity("/admin/processors/no-such-processor/rebuild", null, JsonNode.class);
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(http.postForEntity("/admin/processors/order-history/rebuild", null, JsonNode.class).getStatusCode())
                .as("a USER is not an ADMIN").isEqualTo(HttpStatus.FORBIDDEN);
    }

    private JsonNode customersOrders(UUID customer) {
        return http.getForEntity("/orders?customerId=" + customer + "&size=1", JsonNode.class).getBody();
    }

    private List<Map<String, Object>> liveTokens() {
        return jdbc.queryForList("select segment, convert_from(token, 'UTF8') as token from axon.token_entry where processor_name = 'catalogue' order by segment");
    }

    private List<String> schemas() {
        return jdbc.queryForList("select schema_name from information_schema.schemata", String.class);
    }

    private void awaitCaughtUp(String processor) {
        await().atMost(Duration.ofSeconds(60)).until(
                () -> admin().getForEntity("/admin/processors/" + processor, JsonNode.class).getBody(),
                status -> status.get("running").asBoolean() && status.get("behind").asLong(-1) == 0);
    }

    private TestRestTemplate admin() {
        return DevelopmentUserRestTemplate.asAdmin(http);
    }
}
