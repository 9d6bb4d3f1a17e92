package dev.orderflow.query.shipping;

import dev.orderflow.api.shipping.FindShipmentByOrderQuery;
import dev.orderflow.api.shipping.ShipmentCancelledEvent;
import dev.orderflow.api.shipping.ShipmentDispatchedEvent;
import dev.orderflow.api.shipping.ShipmentScheduledEvent;
import dev.orderflow.api.shipping.ShipmentStatus;
import dev.orderflow.api.shipping.ShipmentView;
import dev.orderflow.query.ProjectionITSupport;
import dev.orderflow.query.Redelivery;
import dev.orderflow.query.StoredEvents;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

class ShipmentProjectionIT extends ProjectionITSupport {

    @Autowired
    ShipmentProjection projection;

    @Test
    void aScheduledShipmentIsShownForItsOrder() {
        UUID order = UUID.randomUUID();
        UUID shipment = scheduled(order);

        ShipmentView view = awaitShipment(order, any -> true);

        assertThat(view.shipmentId()).isEqualTo(shipment);
        assertThat(view.status()).isEqualTo(ShipmentStatus.SCHEDULED);
        assertThat(view.version()).isZero();
    }

    @Test
    void aDispatchedShipmentIsDispatched() {
        UUID order = UUID.randomUUID();
        UUID shipment = scheduled(order);

        events.publish("Shipment", shipment, new ShipmentDispatchedEvent(shipment, order));

        assertThat(awaitShipment(order, moved -> moved.version() == 1).status()).isEqualTo(ShipmentStatus.DISPATCHED);
    }

    @Test
    void aCancelledShipmentIsCancelled() {
        UUID order = UUID.randomUUID();
        UUID shipment = scheduled(order);

        events.publish("Shipment", shipment, new ShipmentCancelledEvent(shipment, order));

        assertThat(awaitShipment(order, moved -> moved.version() == 1).status()).isEqualTo(ShipmentStatus.CANCELLED);
    }

    @Test
    void aShipmentScheduledAfterACancelledOneReplacesIt() {
        UUID order = UUID.randomUUID();
        UUID first = scheduled(order);
        events.publish("Shipment", first, new ShipmentCancelledEvent(first, order));

        UUID second = scheduled(order);

        ShipmentView view = awaitShipment(order, replaced -> replaced.shipmentId().equals(second));
        assertThat(view.status()).isEqualTo(ShipmentStatus.SCHEDULED);
    }

    @Test
    void eventsDeliveredTwiceLeaveTheSameShipment() {
        StoredEvents scenario = newScenario();
        UUID order = UUID.randomUUID();
        UUID shipment = UUID.randomUUID();
        scenario.publish("Shipment", shipment, new ShipmentScheduledEvent(shipment, order),
                new ShipmentDispatchedEvent(shipment, order));
        ShipmentView once = awaitShipment(order, done -> done.version() == 1);

        Redelivery.deliverAgain(projection, scenario.published(), transactionTemplate);

        assertThat(findShipment(order)).contains(once);
        assertThat(once.status()).isEqualTo(ShipmentStatus.DISPATCHED);
    }

    private UUID scheduled(UUID orderId) {
        UUID shipmentId = UUID.randomUUID();
        events.publish("Shipment", shipmentId, new ShipmentScheduledEvent(shipmentId, orderId));
        return shipmentId;
    }

    private ShipmentView awaitShipment(UUID orderId, Predicate<ShipmentView> condition) {
        return awaitView(() -> findShipment(orderId), condition);
    }

    private Optional<ShipmentView> findShipment(UUID orderId) {
        return queries.query(new FindShipmentByOrderQuery(orderId), ResponseTypes.optionalInstanceOf(ShipmentView.class)).join();
    }
}
