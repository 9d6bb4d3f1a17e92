package dev.orderflow.query;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orderflow.api.customer.CreditLimitChangedEvent;
import dev.orderflow.api.customer.CustomerRenamedEvent;
import dev.orderflow.api.inventory.ProductPriceChangedEvent;
import dev.orderflow.api.inventory.ProductRenamedEvent;
import dev.orderflow.api.inventory.ProductRestockedEvent;
import dev.orderflow.api.inventory.StockReleasedEvent;
import dev.orderflow.api.order.OrderCancelledEvent;
import dev.orderflow.api.order.OrderConfirmedEvent;
import dev.orderflow.api.order.OrderRejectedEvent;
import dev.orderflow.api.order.OrderShippedEvent;
import dev.orderflow.api.payment.PaymentAuthorizedEvent;
import dev.orderflow.api.payment.PaymentDeclinedEvent;
import dev.orderflow.api.payment.PaymentRefundedEvent;
import dev.orderflow.api.payment.PaymentRequestedEvent;
import dev.orderflow.api.shared.Money;
import dev.orderflow.api.shared.Quantity;
import dev.orderflow.api.shipping.ShipmentCancelledEvent;
import dev.orderflow.api.shipping.ShipmentDispatchedEvent;
import dev.orderflow.api.shipping.ShipmentScheduledEvent;
import dev.orderflow.shared.database.ServiceSchemaMigrations;
import dev.orderflow.testfixtures.DevelopmentUserRestTemplate;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static dev.orderflow.query.StoredEvents.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A replay rebuilds the same read models, and so does a rebuild beside the live model: fill the event store, snapshot
 * every read-model table, replay (or rebuild) every processor through the admin API, wait for the admin API to report
 * each done, snapshot again, compare.
 */
@QuerySideTest
class ReplayIT {

    private static final int CUSTOMERS = 8;
    private static final int PRODUCTS = 6;
    private static final int ORDERS = 40;

    @Autowired
    TestRestTemplate http;
    @Autowired
    EventStore eventStore;
    @Autowired
    TransactionManager transactionManager;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ServiceSchemaMigrations migrations;

    @Test
    void replayingEveryProcessorRebuildsTheSameReadModels() {
        fillTheEventStore(new StoredEvents(eventStore, transactionManager));
        List<String> processors = awaitAllCaughtUp();
        Map<String, List<Map<String, Object>>> before = snapshot();
        assertThat(before.get("order_history")).hasSizeGreaterThanOrEqualTo(ORDERS);

        List<URI> replays = new ArrayList<>();
        for (String processor : processors) {
            ResponseEntity<JsonNode> started = admin().postForEntity("/admin/processors/" + processor + "/replay", null, JsonNode.class);
            assertThat(started.getStatusCode()).as(processor).isEqualTo(HttpStatus.ACCEPTED);
            assertThat(started.getHeaders().getLocation()).hasToString("/admin/processors/" + processor);
            assertThat(started.getBody().at("/replay/headAtStart").asLong()).isPositive();
            replays.add(started.getHeaders().getLocation());
        }
        for (URI replay : replays) {
            JsonNode done = await().atMost(Duration.ofSeconds(60)).until(
                    () -> admin().getForEntity(replay, JsonNode.class).getBody(),
                    status -> status.at("/replay/done").asBoolean());
            assertThat(done.get("replaying").asBoolean()).isFalse();
            assertThat(done.at("/replay/percentage").asDouble()).isEqualTo(100.0);
            assertThat(done.at("/replay/position").asLong()).isEqualTo(done.at("/replay/headAtStart").asLong());
            assertThat(done.at("/replay/eventsPerSecond").asDouble()).isPositive();
            assertThat(done.at("/replay/finishedAt").asText()).isNotBlank();
        }
        Map<String, List<Map<String, Object>>> after = snapshot();

        assertThat(after.keySet()).containsExactlyElementsOf(before.keySet());
        after.forEach((table, rows) -> assertThat(rows).as(table).isEqualTo(before.get(table)));
    }

    @Test
    void rebuildingEveryProcessorBesideItsLiveReadModelBuildsTheSameReadModels() {
        fillTheEventStore(new StoredEvents(eventStore, transactionManager));
        List<String> processors = awaitAllCaughtUp();
        Map<String, List<Map<String, Object>>> before = snapshot();

        for (String processor : processors) {
            ResponseEntity<JsonNode> started = admin().postForEntity("/admin/processors/" + processor + "/rebuild", null, JsonNode.class);
            assertThat(started.getStatusCode()).as(processor).isEqualTo(HttpStatus.ACCEPTED);
            assertThat(started.getBody().at("/rebuild/state").asText()).as(processor).isEqualTo("BUILDING");
        }
        for (String processor : processors) {
            JsonNode done = await().atMost(Duration.ofSeconds(60)).until(
                    () -> admin().getForEntity("/admin/processors/" + processor, JsonNode.class).getBody(),
                    status -> status.at("/rebuild/state").asText().equals("DONE"));
            assertThat(done.at("/rebuild/progress/position").asLong()).as(processor)
                    .isEqualTo(done.at("/rebuild/progress/headAtStart").asLong());
            assertThat(done.at("/rebuild/problems")).as(processor).isEmpty();
        }
        awaitAllCaughtUp();
        Map<String, List<Map<String, Object>>> after = snapshot();

        assertThat(after.keySet()).containsExactlyElementsOf(before.keySet());
        after.forEach((table, rows) -> assertThat(rows).as(table).isEqualTo(before.get(table)));
        // The swapped schemas carry their own migration history: the next start migrates them as before.
        migrations.migrate();
    }

