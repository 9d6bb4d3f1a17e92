package dev.orderflow.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.zaxxer.hikari.HikariDataSource;
import dev.orderflow.api.inventory.ProductAddedEvent;
import dev.orderflow.api.inventory.ProductRestockedEvent;
import dev.orderflow.api.shared.Money;
import dev.orderflow.api.shared.Quantity;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;

import javax.sql.DataSource;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

import static dev.orderflow.query.StoredEvents.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A projection that cannot store an event parks it, with the later events of its aggregate, as a dead letter
 * and keeps projecting everything else; the operator sees it in the admin API, fixes the cause and retries it.
 * <p>
 * The poison is a product whose name is longer than the read models' {@code varchar(200)} columns, appended to
 * the event store as if the command side had had a validation bug. The fix widens those columns. This class has
 * an application context (and so a database) of its own: its poison events and altered tables stay out of the
 * other tests' read models, and it is closed afterwards.
 */
@SpringBootTest(classes = QuerySideApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "orderflow.query.projections.batch-size=50")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class DeadLetterIT {

    private static final String CATALOGUE = ProjectionProcessors.CATALOGUE;
    private static final String ORDER_HISTORY = ProjectionProcessors.ORDER_HISTORY;
    private static final String CUSTOMER_ACCOUNTS = ProjectionProcessors.CUSTOMER_ACCOUNTS;
    /** Too long for varchar(200); fits once the first test widened the columns to 400. */
    private static final String NAME_OF_250 = "N".repeat(250);
    /** Too long even for the widened columns. */
    private static final String NAME_OF_1000 = "L".repeat(1000);

    @Autowired
    TestRestTemplate http;
    @Autowired
    EventStore eventStore;
    @Autowired
    TransactionManager transactionManager;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DataSource dataSource;

    StoredEvents events;

    @BeforeEach
    void setUp() {
        events = new StoredEvents(eventStore, transactionManager);
    }

    @Test
    void aPoisonEventIsParkedWhileOtherSequencesFlowAndRetriedAfterTheFixItCompletesTheReadModel() throws SQLException {
        // Stopped while the events are appended, so the catalogue meets the poison in one batch among the others.
        assertThat(admin().postForEntity("/admin/processors/" + CATALOGUE + "/stop", null, JsonNode.class)
                .getStatusCode()).isEqualTo(HttpStatus.OK);
        UUID before = events.product("Before the poison", "1.00", 1);
        UUID poisoned = UUID.randomUUID();
        events.publish("Product", poisoned, new ProductAddedEvent(poisoned, NAME_OF_250, Money.of("9.99"), 5),
                new ProductRestockedEvent(poisoned, Quantity.of(3)));
        UUID after = events.product("After the poison", "2.00", 2);
        events.publish("Product", after, new ProductRestockedEvent(after, Quantity.of(4)));
        UUID customer = events.customer("Customer of the healthy product");
        UUID order = events.order(customer, line(after, 1));
        assertThat(admin().postForEntity("/admin/processors/" + CATALOGUE + "/start", null, JsonNode.class)
                .getStatusCode()).isEqualTo(HttpStatus.OK);

        JsonNode parked = awaitParked(CATALOGUE, poisoned, letters -> letters.size() == 2);
        assertThat(parked.get("processingGroup").asText()).isEqualTo(CATALOGUE);
        JsonNode failed = parked.get("letters").get(0);
        assertThat(failed.get("eventType").asText()).isEqualTo("ProductAddedEvent");
        assertThat(failed.get("aggregateSequence").asLong()).isZero();
        assertThat(failed.get("eventId").asText()).isNotBlank();
        assertThat(failed.at("/cause/message").asText()).contains("value too long");
        assertThat(failed.get("enqueuedAt").asText()).isNotBlank();
        assertThat(failed.get("retries").asLong()).isZero();
        JsonNode waiting = parked.get("letters").get(1);
        assertThat(waiting.get("eventType").asText()).isEqualTo("ProductRestockedEvent");
        assertThat(waiting.get("aggregateSequence").asLong()).isEqualTo(1);
        assertThat(waiting.has("cause")).as("parked only because its sequence is").isFalse();
        // Order history copies product names too, so it parks the same event.
        awaitParked(ORDER_HISTORY, poisoned, letters -> letters.size() == 1);

        // Everything else is projected, the events of the poison's batch included, each exactly once.
        assertThat(awaitProduct(before).get("stock").asInt()).isEqualTo(1);
        assertThat(awaitProduct(after, product -> product.get("stock").asInt() == 6).get("name").asText())
                .isEqualTo("After the poison");
        assertThat(await().atMost(Duration.ofSeconds(30)).until(() -> user().getForEntity("/orders/" + order, JsonNode.class),
                response -> response.getStatusCode() == HttpStatus.OK).getBody().at("/lines/0/productName").asText())
                .isEqualTo("After the poison");
        assertThat(user().getForEntity("/products/" + poisoned, JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(metric(CATALOGUE)).isGreaterThanOrEqualTo(2);

        // A retry before the fix fails again: the sequence stays parked, with the failure counted.
        ResponseEntity<JsonNode> tooEarly = admin().postForEntity(
                "/admin/dead-letters/" + CATALOGUE + "/" + poisoned + "/retry", null, JsonNode.class);
        assertThat(tooEarly.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(tooEarly.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(tooEarly.getBody().get("detail").asText()).contains("value too long");
        assertThat(awaitParked(CATALOGUE, poisoned, letters -> letters.size() == 2)
                .at("/letters/0/retries").asLong()).isEqualTo(1);

        // The operator's fix: room for longer names, in both read models.
        jdbc.execute("alter table catalogue.catalogue_product alter column name type varchar(400)");
        jdbc.execute("alter table order_history.order_history_product alter column name type varchar(400)");
        // Pooled connections keep statement plans made for the old column type; the first use of each fails once
        // (not parked: the processor retries it). Replacing them, as restarting the pool would, spares the test that.
        dataSource.unwrap(HikariDataSource.class).getHikariPoolMXBean().softEvictConnections();

        ResponseEntity<JsonNode> retried = admin().postForEntity(
                "/admin/dead-letters/" + CATALOGUE + "/" + poisoned + "/retry", null, JsonNode.class);
        assertThat(retried.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(retried.getBody().get("handled").asBoolean()).isTrue();
        ResponseEntity<JsonNode> retriedAll = admin().postForEntity(
                "/admin/dead-letters/" + ORDER_HISTORY + "/retry", null, JsonNode.class);
        assertThat(retriedAll.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(retriedAll.getBody().findValuesAsText("handled")).containsOnly("true");

        JsonNode product = user().getForEntity("/products/" + poisoned, JsonNode.class).getBody();
        assertThat(product.get("name").asText()).isEqualTo(NAME_OF_250);
        assertThat(product.get("stock").asInt()).as("the parked restock was handled too").isEqualTo(8);
        assertThat(parkedSequences(CATALOGUE)).isEmpty();
        assertThat(parkedSequences(ORDER_HISTORY)).isEmpty();
        // Later events of the once-parked product are projected as they come.
        events.publish("Product", poisoned, new ProductRestockedEvent(poisoned, Quantity.of(2)));
        assertThat(awaitProduct(poisoned, view -> view.get("stock").asInt() == 10).get("version").asLong()).isEqualTo(2);
    }

    @Test
    void aRefusalWhenABatchIsWrittenAtItsEndParksOnlyTheGuiltySequenceAndTheRestOfTheBatchIsApplied() {
        // Stopped while the events are appended, so order history handles them all in one batch: the poison (a
        // customer name longer than any column) is neither first nor last, and its insert, like every other one,
        // waits for the batch's end, where the database refuses it without naming an event.
        assertThat(admin().postForEntity("/admin/processors/" + ORDER_HISTORY + "/stop", null, JsonNode.class)
                .getStatusCode()).isEqualTo(HttpStatus.OK);
        UUID first = events.customer("First of the batch");
        UUID product = events.product("Product of the batch", "2.50", 100);
        UUID firstOrder = events.order(first, line(product, 2));
        UUID poisoned = events.customer(NAME_OF_250);
        UUID orderOfPoisoned = events.order(poisoned, line(product, 1));
        UUID last = events.customer("Last of the batch");
        UUID lastOrder = events.order(last, line(product, 4));
        events.reserve(product, firstOrder, 2, "2.00");
        events.reserve(product, lastOrder, 4, "3.00");
        assertThat(admin().postForEntity("/admin/processors/" + ORDER_HISTORY + "/start", null, JsonNode.class)
                .getStatusCode()).isEqualTo(HttpStatus.OK);

        JsonNode parked = awaitParked(ORDER_HISTORY, poisoned, letters -> letters.size() == 1);
        assertThat(parked.at("/letters/0/eventType").asText()).isEqualTo("CustomerRegisteredEvent");
        assertThat(parked.at("/letters/0/cause/message").asText()).contains("value too long");
        List<String> parkedInOrderHistory = sequenceIds(parkedSequences(ORDER_HISTORY));
        for (UUID applied : List.of(first, product, firstOrder, orderOfPoisoned, last, lastOrder)) {
            assertThat(parkedInOrderHistory).doesNotContain(applied.toString());
        }

        // Every other event of the batch is applied, once: names copied, reserved prices in the totals.
        JsonNode placedFirst = awaitOrder(firstOrder, order -> order.at("/lines/0/priceReserved").asBoolean());
        assertThat(placedFirst.get("customerName").asText()).isEqualTo("First of the batch");
        assertThat(placedFirst.at("/lines/0/productName").asText()).isEqualTo("Product of the batch");
        assertThat(placedFirst.at("/total").decimalValue()).isEqualByComparingTo("4.00");
        JsonNode placedLast = awaitOrder(lastOrder, order -> order.at("/lines/0/priceReserved").asBoolean());
        assertThat(placedLast.get("customerName").asText()).isEqualTo("Last of the batch");
        assertThat(placedLast.at("/total").decimalValue()).isEqualByComparingTo("12.00");
        JsonNode placedByPoisoned = awaitOrder(orderOfPoisoned, order -> true);
        assertThat(placedByPoisoned.get("customerName").isNull()).as("the parked registration was not applied").isTrue();
        assertThat(placedByPoisoned.at("/total").decimalValue()).isEqualByComparingTo("2.50");
        JsonNode processor = admin().getForEntity("/admin/processors/" + ORDER_HISTORY, JsonNode.class).getBody();
        assertThat(processor.path("error").asBoolean()).as("redoing the batch is not a failure").isFalse();

        assertThat(admin().exchange("/admin/dead-letters/" + ORDER_HISTORY + "/" + poisoned, HttpMethod.DELETE, null,
                Void.class).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        awaitParked(CUSTOMER_ACCOUNTS, poisoned, letters -> letters.size() == 1);
        assertThat(admin().exchange("/admin/dead-letters/" + CUSTOMER_ACCOUNTS + "/" + poisoned, HttpMethod.DELETE, null,
                Void.class).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    }

    @Test
    void anEventWithANulInItsPayloadIsParkedWhileTheRestFlowsAndHealthIsDegradedUntilItIsEvicted() {
        // As stored by a command side that let the NUL through: Postgres refuses it in any text column.
        UUID poisoned = events.customer("a\u0000b");
        UUID poisonedProduct = events.product("p\u0000q", "1.00", 1);
        UUID healthy = events.customer("Healthy customer");
        UUID product = events.product("Product of the healthy order", "1.00", 5);
        UUID order = events.order(healthy, line(product, 1));

        for (String group : List.of(ORDER_HISTORY, CUSTOMER_ACCOUNTS)) {
            JsonNode parked = awaitParked(group, poisoned, letters -> letters.size() == 1);
            assertThat(parked.at("/letters/0/eventType").asText()).as(group).isEqualTo("CustomerRegisteredEvent");
            assertThat(parked.at("/letters/0/cause/message").asText()).as(group)
                    .contains("0x00").contains("('a\\u0000')").doesNotContain("\u0000");
        }
        for (String group : List.of(CATALOGUE, ORDER_HISTORY)) {
            assertThat(awaitParked(group, poisonedProduct, letters -> letters.size() == 1)
                    .at("/letters/0/eventType").asText()).as(group).isEqualTo("ProductAddedEvent");
        }
        assertThat(awaitProduct(product).get("name").asText()).isEqualTo("Product of the healthy order");
        assertThat(await().atMost(Duration.ofSeconds(30)).until(() -> user().getForEntity("/orders/" + order, JsonNode.class),
                response -> response.getStatusCode() == HttpStatus.OK).getBody().get("customerName").asText())
                .isEqualTo("Healthy customer");
        assertThat(await().atMost(Duration.ofSeconds(30)).until(() -> user().getForEntity("/customers/" + healthy, JsonNode.class),
                response -> response.getStatusCode() == HttpStatus.OK).getBody().get("orderCount").asInt()).isEqualTo(1);

        JsonNode degraded = awaitHealth(health -> health.get("status").asText().equals("DEGRADED"));
        assertThat(degraded.at("/components/deadLetters/details/parked/" + ORDER_HISTORY).asLong()).isEqualTo(2);
        assertThat(degraded.at("/components/deadLetters/details/parked/" + CUSTOMER_ACCOUNTS).asLong()).isEqualTo(1);
        assertThat(degraded.at("/components/deadLetters/details/parked/" + CATALOGUE).asLong()).isEqualTo(1);
        assertThat(degraded.at("/components/eventProcessors/status").asText())
                .as("the processors moved past the parked event").isEqualTo("UP");
        assertThat(http.getForEntity("/actuator/health", JsonNode.class).getStatusCode())
                .as("degraded still serves").isEqualTo(HttpStatus.OK);

        for (String group : List.of(ORDER_HISTORY, CUSTOMER_ACCOUNTS)) {
            assertThat(admin().exchange("/admin/dead-letters/" + group + "/" + poisoned, HttpMethod.DELETE, null,
                    Void.class).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        }
        for (String group : List.of(CATALOGUE, ORDER_HISTORY)) {
            assertThat(admin().exchange("/admin/dead-letters/" + group + "/" + poisonedProduct, HttpMethod.DELETE, null,
                    Void.class).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        }
        JsonNode healthyAgain = awaitHealth(health -> health.get("status").asText().equals("UP"));
        assertThat(healthyAgain.at("/components/deadLetters/details/parked/" + ORDER_HISTORY).asLong()).isZero();
    }

    @Test
    void anEvictedSequenceIsDroppedAndAnEvictedLetterLeavesTheRestParked() {
        UUID dropped = UUID.randomUUID();
        events.publish("Product", dropped, new ProductAddedEvent(dropped, NAME_OF_1000, Money.of("1.00"), 1),
                new ProductRestockedEvent(dropped, Quantity.of(1)));
        JsonNode parked = awaitParked(CATALOGUE, dropped, letters -> letters.size() == 2);
        JsonNode inOrderHistory = awaitParked(ORDER_HISTORY, dropped, letters -> letters.size() == 1);

        String restock = parked.at("/letters/1/letterId").asText();
        ResponseEntity<Void> letterEvicted = admin().exchange("/admin/dead-letters/" + CATALOGUE + "/" + dropped + "/"
                + restock, HttpMethod.DELETE, null, Void.class);
        assertThat(letterEvicted.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        JsonNode left = awaitParked(CATALOGUE, dropped, letters -> letters.size() == 1);
        assertThat(left.at("/letters/0/eventType").asText()).isEqualTo("ProductAddedEvent");

        for (String group : List.of(CATALOGUE, ORDER_HISTORY)) {
            ResponseEntity<Void> evicted = admin().exchange("/admin/dead-letters/" + group + "/" + dropped,
                    HttpMethod.DELETE, null, Void.class);
            assertThat(evicted.getStatusCode()).as(group).isEqualTo(HttpStatus.NO_CONTENT);
            assertThat(sequenceIds(parkedSequences(group))).as(group).doesNotContain(dropped.toString());
        }
        assertThat(inOrderHistory.get("sequenceIdentifier").asText()).isEqualTo(dropped.toString());
        assertThat(user().getForEntity("/products/" + dropped, JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        ResponseEntity<JsonNode> again = admin().exchange("/admin/dead-letters/" + CATALOGUE + "/" + dropped,
                HttpMethod.DELETE, null, JsonNode.class);
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void unknownGroupsSequencesAndLettersAre404() {
        List<ResponseEntity<JsonNode>> answers = List.of(
                admin().getForEntity("/admin/dead-letters?processingGroup=no-such-group", JsonNode.class),
                admin().postForEntity("/admin/dead-letters/no-such-group/retry", null, JsonNode.class),
                admin().postForEntity("/admin/dead-letters/" + CATALOGUE + "/" + UUID.randomUUID() + "/retry", null, JsonNode.class),
                admin().exchange("/admin/dead-letters/" + CATALOGUE + "/" + UUID.randomUUID(), HttpMethod.DELETE, null, JsonNode.class),
                admin().exchange("/admin/dead-letters/" + CATALOGUE + "/" + UUID.randomUUID() + "/no-such-letter",
                        HttpMethod.DELETE, null, JsonNode.class));

        for (ResponseEntity<JsonNode> answer : answers) {
            assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
            assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(answer.getBody().get("kind").asText()).isEqualTo("NOT_FOUND");
        }
    }

    /** The aggregate's parked sequence once it has the letters expected and its processor has moved past them. */
    private JsonNode awaitParked(String group, UUID aggregateId, Predicate<JsonNode> letters) {
        return await().atMost(Duration.ofSeconds(60)).until(
                () -> parkedSequences(group).stream()
                        .filter(sequence -> sequence.get("sequenceIdentifier").asText().equals(aggregateId.toString()))
                        .findFirst().orElse(null),
                sequence -> sequence != null && !sequence.get("busy").asBoolean() && letters.test(sequence.get("letters")));
    }

    private List<JsonNode> parkedSequences(String group) {
        ResponseEntity<JsonNode> response = admin().getForEntity("/admin/dead-letters?processingGroup=" + group, JsonNode.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        List<JsonNode> sequences = new ArrayList<>();
        response.getBody().forEach(sequences::add);
        return sequences;
    }

    private static List<String> sequenceIds(List<JsonNode> sequences) {
        return sequences.stream().map(sequence -> sequence.get("sequenceIdentifier").asText()).toList();
    }

    private JsonNode awaitProduct(UUID productId) {
        return awaitProduct(productId, product -> true);
    }

    private JsonNode awaitProduct(UUID productId, Predicate<JsonNode> condition) {
        return await().atMost(Duration.ofSeconds(60)).until(
                () -> user().getForEntity("/products/" + productId, JsonNode.class),
                response -> response.getStatusCode() == HttpStatus.OK && condition.test(response.getBody())).getBody();
    }

    private JsonNode awaitOrder(UUID orderId, Predicate<JsonNode> condition) {
        return await().atMost(Duration.ofSeconds(60)).until(
                () -> user().getForEntity("/orders/" + orderId, JsonNode.class),
                response -> response.getStatusCode() == HttpStatus.OK && condition.test(response.getBody())).getBody();
    }

    private JsonNode awaitHealth(Predicate<JsonNode> condition) {
        return await().atMost(Duration.ofSeconds(30)).until(
                () -> admin().getForEntity("/actuator/health", JsonNode.class).getBody(), condition);
    }

    private double metric(String group) {
        JsonNode metric = admin().getForEntity("/actuator/metrics/orderflow.dead.letters?tag=processing.group:" + group,
                JsonNode.class).getBody();
        return metric.at("/measurements/0/value").asDouble();
    }

    private TestRestTemplate admin() {
        return http.withBasicAuth("admin", "admin");
    }

    private TestRestTemplate user() {
        return http.withBasicAuth("orderflow", "orderflow");
    }
}
