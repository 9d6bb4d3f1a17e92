package dev.orderflow.query;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orderflow.api.payment.PaymentAuthorizedEvent;
import dev.orderflow.api.payment.PaymentRequestedEvent;
import dev.orderflow.api.shared.Money;
import dev.orderflow.api.shipping.ShipmentScheduledEvent;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;

import static dev.orderflow.query.StoredEvents.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * API composition over HTTP: four parts from four read models, in parallel, each with its time limit. The
 * failing part is real: the payment table is locked by another transaction, so the payment query blocks
 * until the part's limit (1 s in these tests) runs out.
 */
@QuerySideTest
class OrderDetailsIT {

    @Autowired
    TestRestTemplate http;
    @Autowired
    EventStore eventStore;
    @Autowired
    TransactionManager transactionManager;
    @Autowired
    DataSource dataSource;
    @Autowired
    MeterRegistry meters;

    StoredEvents events;

    @BeforeEach
    void setUp() {
        events = new StoredEvents(eventStore, transactionManager);
    }

    @Test
    void theDetailsComposeOrderCustomerPaymentAndShipment() {
        UUID order = fullyProcessedOrder();

        JsonNode details = awaitAllAvailable(order);

        assertThat(details.get("orderId").asText()).isEqualTo(order.toString());
        assertThat(details.at("/order/data/customerName").asText()).isEqualTo("Composed customer");
        assertThat(details.at("/customer/data/name").asText()).isEqualTo("Composed customer");
        assertThat(details.at("/customer/data/orderCount").asLong()).isEqualTo(1);
        assertThat(details.at("/payment/data/status").asText()).isEqualTo("AUTHORIZED");
        assertThat(details.at("/shipment/data/status").asText()).isEqualTo("SCHEDULED");
    }

    @Test
    void thePartsRunOnTheOrderDetailsExecutorWhoseMetricsCountThem() {
        UUID order = fullyProcessedOrder();
        awaitAllAvailable(order);
        double before = partsCompleted();

        http.getForEntity("/orders/" + order + "/details", JsonNode.class);

        // Four parts per request, each a task of the managed executor (executor.completed, name=order-details).
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(partsCompleted() - before).isGreaterThanOrEqualTo(4));
    }

    private double partsCompleted() {
        return meters.get("executor.completed").tag("name", "order-details").functionCounter().count();
    }

    @Test
    void aPartThatDoesNotAnswerInTimeIsReportedUnavailableAndTheOthersAreStillAnswered() throws Exception {
        UUID order = fullyProcessedOrder();
        awaitAllAvailable(order);

        ResponseEntity<JsonNode> response;
        try (Connection locker = dataSource.getConnection()) {
            locker.setAutoCommit(false);
            try (Statement lock = locker.createStatement()) {
                lock.execute("lock table payments.order_payment in access exclusive mode");
                response = http.getForEntity("/orders/" + order + "/details", JsonNode.class);
            } finally {
                locker.rollback();
            }
        }

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode details = response.getBody();
        assertThat(details.at("/payment/status").asText()).isEqualTo("UNAVAILABLE");
        assertThat(details.at("/payment/reason").asText()).isEqualTo("no answer within 1000 ms");
        assertThat(details.at("/payment/data").isMissingNode()).isTrue();
        assertThat(details.at("/order/status").asText()).isEqualTo("AVAILABLE");
        assertThat(details.at("/customer/status").asText()).isEqualTo("AVAILABLE");
        assertThat(details.at("/shipment/status").asText()).isEqualTo("AVAILABLE");
    }

    @Test
    void partsWithNothingForTheOrderYetAreNotFoundRatherThanUnavailable() {
        UUID customer = events.customer("Early customer");
        UUID order = events.order(customer, line(events.product("Early product", "1.00", 5), 1));

        JsonNode details = await().atMost(Duration.ofSeconds(30)).until(
                () -> http.getForEntity("/orders/" + order + "/details", JsonNode.class),
                response -> response.getStatusCode().is2xxSuccessful()
                        && response.getBody().at("/customer/status").asText().equals("AVAILABLE")).getBody();

        assertThat(details.at("/payment/status").asText()).isEqualTo("NOT_FOUND");
        assertThat(details.at("/shipment/status").asText()).isEqualTo("NOT_FOUND");
    }

    @Test
    void theDetailsOfAnUnknownOrderAreA404() {
        ResponseEntity<JsonNode> response = http.getForEntity("/orders/" + UUID.randomUUID() + "/details", JsonNode.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    }

    private UUID fullyProcessedOrder() {
        UUID customer = events.customer("Composed customer");
        UUID product = events.product("Composed product", "10.00", 5);
        UUID order = events.order(customer, line(product, 2));
        events.reserve(product, order, 2, "10.00");
        UUID payment = UUID.randomUUID();
        Money amount = Money.of("20.00");
        events.publish("Payment", payment, new PaymentRequestedEvent(payment, order, customer, amount),
                new PaymentAuthorizedEvent(payment, order, customer, amount));
        UUID shipment = UUID.randomUUID();
        events.publish("Shipment", shipment, new ShipmentScheduledEvent(shipment, order));
        return order;
    }

    private JsonNode awaitAllAvailable(UUID order) {
        return await().atMost(Duration.ofSeconds(30)).until(
                () -> http.getForEntity("/orders/" + order + "/details", JsonNode.class),
                response -> response.getStatusCode().is2xxSuccessful()
                        && response.getBody().at("/order/status").asText().equals("AVAILABLE")
                        && response.getBody().at("/customer/status").asText().equals("AVAILABLE")
                        && response.getBody().at("/payment/data/status").asText().equals("AUTHORIZED")
                        && response.getBody().at("/shipment/status").asText().equals("AVAILABLE")).getBody();
    }
}
