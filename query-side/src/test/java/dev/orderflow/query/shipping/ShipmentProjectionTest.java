package dev.orderflow.query.shipping;

import dev.orderflow.api.shipping.ShipmentCancelledEvent;
import dev.orderflow.api.shipping.ShipmentDispatchedEvent;
import dev.orderflow.api.shipping.ShipmentScheduledEvent;
import dev.orderflow.api.shipping.ShipmentStatus;
import dev.orderflow.api.shipping.ShipmentView;
import dev.orderflow.query.RowsInAMap;
import dev.orderflow.query.ViewUpdates;
import org.axonframework.eventhandling.ReplayStatus;
import org.axonframework.queryhandling.SimpleQueryUpdateEmitter;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shipment projection's handlers on their own, in milliseconds: events in, the view its queries answer out. The
 * rows live in a map behind the repository; {@code ShipmentProjectionIT} runs the same projection on Postgres.
 */
class ShipmentProjectionTest {

    private static final Instant SCHEDULED_AT = Instant.parse("2026-12-01T10:00:00Z");
    private static final Instant LATER = SCHEDULED_AT.plusSeconds(60);

    private final RowsInAMap<OrderShipment, UUID> rows = new RowsInAMap<>();
    private final OrderShipmentRepository repository = rows.behind(OrderShipmentRepository.class, OrderShipment::orderId);
    private final ShipmentQueries queries = new ShipmentQueries(repository);
    private final ShipmentProjection projection = new ShipmentProjection(repository, queries,
            new ViewUpdates(SimpleQueryUpdateEmitter.builder().build()));

    private final UUID order = UUID.randomUUID();
    private final UUID shipment = UUID.randomUUID();

    @Test
    void aScheduledShipmentIsShownForItsOrder() {
        projection.on(new ShipmentScheduledEvent(shipment, order), 0, SCHEDULED_AT, ReplayStatus.REGULAR);

        assertThat(queries.find(order))
                .contains(new ShipmentView(order, shipment, ShipmentStatus.SCHEDULED, SCHEDULED_AT, 0));
    }

    @Test
    void aDispatchedShipmentIsDispatchedAtItsVersion() {
        projection.on(new ShipmentScheduledEvent(shipment, order), 0, SCHEDULED_AT, ReplayStatus.REGULAR);
        projection.on(new ShipmentDispatchedEvent(shipment, order), 1, LATER, ReplayStatus.REGULAR);

        assertThat(queries.find(order))
                .contains(new ShipmentView(order, shipment, ShipmentStatus.DISPATCHED, LATER, 1));
    }

    @Test
    void anEventDeliveredAgainChangesNothing() {
        projection.on(new ShipmentScheduledEvent(shipment, order), 0, SCHEDULED_AT, ReplayStatus.REGULAR);
        projection.on(new ShipmentCancelledEvent(shipment, order), 1, LATER, ReplayStatus.REGULAR);
        projection.on(new ShipmentDispatchedEvent(shipment, order), 1, LATER.plusSeconds(5), ReplayStatus.REGULAR);

        assertThat(queries.find(order)).map(ShipmentView::status).contains(ShipmentStatus.CANCELLED);
    }

    @Test
    void aNewShipmentReplacesACancelledOneAndTheOldOnesLateEventsAreIgnored() {
        UUID next = UUID.randomUUID();
        projection.on(new ShipmentScheduledEvent(shipment, order), 0, SCHEDULED_AT, ReplayStatus.REGULAR);
        projection.on(new ShipmentCancelledEvent(shipment, order), 1, LATER, ReplayStatus.REGULAR);
        projection.on(new ShipmentScheduledEvent(next, order), 0, LATER, ReplayStatus.REGULAR);
        projection.on(new ShipmentDispatchedEvent(shipment, order), 2, LATER.plusSeconds(5), ReplayStatus.REGULAR);

        assertThat(queries.find(order))
                .contains(new ShipmentView(order, next, ShipmentStatus.SCHEDULED, LATER, 0));
    }

    @Test
    void aResetForgetsEveryShipment() {
        projection.on(new ShipmentScheduledEvent(shipment, order), 0, SCHEDULED_AT, ReplayStatus.REGULAR);

        projection.reset();

        assertThat(queries.find(order)).isEmpty();
    }
}
