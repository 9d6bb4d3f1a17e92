package dev.orderflow.bench.events;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class EventGeneratorTest {

    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    private static List<StoredEvent> generate(long seed, long first, long count) {
        List<StoredEvent> events = new ArrayList<>();
        new EventGenerator(seed, START).generate(first, count, events::add);
        return events;
    }

    @Test
    void exactlyTheAskedNumberOfEventsWithConsecutiveGlobalIndexes() {
        List<StoredEvent> events = generate(1, 101, 1_234);

        assertThat(events).hasSize(1_234);
        for (int i = 0; i < events.size(); i++) {
            assertThat(events.get(i).globalIndex()).isEqualTo(101 + i);
        }
    }

    @Test
    void everyAggregatesStreamCountsFromZeroWithoutGaps() {
        Map<String, Long> next = new HashMap<>();
        for (StoredEvent event : generate(2, 1, 20_000)) {
            long expected = next.getOrDefault(event.aggregateId(), 0L);
            assertThat(event.sequenceNumber()).as("sequence of %s", event.aggregateId()).isEqualTo(expected);
            next.put(event.aggregateId(), expected + 1);
        }
    }

    @Test
    void theSameSeedWritesTheSameHistory() {
        List<StoredEvent> first = generate(7, 1, 500);
        List<StoredEvent> second = generate(7, 1, 500);

        for (int i = 0; i < first.size(); i++) {
            assertThat(second.get(i).eventId()).isEqualTo(first.get(i).eventId());
            assertThat(second.get(i).payload()).isEqualTo(first.get(i).payload());
        }
        assertThat(generate(8, 1, 1).get(0).eventId()).isNotEqualTo(first.get(0).eventId());
    }

    @Test
    void anOrderGoesThroughTheSagasEventsUnderOneTrace() throws IOException {
        List<StoredEvent> events = generate(3, 1, 2_000);
        StoredEvent placed = events.stream().filter(e -> e.payloadType().endsWith("OrderPlacedEvent")).findFirst().orElseThrow();
        String trace = AxonJson.mapper().readTree(placed.metaData()).get("traceId").asText();

        List<String> flow = new ArrayList<>();
        for (StoredEvent event : events) {
            if (AxonJson.mapper().readTree(event.metaData()).get("traceId").asText().equals(trace)) {
                flow.add(event.payloadType().substring(event.payloadType().lastIndexOf('.') + 1));
            }
        }
        int lines = AxonJson.mapper().readTree(placed.payload()).get("lines").size();

        assertThat(flow).hasSize(6 + lines);
        assertThat(flow.get(0)).isEqualTo("OrderPlacedEvent");
        assertThat(flow.subList(1, 1 + lines)).containsOnly("StockReservedEvent");
        assertThat(flow.subList(1 + lines, flow.size())).containsExactly("PaymentRequestedEvent", "CreditReservedEvent",
                "PaymentAuthorizedEvent", "ShipmentScheduledEvent", "OrderConfirmedEvent");
    }

    @Test
    void theAmountChargedIsTheSumOfTheReservedLines() throws IOException {
        List<StoredEvent> events = generate(4, 1, 3_000);
        Map<String, Double> reserved = new HashMap<>();
        for (StoredEvent event : events) {
            JsonNode payload = AxonJson.mapper().readTree(event.payload());
            if (event.payloadType().endsWith("StockReservedEvent")) {
                reserved.merge(payload.get("orderId").asText(),
                        payload.get("unitPrice").asDouble() * payload.get("quantity").asInt(), Double::sum);
            } else if (event.payloadType().endsWith("PaymentRequestedEvent")) {
                assertThat(payload.get("amount").asDouble())
                        .isCloseTo(reserved.get(payload.get("orderId").asText()), org.assertj.core.data.Offset.offset(0.001));
            }
        }
    }

    @Test
    void rowsCarryTheAggregateTypeTheRevisionAndAnIsoTimestamp() {
        Set<String> types = new HashSet<>();
        for (StoredEvent event : generate(5, 1, 2_000)) {
            types.add(event.type());
            // Every event the bench writes is at revision 1, but ProductAddedEvent, at 2 since stock became onHand.
            assertThat(event.revision()).as(event.payloadType())
                    .isEqualTo(event.payloadType().endsWith(".ProductAddedEvent") ? "2" : "1");
            assertThat(Instant.parse(event.timestamp())).isAfterOrEqualTo(START);
            assertThat(event.payloadType()).startsWith("dev.orderflow.api.");
        }
        assertThat(types).containsExactlyInAnyOrder("Customer", "Product", "Order", "Payment", "Shipment");
    }

    @Test
    void customersAndProductsArriveAsTheShopGrowsAndPricesChange() {
        List<StoredEvent> events = generate(6, 1, 40_000);
        long customers = events.stream().filter(e -> e.payloadType().endsWith("CustomerRegisteredEvent")).count();
        long orders = events.stream().filter(e -> e.payloadType().endsWith("OrderPlacedEvent")).count();
        long priceChanges = events.stream().filter(e -> e.payloadType().endsWith("ProductPriceChangedEvent")).count();

        assertThat(customers).isEqualTo((orders + EventGenerator.ORDERS_PER_NEW_CUSTOMER - 1) / EventGenerator.ORDERS_PER_NEW_CUSTOMER);
        assertThat(priceChanges).isEqualTo(orders / EventGenerator.ORDERS_PER_PRICE_CHANGE);
        assertThat((double) events.size() / orders).isBetween(7.0, 9.0);
    }
}
