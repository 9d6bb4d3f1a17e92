package dev.orderflow.query.shipping;

import dev.orderflow.api.shipping.FindShipmentByOrderQuery;
import dev.orderflow.api.shipping.ShipmentView;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.util.Optional;
import java.util.UUID;

/** Answers the shipments' query; the projection also uses it to build the views it pushes to subscribers. */
@Component
class ShipmentQueries {

    private final OrderShipmentRepository shipments;

    ShipmentQueries(OrderShipmentRepository shipments) {
        this.shipments = shipments;
    }

    @QueryHandler
    Optional<ShipmentView> handle(FindShipmentByOrderQuery query) {
        return find(query.orderId());
    }

    Optional<ShipmentView> find(UUID orderId) {
        return shipments.findById(orderId).map(shipment -> new ShipmentView(shipment.orderId(), shipment.shipmentId(),
                shipment.status(), shipment.updatedAt(), shipment.version()));
    }
}
