package dev.orderflow.query.shipping;

import dev.orderflow.api.shipping.FindShipmentByOrderQuery;
import dev.orderflow.api.shipping.ShipmentView;
import dev.orderflow.query.VersionedReads;
import dev.orderflow.shared.openapi.ApiTags;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/** Shipments over REST, by order. Only GET mappings: the command side owns the other methods under /shipments. */
@RestController
@RequestMapping("/shipments")
@Tag(name = ApiTags.SHIPMENTS)
class ShipmentQueryController {

    private final VersionedReads reads;

    ShipmentQueryController(VersionedReads reads) {
        this.reads = reads;
    }

    @GetMapping("/{orderId}")
    @Operation(summary = "The shipment of an order", description = "Looked up by the order's id; its shipmentId is "
            + "what POST /shipments/{shipmentId}/dispatch takes. 404 while no shipment is scheduled. With minVersion "
            + "(the ETag of a command on the shipment) the answer waits until it shows at least that version.")
    CompletableFuture<ShipmentView> find(@PathVariable UUID orderId,
                                         @RequestParam(required = false) Long minVersion,
                                         @RequestParam(required = false) Long waitMs) {
        return reads.find(new FindShipmentByOrderQuery(orderId), ShipmentView.class, ShipmentView::version,
                minVersion, waitMs, "No shipment for order " + orderId);
    }
}
