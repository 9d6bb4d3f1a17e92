package dev.orderflow.standalone;

import dev.orderflow.testfixtures.StandaloneProcess;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orderflow.shared.embeddedpostgres.OrphanedPostmaster;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.StreamSupport;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.ResourceAccessException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The standalone process killed with SIGKILL while orders are in flight and payment deadlines are
 * pending, then started again on the same data directory. Afterwards every order the API acknowledged
 * exists and is finished, every payment deadline has fired once and none is left, no read model counts
 * an event twice, and no stock stays reserved for an order that no longer needs it.
 * <p>
 * The payments of some customers never get an answer ({@link UnansweredPayments}), so their orders wait
 * for the payment deadline across the kill; the other orders are confirmed, rejected for stock or
 * declined for credit, and are placed concurrently until the moment of the kill.
 */
class CrashRecoveryIT {

    private static final Logger log = LoggerFactory.getLogger(CrashRecoveryIT.class);

    private static final Duration PAYMENT_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration RECOVERY = Duration.ofMinutes(4);
    private static final int PLENTY = 1000;
    private static final int SCARCE = 6;
    private static final int RESTOCK = 5;
    private static final int ORDERS_AWAITING_THE_DEADLINE = 6;
    private static final int ORDERS_IN_FLIGHT = 40;
    private static final int ACKNOWLEDGED_BEFORE_THE_KILL = 15;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path workDirectory;
    private StandaloneProcess running;

    private final Map<UUID, Product> products = new HashMap<>();
    private final Map<UUID, BigDecimal> creditLimits = new HashMap<>();

    @AfterEach
    void stop() {
        if (running != null) {
            running.close();
        }
    }

