package dev.orderflow.query.shipping;

import dev.orderflow.api.shipping.FindShipmentByOrderQuery;
import dev.orderflow.api.shipping.ShipmentCancelledEvent;
import dev.orderflow.api.shipping.ShipmentDispatchedEvent;
import dev.orderflow.api.shipping.ShipmentScheduledEvent;
import dev.orderflow.api.shipping.ShipmentStatus;
import dev.orderflow.query.ProjectionProcessors;
import dev.orderflow.query.ViewUpdates;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ReplayStatus;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.UUID;

/**
 * Builds the shipment status of each order. Every shipment event names its order, and the processor keeps
 * each order's events in sequence across shipments (see {@link ProjectionProcessors}); idempotent by the
 * shipment's sequence number.
 */
@Component
@ProcessingGroup(ProjectionProcessors.SHIPMENTS)
class ShipmentProjection {

    private final OrderShipmentRepository shipments;
    private final ShipmentQueries queries;
    private final ViewUpdates updates;

    ShipmentProjection(OrderShipmentRepository shipments, ShipmentQueries queries, ViewUpdates updates) {
        this.shipments = shipments;
        this.queries = queries;
        this.updates = updates;
    }

    @EventHandler
    void on(ShipmentScheduledEvent event, @SequenceNumber long sequenceNumber, @Timestamp Instant at,
            ReplayStatus replay) {
        shipments.findById(event.orderId()).ifPresentOrElse(
                shipment -> {
                    if (!shipment.shipmentId().equals(event.shipmentId())) {
                        shipment.rescheduleAs(event.shipmentId(), at, sequenceNumber);
                        publish(event.orderId(), replay);
                    }
                },
                () -> {
                    shipments.save(new OrderShipment(event.orderId(), event.shipmentId(), at, sequenceNumber));
                    publish(event.orderId(), replay);
                });
    }

    @EventHandler
    void on(ShipmentDispatchedEvent event, @SequenceNumber long sequenceNumber, @Timestamp Instant at,
            ReplayStatus replay) {
        move(event.orderId(), event.shipmentId(), ShipmentStatus.DISPATCHED, at, sequenceNumber, replay);
    }

    @EventHandler
    void on(ShipmentCancelledEvent event, @SequenceNumber long sequenceNumber, @Timestamp Instant at,
            ReplayStatus replay) {
        move(event.orderId(), event.shipmentId(), ShipmentStatus.CANCELLED, at, sequenceNumber, replay);
    }

    @ResetHandler
    void reset() {
        shipments.deleteAllInBatch();
    }

    private void move(UUID orderId, UUID shipmentId, ShipmentStatus status, Instant at, long sequenceNumber,
                      ReplayStatus replay) {
        shipments.findById(orderId)
                 .filter(shipment -> shipment.moveTo(shipmentId, status, at, sequenceNumber))
                 .ifPresent(shipment -> publish(orderId, replay));
    }

    private void publish(UUID orderId, ReplayStatus replay) {
        if (replay.isReplay()) {
            return;
        }
        updates.publishAfterCommit(FindShipmentByOrderQuery.class, orderId,
                watched -> watched.orderId().equals(orderId), watched -> queries.find(orderId));
    }
}
