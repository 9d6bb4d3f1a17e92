package dev.orderflow.command.order;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orderflow.api.customer.RenameCustomerCommand;
import dev.orderflow.api.inventory.ReserveStockCommand;
import dev.orderflow.api.order.ConfirmOrderCommand;
import dev.orderflow.api.order.MarkOrderShippedCommand;
import dev.orderflow.api.order.RejectOrderCommand;
import dev.orderflow.api.refusal.RefusalKind;
import dev.orderflow.api.shared.Quantity;
import dev.orderflow.command.support.CommandSideIntegrationTest;
import dev.orderflow.command.support.ExistingAggregates;
import dev.orderflow.command.support.StoredEvents;
import dev.orderflow.shared.failure.DomainErrors;
import dev.orderflow.testfixtures.ServiceClient;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.UUID;

import static dev.orderflow.command.support.Problems.assertInvalid;
import static dev.orderflow.command.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

@CommandSideIntegrationTest
class OrderCommandsIT {

    @Autowired
    ServiceClient http;
    @Autowired
    StoredEvents events;
    @Autowired
    CommandGateway commands;
    @Autowired
    ExistingAggregates existing;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void placingAnOrderStoresItsLines() {
        UUID orderId = UUID.randomUUID();
        UUID customerId = existing.customer();
        UUID productId = existing.product();

        ResponseEntity<JsonNode> response = http.post("/orders", order(orderId, customerId, productId, 3));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(response.getHeaders().getLocation()).hasToString("/orders/" + orderId);
        assertThat(response.getBody().get("orderId").asText()).isEqualTo(orderId.toString());
        StoredEvents.StoredEvent placed = events.of(orderId).get(0);
        assertThat(placed.simpleType()).isEqualTo("OrderPlacedEvent");
        assertThat(placed.payload().get("customerId").asText()).isEqualTo(customerId.toString());
        assertThat(placed.payload().get("lines").get(0).get("productId").asText()).isEqualTo(productId.toString());
        assertThat(placed.payload().get("lines").get(0).get("quantity").asInt()).isEqualTo(3);
    }