    @Test
    void afterAKillEveryOrderFinishesEveryDeadlineFiresOnceAndNothingIsCountedTwice() throws Exception {
        List<UUID> unansweredCustomers = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        running = start(unansweredCustomers);
        Product mug = product("Crash Mug", "2.00", PLENTY);
        Product bowl = product("Crash Bowl", "3.00", PLENTY);
        Product vase = product("Crash Vase", "5.00", SCARCE);
        List<UUID> rich = List.of(customer("1000000.00"), customer("1000000.00"), customer("1000000.00"));
        List<UUID> poor = List.of(customer("1.00"), customer("1.00"));
        unansweredCustomers.forEach(customerId -> register(customerId, "1000000.00"));

        // Orders whose payment deadlines are pending when the process dies.
        List<Attempt> attempts = new ArrayList<>();
        for (int i = 0; i < ORDERS_AWAITING_THE_DEADLINE; i++) {
            Attempt attempt = new Attempt(Kind.UNANSWERED, unansweredCustomers.get(i % 3),
                    List.of(new Line(mug.id(), 1), new Line(bowl.id(), 1)));
            assertThat(placeOrder(attempt)).isEqualTo(Outcome.ACKNOWLEDGED);
            attempts.add(attempt);
        }
        await().atMost(RECOVERY).untilAsserted(() -> {
            for (Attempt attempt : attempts) {
                assertThat(statusOf(payment(attempt.orderId()))).as("payment of %s", attempt.orderId())
                        .isEqualTo("REQUESTED");
            }
        });

        // Orders and restocks in flight: the process is killed while they are sent.
        List<Attempt> inFlight = IntStream.range(0, ORDERS_IN_FLIGHT).mapToObj(i -> switch (i % 4) {
            case 0, 1 -> new Attempt(Kind.CONFIRMABLE, rich.get(i % 3),
                    List.of(new Line(mug.id(), 1 + i % 3), new Line(bowl.id(), 1)));
            case 2 -> new Attempt(Kind.COMPETING_FOR_STOCK, rich.get(i % 3),
                    List.of(new Line(vase.id(), 2), new Line(mug.id(), 1)));
            default -> new Attempt(Kind.OVER_CREDIT, poor.get(i % 2), List.of(new Line(mug.id(), 1)));
        }).toList();
        attempts.addAll(inFlight);
        Map<UUID, Outcome> outcomes = new ConcurrentHashMap<>();
        attempts.subList(0, ORDERS_AWAITING_THE_DEADLINE).forEach(attempt -> outcomes.put(attempt.orderId(), Outcome.ACKNOWLEDGED));
        List<Outcome> restocks = Collections.synchronizedList(new ArrayList<>());
        sendAndKillMidway(inFlight, outcomes, () -> restocks.add(restock(mug.id(), RESTOCK)));
        assertThat(outcomes.values()).as("every answer before the kill was a success").doesNotContain(Outcome.REFUSED);
        assertThat(restocks).doesNotContain(Outcome.REFUSED);

        // SIGKILL runs no shutdown hook: the embedded Postgres is left running, and shows the state at the kill.
        ProcessHandle orphan = OrphanedPostmaster.runningPostmaster(PackagedStandalone.dataDirectory(workDirectory)).orElseThrow(
                () -> new AssertionError("the Postgres server outlives the killed process"));
        assertDeadlinesPendingAndOrdersUnfinished(PackagedStandalone.dataDirectory(workDirectory));

        long restartBegan = System.nanoTime();
        running = start(unansweredCustomers);
        long ready = System.nanoTime();
        assertThat(orphan.isAlive()).as("the restart stopped the server the killed run left").isFalse();

        List<Attempt> placed = new ArrayList<>();
        for (Attempt attempt : attempts) {
            ResponseEntity<String> events = running.http().asAdmin().get("/admin/events/" + attempt.orderId());
            assertThat(events.getStatusCode().value()).as("events of %s", attempt.orderId()).isIn(200, 404);
            if (events.getStatusCode().value() == 200) {
                placed.add(attempt);
            } else {
                assertThat(outcomes.get(attempt.orderId())).as("an acknowledged order survives the kill")
                        .isNotEqualTo(Outcome.ACKNOWLEDGED);
            }
        }
        assertThat(placed.size()).isGreaterThanOrEqualTo(ORDERS_AWAITING_THE_DEADLINE + ACKNOWLEDGED_BEFORE_THE_KILL);

        await().atMost(RECOVERY).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            for (Attempt attempt : placed) {
                assertThat(statusOf(order(attempt.orderId()))).as("order %s", attempt.orderId())
                        .isIn("CONFIRMED", "REJECTED");
            }
        });
        // A figure for docs/reliability.md, not an assertion: how long the catch-up after the restart takes.
        log.info("Crash recovery: ready {} ms after the restart began; every order final {} ms after that (see {})",
                (ready - restartBegan) / 1_000_000, (System.nanoTime() - ready) / 1_000_000, running.log());
        Map<UUID, JsonNode> finalOrders = new HashMap<>();
        await().atMost(RECOVERY).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            assertEveryProcessorCaughtUp();
            finalOrders.clear();
            for (Attempt attempt : placed) {
                finalOrders.put(attempt.orderId(), assertFinishedOnce(attempt));
            }
            assertNoStockLeakedOrCountedTwice(placed, finalOrders, mug.id(), restocks);
            assertCustomerAccountsCountEveryOrderOnce(placed, finalOrders);
        });
        try (Connection database = connectToServerOf(PackagedStandalone.dataDirectory(workDirectory))) {
            assertThat(count(database, "select count(*) from axon.scheduled_tasks where task_name = 'AxonDeadline'"))
                    .as("every payment deadline fired or was cancelled").isZero();
        }
    }

    /**
     * Places the orders from six threads, restocking now and then, and kills the process once
     * {@value #ACKNOWLEDGED_BEFORE_THE_KILL} of them are acknowledged; the rest meet a dying or dead process.
     */
    private void sendAndKillMidway(List<Attempt> orders, Map<UUID, Outcome> outcomes, Runnable restock)
            throws InterruptedException {
        AtomicInteger acknowledged = new AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(6);
        try {
            for (int i = 0; i < orders.size(); i++) {
                Attempt attempt = orders.get(i);
                clients.execute(() -> {
                    Outcome outcome = placeOrder(attempt);
                    outcomes.put(attempt.orderId(), outcome);
                    if (outcome == Outcome.ACKNOWLEDGED) {
                        acknowledged.incrementAndGet();
                    }
                });
                if (i % 10 == 5) {
                    clients.execute(restock);
                }
            }
            await().atMost(RECOVERY).pollInterval(Duration.ofMillis(10))
                    .until(() -> acknowledged.get() >= ACKNOWLEDGED_BEFORE_THE_KILL);
            running.kill();
        } finally {
            clients.shutdown();
            assertThat(clients.awaitTermination(5, TimeUnit.MINUTES)).isTrue();
        }
    }

    /** What the killed process left in its database: the kill came at a moment worth testing. */
    private static void assertDeadlinesPendingAndOrdersUnfinished(Path dataDirectory) throws Exception {
        try (Connection database = connectToServerOf(dataDirectory)) {
            assertThat(count(database, "select count(*) from axon.scheduled_tasks where task_name = 'AxonDeadline'"))
                    .as("payment deadlines pending at the kill").isPositive();
            assertThat(count(database, """
                    select count(distinct aggregate_identifier) from axon.domain_event_entry
                    where payload_type like '%OrderPlacedEvent' and aggregate_identifier not in (
                        select aggregate_identifier from axon.domain_event_entry
                        where payload_type like '%OrderConfirmedEvent' or payload_type like '%OrderRejectedEvent')"""))
                    .as("orders unfinished at the kill, besides those awaiting their deadline")
                    .isGreaterThan(ORDERS_AWAITING_THE_DEADLINE);
        }
    }

    // What must hold after the recovery.

    /** One placement, one outcome, in the event store and in the order history; the payment settled. */
    private JsonNode assertFinishedOnce(Attempt attempt) throws Exception {
        List<JsonNode> events = events(attempt.orderId());
        List<String> types = types(events);
        assertThat(types).as("events of order %s", attempt.orderId()).containsOnlyOnce("OrderPlacedEvent");
        assertThat(types.stream().filter(type -> type.equals("OrderConfirmedEvent") || type.equals("OrderRejectedEvent")))
                .as("outcomes of order %s", attempt.orderId()).hasSize(1);
        JsonNode order = order(attempt.orderId());
        assertThat(order.get("version").asLong()).isEqualTo(events.get(events.size() - 1).get("sequence").asLong());
        assertThat(order.get("lines")).hasSize(attempt.lines().size());
        assertThat(StreamSupport.stream(order.get("lines").spliterator(), false)
                .map(line -> line.get("productId").asText()).distinct()).hasSize(attempt.lines().size());

        String status = order.get("status").asText();
        String reason = order.path("rejectionReason").asText("");
        switch (attempt.kind()) {
            case UNANSWERED -> assertThat(reason).as("order %s", attempt.orderId()).startsWith("Payment timed out");
            case OVER_CREDIT -> assertThat(reason).as("order %s", attempt.orderId())
                    .matches("Payment (declined|timed out).*");
            // A payment deadline may pass while the process is down, before the payment is answered at all.
            case CONFIRMABLE -> assertThat(status.equals("CONFIRMED") || reason.startsWith("Payment timed out"))
                    .as("order %s: %s %s", attempt.orderId(), status, reason).isTrue();
            case COMPETING_FOR_STOCK -> assertThat(status).isIn("CONFIRMED", "REJECTED");
        }

        JsonNode payment = payment(attempt.orderId());
        if (payment != null) {
            List<String> paymentTypes = types(events(UUID.fromString(payment.get("paymentId").asText())));
            assertThat(paymentTypes).containsOnlyOnce("PaymentRequestedEvent");
            long authorized = paymentTypes.stream().filter("PaymentAuthorizedEvent"::equals).count();
            long refunded = paymentTypes.stream().filter("PaymentRefundedEvent"::equals).count();
            if (reason.startsWith("Payment timed out")) {
                assertThat(authorized).as("order %s rejected as timed out, but its payment was approved: %s",
                        attempt.orderId(), paymentTypes).isZero();
            }
            if (status.equals("CONFIRMED")) {
                assertThat(authorized).isOne();
                assertThat(refunded).isZero();
                assertThat(payment.get("status").asText()).isEqualTo("AUTHORIZED");
            } else {
                assertThat(authorized).as("a late authorization is refunded, once").isEqualTo(refunded).isLessThanOrEqualTo(1);
                // The deadline declines a payment that never answered.
                assertThat(payment.get("status").asText()).isIn(attempt.kind() == Kind.UNANSWERED
                        ? List.of("DECLINED") : List.of("DECLINED", "REFUNDED"));
            }
        } else {
            assertThat(status).as("only an order rejected before payment has none").isEqualTo("REJECTED");
        }
        return order;
    }

    /**
     * Per product: every reservation and release happened at most once per order, a rejected order's
     * reservations are all released, and the catalogue reserves exactly the stock of the orders that still
     * hold some (the confirmed ones: none has shipped), on the units added and restocked.
     */
    private void assertNoStockLeakedOrCountedTwice(List<Attempt> placed, Map<UUID, JsonNode> finalOrders,
                                                   UUID restockedProductId, List<Outcome> restocks) throws Exception {
        for (Product product : products.values()) {
            List<JsonNode> events = events(product.id());
            Map<String, List<String>> typesByOrder = events.stream().filter(event -> event.get("payload").has("orderId"))
                    .collect(Collectors.groupingBy(event -> event.get("payload").get("orderId").asText(),
                            Collectors.mapping(event -> event.get("type").asText(), Collectors.toList())));
            int held = 0;
            for (Attempt attempt : placed) {
                int quantity = attempt.quantityOf(product.id());
                if (quantity == 0) {
                    continue;
                }
                List<String> types = typesByOrder.getOrDefault(attempt.orderId().toString(), List.of());
                assertThat(types).as("%s for order %s", product.name(), attempt.orderId())
                        .doesNotHaveDuplicates().doesNotContain("StockShippedEvent");
                boolean confirmed = finalOrders.get(attempt.orderId()).get("status").asText().equals("CONFIRMED");
                if (confirmed) {
                    assertThat(types).contains("StockReservedEvent").doesNotContain("StockReleasedEvent");
                    held += quantity;
                } else if (types.contains("StockReservedEvent")) {
                    assertThat(types).as("%s released for rejected order %s", product.name(), attempt.orderId())
                            .contains("StockReleasedEvent");
                }
            }
            long restocked = events.stream().filter(event -> event.get("type").asText().equals("ProductRestockedEvent"))
                    .mapToLong(event -> event.get("payload").get("quantity").asLong()).sum();
            if (product.id().equals(restockedProductId)) {
                long acknowledged = restocks.stream().filter(Outcome.ACKNOWLEDGED::equals).count();
                assertThat(restocked).as("acknowledged restocks are kept, none twice")
                        .isBetween(RESTOCK * acknowledged, (long) RESTOCK * restocks.size());
            }
            JsonNode catalogue = json(running.http().get("/products/" + product.id()));
            assertThat(catalogue.get("onHand").asLong()).as("%s on hand", product.name())
                    .isEqualTo(product.initialStock() + restocked);
            assertThat(catalogue.get("reserved").asInt()).as("%s reserved", product.name()).isEqualTo(held);
            assertThat(catalogue.get("stock").asLong()).isEqualTo(product.initialStock() + restocked - held);
        }
    }

    /** Each customer's account counts each order once, and holds credit for the confirmed ones only. */
    private void assertCustomerAccountsCountEveryOrderOnce(List<Attempt> placed, Map<UUID, JsonNode> finalOrders)
            throws Exception {
        Map<UUID, List<Attempt>> byCustomer = placed.stream().collect(Collectors.groupingBy(Attempt::customerId));
        for (Map.Entry<UUID, BigDecimal> customer : creditLimits.entrySet()) {
            List<Attempt> orders = byCustomer.getOrDefault(customer.getKey(), List.of());
            BigDecimal confirmedTotal = orders.stream().map(attempt -> finalOrders.get(attempt.orderId()))
                    .filter(order -> order.get("status").asText().equals("CONFIRMED"))
                    .map(order -> order.get("total").decimalValue())
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            JsonNode account = json(running.http().get("/customers/" + customer.getKey()));
            assertThat(account.get("orderCount").asInt()).as("orders of %s", customer.getKey()).isEqualTo(orders.size());
            assertThat(account.get("amountSpent").decimalValue()).isEqualByComparingTo(confirmedTotal);
            assertThat(account.get("creditHeld").decimalValue()).isEqualByComparingTo(confirmedTotal);
            assertThat(account.get("availableCredit").decimalValue())
                    .isEqualByComparingTo(customer.getValue().subtract(confirmedTotal));

            JsonNode history = json(running.http().get("/orders?customerId=" + customer.getKey() + "&size=100"));
            assertThat(history.get("totalItems").asInt()).isEqualTo(orders.size());
            Set<String> listed = StreamSupport.stream(history.get("items").spliterator(), false)
                    .map(order -> order.get("orderId").asText()).collect(Collectors.toSet());
            assertThat(listed).containsExactlyInAnyOrderElementsOf(
                    orders.stream().map(attempt -> attempt.orderId().toString()).toList());
        }
    }

    private void assertEveryProcessorCaughtUp() throws Exception {
        for (JsonNode processor : json(running.http().asAdmin().get("/admin/processors"))) {
            assertThat(processor.get("running").asBoolean()).as("%s runs", processor.get("name")).isTrue();
            assertThat(processor.path("behind").asLong(0)).as("%s is behind", processor.get("name")).isZero();
        }
    }

    // The system under test and its data.

    private StandaloneProcess start(List<UUID> unansweredCustomers) {
        return PackagedStandalone.startWithUnansweredPayments(workDirectory, unansweredCustomers,
                "--orderflow.fulfilment.payment-timeout=" + PAYMENT_TIMEOUT.toSeconds() + "s");
    }

    private Product product(String name, String price, int stock) throws Exception {
        Product product = new Product(UUID.randomUUID(), name, stock);
        ResponseEntity<JsonNode> response = running.http().post("/products", """
                {"productId": "%s", "name": "%s", "price": %s, "stock": %d}""".formatted(product.id(), name, price, stock));
        assertThat(response.getStatusCode().value()).as("%s", response.getBody()).isEqualTo(201);
        products.put(product.id(), product);
        return product;
    }

    private UUID customer(String creditLimit) {
        UUID customerId = UUID.randomUUID();
        register(customerId, creditLimit);
        return customerId;
    }

    private void register(UUID customerId, String creditLimit) {
        ResponseEntity<JsonNode> response = running.http().post("/customers", """
                {"customerId": "%s", "name": "Crash Customer", "email": "%s@example.com", "creditLimit": %s}"""
                .formatted(customerId, customerId, creditLimit));
        assertThat(response.getStatusCode().value()).as("%s", response.getBody()).isEqualTo(201);
        creditLimits.put(customerId, new BigDecimal(creditLimit));
    }

    private Outcome placeOrder(Attempt attempt) {
        String lines = attempt.lines().stream()
                .map(line -> "{\"productId\": \"%s\", \"quantity\": %d}".formatted(line.productId(), line.quantity()))
                .collect(Collectors.joining(", "));
        return send(() -> running.http().post("/orders", """
                {"orderId": "%s", "customerId": "%s", "lines": [%s]}""".formatted(attempt.orderId(), attempt.customerId(), lines)));
    }

    private Outcome restock(UUID productId, int quantity) {
        return send(() -> running.http().post("/products/" + productId + "/restock", "{\"quantity\": " + quantity + "}"));
    }

    private static Outcome send(Request request) {
        try {
            int status = request.send().getStatusCode().value();
            return status == 201 || status == 204 ? Outcome.ACKNOWLEDGED : Outcome.REFUSED;
        } catch (ResourceAccessException killedMeanwhile) {
            return Outcome.UNKNOWN;
        }
    }

    /** The order in the order history, or null while it is not there. */
    private JsonNode order(UUID orderId) throws Exception {
        ResponseEntity<String> response = running.http().get("/orders/" + orderId);
        return response.getStatusCode().value() == 404 ? null : json(response);
    }

    /** The order's payment as the read model shows it, or null when the order has none. */
    private JsonNode payment(UUID orderId) throws Exception {
        JsonNode payment = json(running.http().get("/orders/" + orderId + "/details")).get("payment");
        assertThat(payment.get("status").asText()).as("payment part of %s", orderId).isIn("AVAILABLE", "NOT_FOUND");
        return payment.get("status").asText().equals("AVAILABLE") ? payment.get("data") : null;
    }

    /** The status of an order or payment view; null while there is none. */
    private static String statusOf(JsonNode view) {
        return view == null ? null : view.get("status").asText();
    }

    private List<JsonNode> events(UUID aggregateId) throws Exception {
        JsonNode stream = json(running.http().asAdmin().get("/admin/events/" + aggregateId));
        assertThat(stream.get("truncated").asBoolean()).isFalse();
        List<JsonNode> events = new ArrayList<>();
        stream.get("events").forEach(events::add);
        return events;
    }

    private static List<String> types(List<JsonNode> events) {
        return events.stream().map(event -> event.get("type").asText()).toList();
    }

    private static JsonNode json(ResponseEntity<String> response) throws IOException {
        assertThat(response.getStatusCode().value()).as("%s", response.getBody()).isEqualTo(200);
        return JSON.readTree(response.getBody());
    }

    /** A connection to the embedded server running on the data directory, at the port it wrote in postmaster.pid. */
    private static Connection connectToServerOf(Path dataDirectory) throws IOException, SQLException {
        List<String> postmaster = Files.readAllLines(dataDirectory.resolve("postmaster.pid"));
        // Lines: pid, data directory, start time, port, ...
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + postmaster.get(3).strip() + "/postgres",
                "postgres", "postgres");
    }

    private static long count(Connection database, String sql) throws SQLException {
        try (Statement statement = database.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }

    enum Kind {
        /** Its customer's payments never get an answer: the payment deadline rejects it. */
        UNANSWERED,
        /** Enough stock and credit. */
        CONFIRMABLE,
        /** More orders want the scarce product than it has. */
        COMPETING_FOR_STOCK,
        /** Over its customer's credit limit. */
        OVER_CREDIT
    }

    enum Outcome { ACKNOWLEDGED, REFUSED, UNKNOWN }

    record Line(UUID productId, int quantity) {
    }

    record Attempt(UUID orderId, Kind kind, UUID customerId, List<Line> lines) {
        Attempt(Kind kind, UUID customerId, List<Line> lines) {
            this(UUID.randomUUID(), kind, customerId, lines);
        }

        int quantityOf(UUID productId) {
            return lines.stream().filter(line -> line.productId().equals(productId)).mapToInt(Line::quantity).sum();
        }
    }

    record Product(UUID id, String name, int initialStock) {
    }

    @FunctionalInterface
    interface Request {
        ResponseEntity<JsonNode> send();
    }
}