    private void fillTheEventStore(StoredEvents events) {
        List<UUID> customers = IntStream.range(0, CUSTOMERS).mapToObj(i -> events.customer("Replay customer " + i, "500.00")).toList();
        List<UUID> products = IntStream.range(0, PRODUCTS).mapToObj(i -> events.product("Replay product " + i, (i + 1) + ".25", 1000)).toList();
        for (int i = 0; i < ORDERS; i++) {
            UUID customer = customers.get(i % CUSTOMERS);
            UUID first = products.get(i % PRODUCTS);
            UUID second = products.get((i + 1) % PRODUCTS);
            UUID order = events.order(customer, line(first, 1 + i % 3), line(second, 2));
            events.reserve(first, order, 1 + i % 3, (i % PRODUCTS + 1) + ".25");
            events.reserve(second, order, 2, ((i + 1) % PRODUCTS + 1) + ".25");
            UUID payment = UUID.randomUUID();
            Money amount = Money.of("10.00");
            events.publish("Payment", payment, new PaymentRequestedEvent(payment, order, customer, amount));
            switch (i % 4) {
                case 0 -> {
                    events.publish("Payment", payment, new PaymentAuthorizedEvent(payment, order, customer, amount));
                    events.publish("Order", order, new OrderConfirmedEvent(order));
                    UUID shipment = UUID.randomUUID();
                    events.publish("Shipment", shipment, new ShipmentScheduledEvent(shipment, order),
                            new ShipmentDispatchedEvent(shipment, order));
                    events.publish("Order", order, new OrderShippedEvent(order));
                }
                case 1 -> {
                    events.publish("Payment", payment, new PaymentDeclinedEvent(payment, order, customer, amount, "Declined"));
                    events.publish("Product", first, new StockReleasedEvent(first, order, Quantity.of(1 + i % 3)));
                    events.publish("Order", order, new OrderRejectedEvent(order, "Payment declined"));
                }
                case 2 -> {
                    events.publish("Payment", payment, new PaymentAuthorizedEvent(payment, order, customer, amount));
                    events.publish("Order", order, new OrderConfirmedEvent(order));
                    UUID shipment = UUID.randomUUID();
                    events.publish("Shipment", shipment, new ShipmentScheduledEvent(shipment, order),
                            new ShipmentCancelledEvent(shipment, order));
                    events.publish("Payment", payment, new PaymentRefundedEvent(payment, order, customer, amount));
                    events.publish("Order", order, new OrderCancelledEvent(order));
                }
                default -> {
                    // left pending
                }
            }
            if (i % 10 == 5) {
                events.publish("Customer", customer, new CustomerRenamedEvent(customer, "Renamed customer " + i),
                        new CreditLimitChangedEvent(customer, Money.of("900.00")));
                events.publish("Product", first, new ProductRenamedEvent(first, "Renamed product " + i),
                        new ProductPriceChangedEvent(first, Money.of("7.77")), new ProductRestockedEvent(first, Quantity.of(5)));
            }
        }
    }

    private List<String> awaitAllCaughtUp() {
        JsonNode processors = await().atMost(Duration.ofSeconds(60)).until(
                () -> admin().getForEntity("/admin/processors", JsonNode.class).getBody(),
                list -> list.size() == 5 && list.findValues("behind").stream().allMatch(behind -> behind.asLong(-1) == 0));
        return processors.findValuesAsText("name");
    }

    /** Every table of every read model's schema, each as its rows ordered by all their columns. */
    private Map<String, List<Map<String, Object>>> snapshot() {
        List<Map<String, Object>> tables = jdbc.queryForList("""
                select table_schema, table_name from information_schema.tables
                where table_schema in ('order_history', 'customer_accounts', 'catalogue', 'shipments', 'payments')
                  and table_type = 'BASE TABLE' and table_name <> 'flyway_schema_history'
                order by table_schema, table_name""");
        Map<String, List<Map<String, Object>>> snapshot = new LinkedHashMap<>();
        for (Map<String, Object> table : tables) {
            String schema = (String) table.get("table_schema");
            String name = (String) table.get("table_name");
            int columns = jdbc.queryForObject("""
                    select count(*) from information_schema.columns where table_schema = ? and table_name = ?""",
                    Integer.class, schema, name);
            String orderBy = IntStream.rangeClosed(1, columns).mapToObj(Integer::toString).collect(Collectors.joining(", "));
            snapshot.put(name, jdbc.queryForList("select * from " + schema + "." + name + " order by " + orderBy));
        }
        assertThat(snapshot).containsKeys("order_history", "order_history_line", "order_history_customer",
                "order_history_product", "customer_account", "customer_account_order", "customer_account_order_line",
                "catalogue_product", "order_shipment", "order_payment");
        return snapshot;
    }

    private TestRestTemplate admin() {
        return DevelopmentUserRestTemplate.asAdmin(http);
    }
}
