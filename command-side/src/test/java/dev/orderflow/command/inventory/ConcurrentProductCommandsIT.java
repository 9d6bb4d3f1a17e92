package dev.orderflow.command.inventory;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orderflow.api.inventory.ReserveStockCommand;
import dev.orderflow.api.shared.Quantity;
import dev.orderflow.command.support.CommandSideIntegrationTest;
import dev.orderflow.command.support.StoredEvents;
import dev.orderflow.testfixtures.ServiceClient;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 50 commands at once on one product (restocks, restocks sent with a version that may be stale, and
 * reservations): nothing is lost, every change that was accepted is in the stock, and every refusal is
 * a 409 or 422, never a 500.
 */
@CommandSideIntegrationTest
class ConcurrentProductCommandsIT {

    private static final int INITIAL_STOCK = 20;

    @Autowired
    ServiceClient http;
    @Autowired
    StoredEvents events;
    @Autowired
    CommandGateway commands;

    @Test
    void fiftyConcurrentCommandsOnOneProductLoseNoUpdate() throws Exception {
        UUID productId = UUID.randomUUID();
        http.post("/products", "{\"productId\": \"" + productId + "\", \"name\": \"Contended\", \"price\": 2, \"stock\": "
                + INITIAL_STOCK + "}");
        List<Callable<Outcome>> work = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            int quantity = 1 + i % 5;
            switch (i % 3) {
                case 0 -> work.add(() -> restock(productId, quantity, null));
                case 1 -> work.add(() -> restock(productId, quantity, "\"1\""));
                default -> work.add(() -> reserve(productId, quantity));
            }
        }

        List<Outcome> outcomes = new ArrayList<>();
        ExecutorService clients = Executors.newFixedThreadPool(16);
        try {
            for (Future<Outcome> outcome : clients.invokeAll(work)) {
                outcomes.add(outcome.get());
            }
        } finally {
            clients.shutdown();
        }

        assertThat(outcomes).extracting(Outcome::status).allMatch(status -> status == 204 || status == 409 || status == 422,
                "every command succeeded or was refused with 409/422");
        int acceptedRestocks = outcomes.stream().filter(o -> o.kind() == Kind.RESTOCK && o.status() == 204)
                .mapToInt(Outcome::quantity).sum();
        List<StoredEvents.StoredEvent> stored = events.of(productId);
        int storedRestocks = stored.stream().filter(e -> e.simpleType().equals("ProductRestockedEvent"))
                .mapToInt(e -> e.payload().get("quantity").asInt()).sum();
        int reserved = stored.stream().filter(e -> e.simpleType().equals("StockReservedEvent"))
                .mapToInt(e -> e.payload().get("quantity").asInt()).sum();
        long reservationAnswers = stored.stream().filter(e -> e.simpleType().startsWith("StockReserv")).count();

        assertThat(storedRestocks).as("every accepted restock, and only those, is stored").isEqualTo(acceptedRestocks);
        assertThat(reservationAnswers).as("every reservation got exactly one answer")
                .isEqualTo(outcomes.stream().filter(o -> o.kind() == Kind.RESERVATION).count());
        assertThat(reserved).as("no more is reserved than was ever on hand").isLessThanOrEqualTo(INITIAL_STOCK + storedRestocks);
        assertThat(stored).extracting(StoredEvents.StoredEvent::sequenceNumber)
                .as("one gap-free stream: no two commands appended at the same version")
                .containsExactlyElementsOf(java.util.stream.LongStream.range(0, stored.size()).boxed().toList());
        // The stock the aggregate holds now is what the events say: one more unit than is available is refused.
        int available = INITIAL_STOCK + storedRestocks - reserved;
        UUID overdraw = UUID.randomUUID();
        commands.sendAndWait(new ReserveStockCommand(productId, overdraw, Quantity.of(available + 1)));
        assertThat(events.of(productId)).last().satisfies(last -> {
            assertThat(last.simpleType()).isEqualTo("StockReservationRejectedEvent");
            assertThat(last.payload().get("available").asInt()).isEqualTo(available);
        });
    }

    private Outcome restock(UUID productId, int quantity, String ifMatch) {
        ResponseEntity<JsonNode> response = http.send(HttpMethod.POST, "/products/" + productId + "/restock",
                "{\"quantity\": " + quantity + "}", ifMatch);
        return new Outcome(Kind.RESTOCK, quantity, response.getStatusCode().value());
    }

    private Outcome reserve(UUID productId, int quantity) {
        commands.sendAndWait(new ReserveStockCommand(productId, UUID.randomUUID(), Quantity.of(quantity)));
        return new Outcome(Kind.RESERVATION, quantity, HttpStatus.NO_CONTENT.value());
    }

    enum Kind { RESTOCK, RESERVATION }

    record Outcome(Kind kind, int quantity, int status) {
    }
}
