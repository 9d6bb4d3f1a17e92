package dev.orderflow.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orderflow.api.customer.CustomerRenamedEvent;
import dev.orderflow.api.order.OrderConfirmedEvent;
import dev.orderflow.api.order.OrderPlacedEvent;
import dev.orderflow.shared.security.DevelopmentCredentials;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static dev.orderflow.query.StoredEvents.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Read-your-writes over HTTP: a read that waits for a version, its bound, and the server-sent update stream. */
@QuerySideTest
class ReadYourWritesIT {

    @Autowired
    TestRestTemplate http;
    @Autowired
    EventStore eventStore;
    @Autowired
    TransactionManager transactionManager;
    @Autowired
    ObjectMapper json;
    @Autowired
    UpdateStreams updateStreams;
    @LocalServerPort
    int port;

    StoredEvents events;
    ExecutorService background;

    @BeforeEach
    void setUp() {
        events = new StoredEvents(eventStore, transactionManager);
        background = Executors.newCachedThreadPool();
    }

    @AfterEach
    void tearDown() {
        background.shutdownNow();
    }

    @Test
    void aReadWithMinVersionWaitsUntilTheWriteIsVisible() {
        UUID order = pendingOrder();

        CompletableFuture<ResponseEntity<JsonNode>> read = CompletableFuture.supplyAsync(
                () -> http.getForEntity("/orders/" + order + "?minVersion=1&waitMs=20000", JsonNode.class), background);
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> !read.isDone());
        events.publish("Order", order, new OrderConfirmedEvent(order));

        ResponseEntity<JsonNode> response = read.orTimeout(30, TimeUnit.SECONDS).join();
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getBody().get("status").asText()).isEqualTo("CONFIRMED");
        assertThat(response.getBody().get("version").asLong()).isEqualTo(1);
    }

    @Test
    void aReadWithMinVersionZeroWaitsForTheOrderToExist() {
        UUID customer = events.customer("Waiting customer");
        UUID product = events.product("Waiting product", "1.00", 10);
        UUID order = UUID.randomUUID();

        CompletableFuture<ResponseEntity<JsonNode>> read = CompletableFuture.supplyAsync(
                () -> http.getForEntity("/orders/" + order + "?minVersion=0", JsonNode.class), background);
        events.publish("Order", order, new OrderPlacedEvent(order, customer,
                List.of(line(product, 1))));

        ResponseEntity<JsonNode> response = read.orTimeout(30, TimeUnit.SECONDS).join();
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getBody().get("orderId").asText()).isEqualTo(order.toString());
    }

    @Test
    void aVersionNotReachedWithinTheWaitIs503WithRetryAfter() {
        UUID order = pendingOrder();

        ResponseEntity<JsonNode> response = http.getForEntity("/orders/" + order + "?minVersion=7&waitMs=200", JsonNode.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(response.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("1");
        assertThat(response.getBody().get("kind").asText()).isEqualTo("NOT_YET_VISIBLE");
        assertThat(response.getBody().get("minVersion").asLong()).isEqualTo(7);
        assertThat(response.getBody().get("currentVersion").asLong()).isZero();
    }

    @Test
    void aNegativeMinVersionIsA400() {
        ResponseEntity<JsonNode> response = http.getForEntity("/customers/" + UUID.randomUUID() + "?minVersion=-1", JsonNode.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody().at("/errors/0/field").asText()).isEqualTo("minVersion");
    }

    @Test
    void theUpdateStreamSendsTheOrderAndThenEveryChange() throws Exception {
        UUID customer = events.customer("Streaming customer");
        UUID product = events.product("Streamed product", "2.00", 10);
        UUID order = events.order(customer, line(product, 1));
        await().atMost(Duration.ofSeconds(30)).until(
                () -> http.getForEntity("/orders/" + order, JsonNode.class).getStatusCode().is2xxSuccessful());
        BlockingQueue<JsonNode> received = new LinkedBlockingQueue<>();
        HttpResponse<Stream<String>> stream = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/orders/" + order + "/updates"))
                           .header("Accept", "text/event-stream")
                           .header("Authorization", DevelopmentCredentials.USER.basicAuthorization()).build(),
                HttpResponse.BodyHandlers.ofLines());
        try {
            assertThat(stream.statusCode()).isEqualTo(200);
            assertThat(stream.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("text/event-stream"));
            background.submit(() -> stream.body()
                    .filter(eventLine -> eventLine.startsWith("data:"))
                    .forEach(data -> received.add(parse(data.substring("data:".length())))));

            JsonNode initial = received.poll(30, TimeUnit.SECONDS);
            assertThat(initial).isNotNull();
            assertThat(initial.get("status").asText()).isEqualTo("PENDING");

            events.publish("Order", order, new OrderConfirmedEvent(order));
            JsonNode confirmed = received.poll(30, TimeUnit.SECONDS);
            assertThat(confirmed).isNotNull();
            assertThat(confirmed.get("status").asText()).isEqualTo("CONFIRMED");

            events.publish("Customer", customer, new CustomerRenamedEvent(customer, "Renamed while streaming"));
            JsonNode renamed = received.poll(30, TimeUnit.SECONDS);
            assertThat(renamed).isNotNull();
            assertThat(renamed.get("customerName").asText()).isEqualTo("Renamed while streaming");
        } finally {
            stream.body().close();
        }
    }

    @Test
    void stoppingTheServiceEndsTheOpenUpdateStreamsSoItsShutdownNeedNotWaitForThem() throws Exception {
        UUID customer = events.customer("Customer of a stopping service");
        UUID order = events.order(customer, line(events.product("Product of a stopping service", "2.00", 10), 1));
        await().atMost(Duration.ofSeconds(30)).until(
                () -> http.getForEntity("/orders/" + order, JsonNode.class).getStatusCode().is2xxSuccessful());
        HttpResponse<Stream<String>> stream = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/orders/" + order + "/updates"))
                           .header("Accept", "text/event-stream")
                           .header("Authorization", DevelopmentCredentials.USER.basicAuthorization()).build(),
                HttpResponse.BodyHandlers.ofLines());
        BlockingQueue<String> received = new LinkedBlockingQueue<>();
        Future<?> reading = background.submit(() -> stream.body().forEach(received::add));
        try {
            assertThat(received.poll(30, TimeUnit.SECONDS)).isNotNull();
            assertThat(reading.isDone()).isFalse();

            updateStreams.stop();

            await().atMost(Duration.ofSeconds(30)).until(reading::isDone);
        } finally {
            updateStreams.start();
            stream.body().close();
        }
    }

    @Test
    void theUpdateStreamNeedsCredentials() throws Exception {
        HttpResponse<String> refused = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/orders/" + UUID.randomUUID() + "/updates"))
                           .header("Accept", "text/event-stream").build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                challenge -> assertThat(challenge).startsWith("Basic"));
        assertThat(refused.body()).contains("\"kind\":\"UNAUTHENTICATED\"");
    }

    private JsonNode parse(String data) {
        try {
            return json.readTree(data);
        } catch (IOException e) {
            throw new IllegalStateException("Not JSON: " + data, e);
        }
    }

    private UUID pendingOrder() {
        UUID customer = events.customer("Customer " + UUID.randomUUID());
        UUID product = events.product("Product " + UUID.randomUUID(), "5.00", 10);
        UUID order = events.order(customer, line(product, 1));
        await().atMost(Duration.ofSeconds(30)).until(
                () -> http.getForEntity("/orders/" + order, JsonNode.class).getStatusCode().is2xxSuccessful());
        return order;
    }
}