    @Test
    void cancellingAPendingOrderStoresTheCancellationOnce() {
        UUID orderId = placedOrder();

        ResponseEntity<JsonNode> first = http.post("/orders/" + orderId + "/cancel", null);
        ResponseEntity<JsonNode> again = http.post("/orders/" + orderId + "/cancel", null);

        assertThat(first.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(first.getHeaders().getETag()).isEqualTo("\"1\"");
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(events.simpleTypesOf(orderId)).containsExactly("OrderPlacedEvent", "OrderCancelledEvent");
    }

    @Test
    void aShippedOrderCannotBeCancelled() {
        UUID orderId = placedOrder();
        commands.sendAndWait(new ConfirmOrderCommand(orderId));
        commands.sendAndWait(new MarkOrderShippedCommand(orderId));

        ResponseEntity<JsonNode> response = http.post("/orders/" + orderId + "/cancel", null);

        assertProblem(response, HttpStatus.UNPROCESSABLE_ENTITY, "RULE_VIOLATED");
        assertThat(events.simpleTypesOf(orderId)).containsExactly("OrderPlacedEvent", "OrderConfirmedEvent", "OrderShippedEvent");
    }

    @Test
    void aRejectedOrderCannotBeCancelled() {
        UUID orderId = placedOrder();
        commands.sendAndWait(new RejectOrderCommand(orderId, "out of stock"));

        assertProblem(http.post("/orders/" + orderId + "/cancel", null), HttpStatus.UNPROCESSABLE_ENTITY, "RULE_VIOLATED");
        assertThat(events.simpleTypesOf(orderId)).containsExactly("OrderPlacedEvent", "OrderRejectedEvent");
    }

    @Test
    void cancellingWithAStaleVersionAnswersConflict() {
        UUID orderId = placedOrder();
        commands.sendAndWait(new ConfirmOrderCommand(orderId));

        ResponseEntity<JsonNode> response = http.send(HttpMethod.POST, "/orders/" + orderId + "/cancel", null, "\"0\"");

        assertProblem(response, HttpStatus.CONFLICT, "CONFLICT");
        assertThat(events.simpleTypesOf(orderId)).containsExactly("OrderPlacedEvent", "OrderConfirmedEvent");
    }

    @Test
    void cancellingAnUnknownOrderAnswersNotFound() {
        assertProblem(http.post("/orders/" + UUID.randomUUID() + "/cancel", null), HttpStatus.NOT_FOUND, "NOT_FOUND");
    }

    @Test
    void anOrderNamingACustomerAsItsProductIsNotFoundAndStoresNothing() {
        UUID orderId = UUID.randomUUID();
        UUID customerId = existing.customer();

        ResponseEntity<JsonNode> response = http.post("/orders", order(orderId, customerId, customerId, 1));

        assertProblem(response, HttpStatus.NOT_FOUND, "NOT_FOUND");
        assertThat(response.getBody().get("detail").asText())
                .isEqualTo("lines[0].productId: " + customerId + " is the id of a customer, not of a product");
        assertThat(events.of(orderId)).isEmpty();
        assertThat(events.mentioning(orderId.toString())).isZero();
    }

    @Test
    void anOrderWhoseCustomerIsAProductIsNotFoundAndStoresNothing() {
        UUID orderId = UUID.randomUUID();
        UUID productId = existing.product();

        ResponseEntity<JsonNode> response = http.post("/orders", order(orderId, productId, existing.product(), 1));

        assertProblem(response, HttpStatus.NOT_FOUND, "NOT_FOUND");
        assertThat(response.getBody().get("detail").asText())
                .isEqualTo("customerId: " + productId + " is the id of a product, not of a customer");
        assertThat(events.mentioning(orderId.toString())).isZero();
    }

    @Test
    void anOrderForAProductThatDoesNotExistIsNotFoundAndStoresNothing() {
        UUID orderId = UUID.randomUUID();
        UUID unknown = UUID.randomUUID();

        ResponseEntity<JsonNode> response = http.post("/orders", order(orderId, existing.customer(), unknown, 1));

        assertProblem(response, HttpStatus.NOT_FOUND, "NOT_FOUND");
        assertThat(response.getBody().get("detail").asText()).isEqualTo("lines[0].productId: no product has id " + unknown);
        assertThat(events.mentioning(orderId.toString())).isZero();
    }

    @Test
    void aProductAddedBeforeTheLookupOfKnownAggregatesExistedIsFoundInTheEventStore() {
        UUID productId = existing.product();
        jdbc.update("delete from command.known_aggregate where aggregate_id = ?", productId);
        UUID orderId = UUID.randomUUID();

        ResponseEntity<JsonNode> response = http.post("/orders", order(orderId, existing.customer(), productId, 1));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(jdbc.queryForObject("select aggregate_type from command.known_aggregate where aggregate_id = ?",
                String.class, productId)).isEqualTo("Product");
    }

    @Test
    void cancellingACustomerAsIfItWereAnOrderAnswersNotFound() {
        UUID customerId = existing.customer();

        ResponseEntity<JsonNode> response = http.post("/orders/" + customerId + "/cancel", null);

        assertProblem(response, HttpStatus.NOT_FOUND, "NOT_FOUND");
        assertThat(events.simpleTypesOf(customerId)).containsExactly("CustomerRegisteredEvent");
    }

    @Test
    void cancellingASnapshottedCustomerAsIfItWereAnOrderAnswersNotFound() {
        UUID customerId = existing.customer();
        for (int i = 0; i < 100; i++) {
            commands.sendAndWait(new RenameCustomerCommand(customerId, i % 2 == 0 ? "Snap A" : "Snap B", null));
        }
        assertThat(jdbc.queryForObject("select count(*) from axon.snapshot_event_entry where aggregate_identifier = ?",
                Long.class, customerId.toString())).as("the customer has a snapshot").isOne();

        ResponseEntity<JsonNode> response = http.post("/orders/" + customerId + "/cancel", null);

        assertProblem(response, HttpStatus.NOT_FOUND, "NOT_FOUND");
        assertThat(events.simpleTypesOf(customerId)).doesNotContain("OrderCancelledEvent");
    }

    @Test
    void aFollowUpCommandToAnIdOfAnotherTypeIsRefusedAsNotFound() {
        UUID customerId = existing.customer();

        Throwable refusal = catchThrowable(() -> commands.sendAndWait(
                new ReserveStockCommand(customerId, UUID.randomUUID(), Quantity.of(1))));

        assertThat(DomainErrors.kindOf(refusal)).contains(RefusalKind.NOT_FOUND);
        assertThat(events.simpleTypesOf(customerId)).containsExactly("CustomerRegisteredEvent");
    }

    @Test
    void theSameProductOnTwoLinesBreaksABusinessRule() {
        UUID orderId = UUID.randomUUID();
        UUID productId = UUID.randomUUID();
        String body = """
                {"orderId": "%s", "customerId": "%s", "lines": [
                  {"productId": "%s", "quantity": 1}, {"productId": "%s", "quantity": 2}]}"""
                .formatted(orderId, UUID.randomUUID(), productId, productId);

        assertProblem(http.post("/orders", body), HttpStatus.UNPROCESSABLE_ENTITY, "RULE_VIOLATED");
        assertThat(events.of(orderId)).isEmpty();
    }

    @Test
    void invalidOrdersNameTheFieldAndStoreNothing() {
        UUID orderId = UUID.randomUUID();
        UUID customerId = UUID.randomUUID();
        assertInvalid(http.post("/orders", order(orderId, customerId, UUID.randomUUID(), 0)), "lines[0].quantity");
        assertInvalid(http.post("/orders", order(orderId, customerId, UUID.randomUUID(), -3)), "lines[0].quantity");
        assertInvalid(http.post("/orders", order(orderId, customerId, UUID.randomUUID(), 2_000_000)), "lines[0].quantity");
        assertInvalid(http.post("/orders", """
                {"orderId": "%s", "customerId": "%s", "lines": []}""".formatted(orderId, customerId)), "lines");
        assertInvalid(http.post("/orders", """
                {"orderId": "%s", "lines": [{"productId": "%s", "quantity": 1}]}""".formatted(orderId, UUID.randomUUID())), "customerId");
        assertInvalid(http.post("/orders", """
                {"orderId": "%s", "customerId": "%s", "lines": [{"quantity": 1}]}""".formatted(orderId, customerId)), "lines[0].productId");
        assertInvalid(http.post("/orders", """
                {"orderId": "%s", "customerId": "%s", "lines": [{"productId": "%s", "quantity": "two"}]}"""
                .formatted(orderId, customerId, UUID.randomUUID())), "lines[0].quantity");
        assertThat(events.of(orderId)).isEmpty();
    }

    private UUID placedOrder() {
        UUID orderId = UUID.randomUUID();
        assertThat(http.post("/orders", order(orderId, existing.customer(), existing.product(), 1)).getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
        return orderId;
    }

    static String order(UUID orderId, UUID customerId, UUID productId, int quantity) {
        return """
                {"orderId": "%s", "customerId": "%s", "lines": [{"productId": "%s", "quantity": %d}]}"""
                .formatted(orderId, customerId, productId, quantity);
    }
}
