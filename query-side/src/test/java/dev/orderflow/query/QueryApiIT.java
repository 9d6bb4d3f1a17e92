package dev.orderflow.query;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orderflow.api.order.OrderConfirmedEvent;
import dev.orderflow.api.order.OrderLine;
import dev.orderflow.api.order.OrderRejectedEvent;
import dev.orderflow.api.order.OrderShippedEvent;
import dev.orderflow.api.shipping.ShipmentDispatchedEvent;
import dev.orderflow.api.shipping.ShipmentScheduledEvent;
import dev.orderflow.shared.security.DevelopmentCredentials;
import dev.orderflow.testfixtures.DevelopmentUserRestTemplate;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

import static dev.orderflow.query.StoredEvents.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The REST query API over real HTTP: field names, 404 problem+json, paging with totals, 400 for bad parameters. */
@QuerySideTest
class QueryApiIT {

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
    void anOrderIsServedWithItsNamesLinesAndTotal() {
        UUID customer = events.customer("Ada Lovelace");
        UUID pen = events.product("Fountain pen", "12.50", 10);
        UUID order = events.order(customer, line(pen, 2));
        events.reserve(pen, order, 2, "12.00");
        events.publish("Order", order, new OrderRejectedEvent(order, "Payment declined"));

        JsonNode body = awaitJson("/orders/" + order, json -> json.path("status").asText().equals("REJECTED")
                && json.path("lines").path(0).path("unitPrice").decimalValue().compareTo(new BigDecimal("12.00")) == 0);

        assertThat(body.fieldNames()).toIterable().contains("orderId", "customerId", "customerName", "status",
                "rejectionReason", "shipment", "lines", "total");
        assertThat(body.get("shipment").isNull()).as("no shipment was scheduled").isTrue();
        assertThat(body.get("orderId").asText()).isEqualTo(order.toString());
        assertThat(body.get("customerId").asText()).isEqualTo(customer.toString());
        assertThat(body.get("customerName").asText()).isEqualTo("Ada Lovelace");
        assertThat(body.get("rejectionReason").asText()).isEqualTo("Payment declined");
        JsonNode line = body.get("lines").get(0);
        assertThat(line.fieldNames()).toIterable().contains("productId", "productName", "quantity", "unitPrice");
        assertThat(line.get("productId").asText()).isEqualTo(pen.toString());
        assertThat(line.get("productName").asText()).isEqualTo("Fountain pen");
        assertThat(line.get("quantity").asInt()).isEqualTo(2);
        assertThat(body.get("total").decimalValue()).isEqualByComparingTo("24.00");
    }

