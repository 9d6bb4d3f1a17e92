package dev.orderflow.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orderflow.testfixtures.DevelopmentUserRestTemplate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalDouble;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What a Prometheus user scrapes from {@code /actuator/prometheus}: Axon's message metrics with the processor
 * and payload type as tags, the processors' status as gauges, and how long fulfilment takes.
 */
@Import(DevelopmentUserRestTemplate.class)
@AutoConfigureObservability(tracing = false) // Spring Boot's tests export no metrics unless asked
@SpringBootTest(classes = {StandaloneApplication.class, UnansweredPayments.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "orderflow.fulfilment.payment-timeout=3s")
class MetricsIT {

    private static final Duration CONVERGENCE = Duration.ofSeconds(30);

    @Autowired
    TestRestTemplate http;

    @Test
    void aConfirmedOrderIsTimedFromPlacementToConfirmation() {
        double confirmedBefore = value(prometheus(), "orderflow_order_fulfilment_seconds_count", "outcome=\"confirmed\"")
                .orElse(0);
        UUID customerId = post("/customers", """
                {"customerId": "%s", "name": "Timed customer", "email": "%s@example.com", "creditLimit": 100}"""
                .formatted(UUID.randomUUID(), UUID.randomUUID()), "customerId");
        UUID productId = post("/products", """
                {"name": "Timed product", "price": 1.50, "stock": 5}""", "productId");
        UUID orderId = post("/orders", """
                {"customerId": "%s", "lines": [{"productId": "%s", "quantity": 1}]}"""
                .formatted(customerId, productId), "orderId");
        await().atMost(CONVERGENCE).ignoreExceptions().until(() -> http.getForEntity("/orders/" + orderId, JsonNode.class)
                .getBody().get("status").asText(), "CONFIRMED"::equals);

        String metrics = await().atMost(CONVERGENCE).until(this::prometheus, body ->
                value(body, "orderflow_order_fulfilment_seconds_count", "outcome=\"confirmed\"").orElse(0) > confirmedBefore);

        assertThat(value(metrics, "orderflow_order_fulfilment_seconds_sum", "outcome=\"confirmed\"").orElse(0)).isPositive();
        assertThat(metrics).contains("orderflow_order_fulfilment_seconds_bucket{outcome=\"confirmed\"");
    }

    @Test
    void axonsMetricsAreTaggedWithTheProcessorAndThePayloadType() {
        // Axon registers a processor's meters with the first event it handles.
        post("/customers", """
                {"customerId": "%s", "name": "Measured customer", "email": "%s@example.com", "creditLimit": 100}"""
                .formatted(UUID.randomUUID(), UUID.randomUUID()), "customerId");

        String metrics = await().atMost(CONVERGENCE).until(this::prometheus,
                body -> body.contains("processorName=\"order-history\""));

        assertThat(lines(metrics)).anyMatch(line -> line.startsWith("eventProcessor_")
                && line.contains("processorName=\"order-history\"") && line.contains("payloadType=\""));
        assertThat(lines(metrics)).as("no processor's name inside a metric's name")
                .noneMatch(line -> line.startsWith("order_history") || line.startsWith("catalogue_"));
    }

    @Test
    void theProcessorsStatusIsPublishedAsGauges() {
        List<String> processors = List.of("catalogue", "order-history", "OrderFulfilmentSagaProcessor", "order-shipped-policy");
        // A processor claims its segments a moment after it starts.
        String metrics = await().atMost(CONVERGENCE).until(this::prometheus, body -> processors.stream().allMatch(
                processor -> value(body, "orderflow_processor_segments_unclaimed", "processor=\"" + processor + "\"")
                        .equals(OptionalDouble.of(0.0))));

        for (String processor : processors) {
            String tag = "processor=\"" + processor + "\"";
            assertThat(value(metrics, "orderflow_processor_healthy", tag)).as(processor).hasValue(1.0);
            assertThat(value(metrics, "orderflow_processor_segments_unclaimed", tag)).as(processor).hasValue(0.0);
            assertThat(value(metrics, "orderflow_processor_segments_failing", tag)).as(processor).hasValue(0.0);
            assertThat(value(metrics, "orderflow_processor_segments_claimed", tag).orElse(0)).as(processor).isPositive();
            assertThat(value(metrics, "orderflow_processor_replaying", tag)).as(processor).hasValue(0.0);
            assertThat(value(metrics, "orderflow_processor_behind", tag)).as(processor).isPresent();
        }
        assertThat(value(metrics, "orderflow_processor_segments_claimed", "processor=\"catalogue\"")).hasValue(2.0);
        assertThat(value(metrics, "orderflow_processor_segments_claimed", "processor=\"OrderFulfilmentSagaProcessor\""))
                .as("the saga's own segment count, not Axon's 16").hasValue(1.0);
        assertThat(value(metrics, "orderflow_processor_position", "processor=\"catalogue\",segment=\"1\"")).isPresent();
    }

    private String prometheus() {
        ResponseEntity<String> answer = DevelopmentUserRestTemplate.asAdmin(http).getForEntity("/actuator/prometheus", String.class);
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        return answer.getBody();
    }

    private static List<String> lines(String metrics) {
        return Arrays.stream(metrics.split("\n")).filter(line -> !line.startsWith("#")).toList();
    }

    /** The value of the first sample of the metric whose labels contain the given text. */
    private static OptionalDouble value(String metrics, String name, String labels) {
        return lines(metrics).stream()
                .filter(line -> line.startsWith(name + "{") && line.contains(labels))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst();
    }

    private UUID post(String path, String json, String idField) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<JsonNode> response = http.postForEntity(path, new HttpEntity<>(json, headers), JsonNode.class);
        assertThat(response.getStatusCode()).as("POST %s: %s", path, response.getBody()).isEqualTo(HttpStatus.CREATED);
        return UUID.fromString(response.getBody().get(idField).asText());
    }
}
