package dev.orderflow.bench.events;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class EventShapesTest {

    private static final String PLACED = "dev.orderflow.api.order.OrderPlacedEvent";
    // As the running system stored it (copied from a real row).
    private static final String REAL_PAYLOAD = "{\"orderId\":\"33333333-3333-4333-8333-333333333333\","
            + "\"customerId\":\"11111111-1111-4111-8111-111111111111\",\"lines\":[{\"productId\":"
            + "\"22222222-2222-4222-8222-222222222222\",\"quantity\":2}]}";
    private static final String REAL_META = "{\"traceId\":\"f8c9bdfa-5aa1-4213-919d-950274a43944\","
            + "\"correlationId\":\"f8c9bdfa-5aa1-4213-919d-950274a43944\"}";

    private static StoredEvent event(String type, String revision, String payload, String meta) {
        return new StoredEvent(1, "a", 0, type, "e", meta.getBytes(StandardCharsets.UTF_8),
                payload.getBytes(StandardCharsets.UTF_8), revision, PLACED, "2026-01-01T00:00:00Z");
    }

    @Test
    void theShapeNamesFieldsAndKindsOfValueNotTheValues() {
        assertThat(EventShapes.shape(REAL_PAYLOAD.getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("{customerId:string,lines:[{productId:string,quantity:number}],orderId:string}");
        assertThat(EventShapes.shape("{\"b\":true,\"a\":null,\"c\":[]}".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("{a:null,b:boolean,c:[]}");
        assertThat(EventShapes.shape("not json".getBytes(StandardCharsets.UTF_8))).startsWith("not JSON");
    }

    @Test
    void aGeneratedOrderPlacedEventHasTheShapeOfARealOne() {
        StoredEvent real = event("Order", "1", REAL_PAYLOAD, REAL_META);
        List<StoredEvent> generated = new java.util.ArrayList<>();
        new EventGenerator(1, java.time.Instant.now()).generate(1, 200, generated::add);
        List<StoredEvent> placed = generated.stream().filter(e -> e.payloadType().equals(PLACED)).toList();

        EventShapes.Comparison comparison = EventShapes.compare(placed, Map.of(PLACED, real));

        assertThat(comparison.matches()).as(comparison.differences().toString()).isTrue();
        assertThat(comparison.unchecked()).isEmpty();
    }

    @Test
    void everyDifferenceIsNamed() {
        StoredEvent real = event("Order", "1", REAL_PAYLOAD, REAL_META);
        StoredEvent wrong = event("OrderAggregate", "2", "{\"orderId\":1}", "{\"traceId\":\"x\"}");

        EventShapes.Comparison comparison = EventShapes.compare(List.of(wrong), Map.of(PLACED, real));

        assertThat(comparison.matches()).isFalse();
        assertThat(comparison.differences()).hasSize(4)
                .anySatisfy(difference -> assertThat(difference).contains("aggregate type OrderAggregate"))
                .anySatisfy(difference -> assertThat(difference).contains("revision 2"))
                .anySatisfy(difference -> assertThat(difference).contains("payload {orderId:number}"))
                .anySatisfy(difference -> assertThat(difference).contains("metadata {traceId:string}"));
    }

    @Test
    void aTypeWithoutAStoredExampleIsReportedAsUnchecked() {
        EventShapes.Comparison comparison = EventShapes.compare(
                List.of(event("Order", "1", REAL_PAYLOAD, REAL_META)), Map.of());

        assertThat(comparison.matches()).isTrue();
        assertThat(comparison.unchecked()).containsExactly(PLACED);
    }
}