    @Test
    void aQueryWithoutTheUsersCredentialsIs401AndShowsNothing() {
        UUID customer = events.customer("Private Pat");
        awaitJson("/customers/" + customer, json -> true);

        ResponseEntity<JsonNode> anonymous = DevelopmentUserRestTemplate.anonymous(http).getForEntity("/customers/" + customer, JsonNode.class);
        ResponseEntity<JsonNode> wrongPassword = http.withBasicAuth(DevelopmentCredentials.USER.name(), "wrong")
                .getForEntity("/customers/" + customer, JsonNode.class);

        for (ResponseEntity<JsonNode> refused : List.of(anonymous, wrongPassword)) {
            assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
            assertThat(refused.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(refused.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Basic");
            assertThat(refused.getBody().get("kind").asText()).isEqualTo("UNAUTHENTICATED");
            assertThat(refused.getBody().toString()).doesNotContain("Private Pat");
        }
    }

    @Test
    void aCustomerIsServedWithTheirAccount() {
        UUID customer = events.customer("Grace Hopper", "750.00");

        JsonNode body = awaitJson("/customers/" + customer, json -> true);

        assertThat(body.fieldNames()).toIterable().contains("customerId", "name", "email", "creditLimit", "orderCount",
                "amountSpent");
        assertThat(body.get("name").asText()).isEqualTo("Grace Hopper");
        assertThat(body.get("creditLimit").decimalValue()).isEqualByComparingTo("750.00");
        assertThat(body.get("orderCount").asLong()).isZero();
        assertThat(body.get("amountSpent").decimalValue()).isEqualByComparingTo("0");
    }

    @Test
    void aProductIsServedWithItsStockNotReservedAndItsReservedStock() {
        UUID product = events.product("Notebook", "3.00", 10);
        events.reserve(product, UUID.randomUUID(), 4, "3.00");

        JsonNode body = awaitJson("/products/" + product, json -> json.path("reserved").asInt() == 4);

        assertThat(body.fieldNames()).toIterable().contains("productId", "name", "price", "stock", "reserved");
        assertThat(body.get("stock").asInt()).isEqualTo(6);
        assertThat(body.get("price").decimalValue()).isEqualByComparingTo("3.00");
    }

    @Test
    void productsArePagedWithTotals() {
        events.product("Paged product " + UUID.randomUUID(), "1.00", 1);
        events.product("Paged product " + UUID.randomUUID(), "1.00", 1);

        JsonNode page = awaitJson("/products?page=0&size=1", json -> json.path("totalItems").asLong() >= 2);

        assertThat(page.get("items")).hasSize(1);
        assertThat(page.get("page").asInt()).isZero();
        assertThat(page.get("size").asInt()).isEqualTo(1);
        assertThat(page.get("totalPages").asLong()).isEqualTo(page.get("totalItems").asLong());
    }

    @Test
    void aShipmentIsServedByItsOrder() {
        UUID order = UUID.randomUUID();
        UUID shipment = UUID.randomUUID();
        events.publish("Shipment", shipment, new ShipmentScheduledEvent(shipment, order));

        JsonNode body = awaitJson("/shipments/" + order, json -> true);

        assertThat(body.get("orderId").asText()).isEqualTo(order.toString());
        assertThat(body.get("shipmentId").asText()).isEqualTo(shipment.toString());
        assertThat(body.get("status").asText()).isEqualTo("SCHEDULED");
    }

    @Test
    void aDispatchedOrderStaysConfirmedAndShowsItsShipmentDispatched() {
        UUID customer = events.customer("Grace Hopper");
        UUID cable = events.product("Nanosecond wire", "0.30", 100);
        UUID order = events.order(customer, line(cable, 10));
        UUID shipment = UUID.randomUUID();
        events.publish("Order", order, new OrderConfirmedEvent(order));
        events.publish("Shipment", shipment, new ShipmentScheduledEvent(shipment, order),
                new ShipmentDispatchedEvent(shipment, order));
        events.publish("Order", order, new OrderShippedEvent(order));

        JsonNode body = awaitJson("/orders/" + order, json -> json.path("version").asLong() == 2
                && json.path("shipment").asText().equals("DISPATCHED"));

        assertThat(body.get("status").asText()).isEqualTo("CONFIRMED");
        JsonNode listed = awaitJson("/orders?customerId=" + customer, json -> true).get("items").get(0);
        assertThat(listed.get("shipment").asText()).isEqualTo("DISPATCHED");
    }

    @Test
    void ordersArePagedNewestFirstWithTotalsAndFiltered() {
        UUID customer = events.customer("Katherine Johnson");
        UUID slide = events.product("Slide rule", "15.00", 10);
        UUID first = placedInAMillisecondOfItsOwn(customer, line(slide, 1));
        UUID second = placedInAMillisecondOfItsOwn(customer, line(slide, 1));
        UUID third = placedInAMillisecondOfItsOwn(customer, line(slide, 1));
        events.publish("Order", first, new OrderConfirmedEvent(first));
        awaitJson("/orders/" + first, json -> json.path("status").asText().equals("CONFIRMED"));

        JsonNode firstPage = awaitJson("/orders?customerId=" + customer + "&page=0&size=2",
                json -> json.path("totalItems").asLong() == 3);
        JsonNode secondPage = getJson("/orders?customerId=" + customer + "&page=1&size=2").getBody();
        JsonNode confirmed = getJson("/orders?customerId=" + customer + "&status=confirmed").getBody();

        assertThat(firstPage.get("totalPages").asInt()).isEqualTo(2);
        assertThat(ids(firstPage)).containsExactly(third.toString(), second.toString());
        assertThat(ids(secondPage)).containsExactly(first.toString());
        assertThat(secondPage.get("totalItems").asLong()).isEqualTo(3);
        assertThat(ids(confirmed)).containsExactly(first.toString());
        assertThat(confirmed.get("totalItems").asLong()).isEqualTo(1);
        assertThat(confirmed.get("size").asInt()).isEqualTo(20);
    }

    /**
     * Places an order and lets the clock pass into the next millisecond: the event store keeps timestamps to the
     * millisecond, and orders placed in the same one are listed by id, not by when they came.
     */
    private UUID placedInAMillisecondOfItsOwn(UUID customer, OrderLine line) {
        UUID orderId = events.order(customer, line);
        Instant placedIn = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        while (!Instant.now().truncatedTo(ChronoUnit.MILLIS).isAfter(placedIn)) {
            Thread.onSpinWait();
        }
        return orderId;
    }

    @Test
    void unknownIdsAreAnswered404WithProblemDetails() {
        UUID unknown = UUID.randomUUID();
        for (String path : List.of("/orders/", "/customers/", "/products/", "/shipments/")) {
            ResponseEntity<JsonNode> response = getJson(path + unknown);

            assertThat(response.getStatusCode()).as(path).isEqualTo(HttpStatus.NOT_FOUND);
            assertThat(response.getHeaders().getContentType()).as(path)
                    .isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(response.getBody().get("kind").asText()).isEqualTo("NOT_FOUND");
            assertThat(response.getBody().get("detail").asText()).contains(unknown.toString());
        }
    }

    @Test
    void badPagingParametersAreA400NamingTheParameter() {
        ResponseEntity<JsonNode> tooLarge = getJson("/orders?size=1000");
        ResponseEntity<JsonNode> negative = getJson("/products?page=-1");
        ResponseEntity<JsonNode> status = getJson("/orders?status=SHIPPED");

        assertThat(tooLarge.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(tooLarge.getBody().at("/errors/0/field").asText()).isEqualTo("size");
        assertThat(negative.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(negative.getBody().at("/errors/0/field").asText()).isEqualTo("page");
        assertThat(status.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(status.getBody().at("/errors/0/reason").asText()).contains("PENDING, CONFIRMED, REJECTED, CANCELLED");
    }

    private List<String> ids(JsonNode page) {
        return page.get("items").findValuesAsText("orderId");
    }

    private JsonNode awaitJson(String path, Predicate<JsonNode> condition) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> {
            ResponseEntity<JsonNode> response = getJson(path);
            return response.getStatusCode().is2xxSuccessful() && condition.test(response.getBody()) ? response.getBody() : null;
        }, body -> body != null);
    }

    private ResponseEntity<JsonNode> getJson(String path) {
        return http.getForEntity(path, JsonNode.class);
    }
}
