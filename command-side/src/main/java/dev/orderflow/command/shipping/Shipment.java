package dev.orderflow.command.shipping;

import dev.orderflow.api.refusal.DomainException;
import dev.orderflow.api.shipping.CancelShipmentCommand;
import dev.orderflow.api.shipping.DispatchShipmentCommand;
import dev.orderflow.api.shipping.ScheduleShipmentCommand;
import dev.orderflow.api.shipping.ShipmentCancelledEvent;
import dev.orderflow.api.shipping.ShipmentDispatchedEvent;
import dev.orderflow.api.shipping.ShipmentScheduledEvent;
import dev.orderflow.api.shipping.ShipmentStatus;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.UUID;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** The shipment of a confirmed order: scheduled, then dispatched, or cancelled before it leaves. */
@Aggregate(cache = "shipmentCache", snapshotTriggerDefinition = "aggregateSnapshotTrigger")
public class Shipment {

    @AggregateIdentifier
    private UUID shipmentId;
    private UUID orderId;
    private ShipmentStatus status;

    protected Shipment() {
        // for Axon: rebuilt from events
    }

    @CommandHandler
    public Shipment(ScheduleShipmentCommand command) {
        if (command.orderId() == null) {
            throw DomainException.ruleViolated("A shipment needs an order");
        }
        apply(new ShipmentScheduledEvent(command.shipmentId(), command.orderId()));
    }

    @CommandHandler
    public long handle(DispatchShipmentCommand command) {
        if (status == ShipmentStatus.CANCELLED) {
            throw DomainException.ruleViolated("Shipment " + shipmentId + " was cancelled and cannot be dispatched");
        }
        if (status == ShipmentStatus.SCHEDULED) {
            apply(new ShipmentDispatchedEvent(shipmentId, orderId));
        }
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    public void handle(CancelShipmentCommand command) {
        if (status == ShipmentStatus.DISPATCHED) {
            throw DomainException.ruleViolated("Shipment " + shipmentId + " was dispatched and cannot be cancelled");
        }
        if (status == ShipmentStatus.SCHEDULED) {
            apply(new ShipmentCancelledEvent(shipmentId, orderId));
        }
    }

    @EventSourcingHandler
    void on(ShipmentScheduledEvent event) {
        shipmentId = event.shipmentId();
        orderId = event.orderId();
        status = ShipmentStatus.SCHEDULED;
    }

    @EventSourcingHandler
    void on(ShipmentDispatchedEvent event) {
        status = ShipmentStatus.DISPATCHED;
    }

    @EventSourcingHandler
    void on(ShipmentCancelledEvent event) {
        status = ShipmentStatus.CANCELLED;
    }
}
