package dev.orderflow.command.shipping;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orderflow.api.order.ConfirmOrderCommand;
import dev.orderflow.api.order.OrderLine;
import dev.orderflow.api.order.PlaceOrderCommand;
import dev.orderflow.api.shared.Quantity;
import dev.orderflow.api.shipping.CancelShipmentCommand;
import dev.orderflow.api.shipping.ScheduleShipmentCommand;
import dev.orderflow.command.support.CommandSideIntegrationTest;
import dev.orderflow.command.support.ExistingAggregates;
import dev.orderflow.command.support.StoredEvents;
import dev.orderflow.testfixtures.ServiceClient;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static dev.orderflow.command.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@CommandSideIntegrationTest
class ShipmentCommandsIT {

    @Autowired
    ServiceClient http;
    @Autowired
    StoredEvents events;
    @Autowired
    CommandGateway commands;
    @Autowired
    ExistingAggregates existing;

    @Test
    void dispatchingAShipmentMarksItsOrderShipped() {
        UUID orderId = confirmedOrder();
        UUID shipmentId = UUID.randomUUID();
        commands.sendAndWait(new ScheduleShipmentCommand(shipmentId, orderId));

        ResponseEntity<JsonNode> response = http.post("/shipments/" + shipmentId + "/dispatch", null);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(response.getHeaders().getETag()).isEqualTo("\"1\"");
        assertThat(events.simpleTypesOf(shipmentId)).containsExactly("ShipmentScheduledEvent", "ShipmentDispatchedEvent");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(events.simpleTypesOf(orderId)).containsExactly("OrderPlacedEvent", "OrderConfirmedEvent", "OrderShippedEvent"));
        assertProblem(http.post("/orders/" + orderId + "/cancel", null), HttpStatus.UNPROCESSABLE_ENTITY, "RULE_VIOLATED");
    }

    @Test
    void aCancelledShipmentCannotBeDispatched() {
        UUID shipmentId = UUID.randomUUID();
        commands.sendAndWait(new ScheduleShipmentCommand(shipmentId, UUID.randomUUID()));
        commands.sendAndWait(new CancelShipmentCommand(shipmentId));

        assertProblem(http.post("/shipments/" + shipmentId + "/dispatch", null), HttpStatus.UNPROCESSABLE_ENTITY, "RULE_VIOLATED");
        assertThat(events.simpleTypesOf(shipmentId)).containsExactly("ShipmentScheduledEvent", "ShipmentCancelledEvent");
    }

    @Test
    void dispatchingAnUnknownShipmentAnswersNotFound() {
        assertProblem(http.post("/shipments/" + UUID.randomUUID() + "/dispatch", null), HttpStatus.NOT_FOUND, "NOT_FOUND");
    }

    private UUID confirmedOrder() {
        UUID orderId = UUID.randomUUID();
        commands.sendAndWait(new PlaceOrderCommand(orderId, existing.customer(),
                List.of(new OrderLine(existing.product(), Quantity.of(1)))));
        commands.sendAndWait(new ConfirmOrderCommand(orderId));
        return orderId;
    }
}
