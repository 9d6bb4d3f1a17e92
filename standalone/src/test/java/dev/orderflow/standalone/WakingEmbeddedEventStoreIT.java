package dev.orderflow.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orderflow.api.customer.CustomerRegisteredEvent;
import dev.orderflow.testfixtures.DevelopmentUserRestTemplate;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static dev.orderflow.standalone.SlowFallbacks.PATIENCE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The embedded event store tells the processors of its own JVM about a committed event: with the store's
 * fetch delay and the processors' own fallbacks at {@link SlowFallbacks#FALLBACK}, an event is still
 * handled, and a whole order confirmed through its six processor hops, well within {@link SlowFallbacks#PATIENCE}.
 * (Axon's stock store offers its streams no availability callback: the first test fails on it, the others pass
 * only through its processors' fixed 500 ms polls.)
 */
@Import({DevelopmentUserRestTemplate.class, SlowFallbacks.class})
@SpringBootTest(classes = StandaloneApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = SlowFallbacks.FETCH_DELAY)
class WakingEmbeddedEventStoreIT {

    @Autowired
    TestRestTemplate http;

    @Autowired
    EventStore eventStore;

    @Test
    void aStreamOfTheEventStoreIsCalledBackOnceAnEventIsCommittedAndThenOffersIt() throws InterruptedException {
        CountDownLatch calledBack = new CountDownLatch(1);
        try (BlockingStream<TrackedEventMessage<?>> stream = eventStore.openStream(eventStore.createHeadToken())) {
            assertThat(stream.setOnAvailableCallback(calledBack::countDown)).isTrue();
            UUID customerId = registerCustomer();

            assertThat(calledBack.await(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isTrue();
            await().atMost(PATIENCE).until(() -> offersRegistrationOf(stream, customerId));
        }
    }

    @Test
    void aProjectionHandlesAnEventCommittedInTheSameJvmWithoutWaitingForAFallback() {
        UUID customerId = registerCustomer();

        await().atMost(PATIENCE).until(() -> http.getForEntity("/customers/" + customerId, JsonNode.class)
                .getStatusCode() == HttpStatus.OK);
    }

    @Test
    void anOrderIsConfirmedThroughEveryProcessorHopWithoutWaitingForAFallback() {
        UUID customerId = registerCustomer();
        UUID productId = UUID.randomUUID();
        UUID orderId = UUID.randomUUID();
        created(http.postForEntity("/products", json("""
                {"productId": "%s", "name": "Wake-up mug", "price": 4.00, "stock": 5}""".formatted(productId)),
                JsonNode.class));
        created(http.postForEntity("/orders", json("""
                {"orderId": "%s", "customerId": "%s", "lines": [{"productId": "%s", "quantity": 1}]}"""
                .formatted(orderId, customerId, productId)), JsonNode.class));

        await().atMost(PATIENCE).until(() -> {
            ResponseEntity<JsonNode> order = http.getForEntity("/orders/" + orderId, JsonNode.class);
            return order.getStatusCode() == HttpStatus.OK && order.getBody().path("status").asText().equals("CONFIRMED");
        });
    }

    private static boolean offersRegistrationOf(BlockingStream<TrackedEventMessage<?>> stream, UUID customerId)
            throws InterruptedException {
        while (stream.hasNextAvailable()) {
            TrackedEventMessage<?> event = stream.nextAvailable();
            if (event.getPayload() instanceof CustomerRegisteredEvent registered
                    && registered.customerId().equals(customerId)) {
                return true;
            }
        }
        return false;
    }

    private UUID registerCustomer() {
        UUID customerId = UUID.randomUUID();
        created(http.postForEntity("/customers", json("""
                {"customerId": "%s", "name": "Wendy Wake", "email": "%s@example.com", "creditLimit": 100.00}"""
                .formatted(customerId, customerId)), JsonNode.class));
        return customerId;
    }

    private static void created(ResponseEntity<JsonNode> response) {
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    }

    private static HttpEntity<String> json(String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new HttpEntity<>(body, headers);
    }
}
