package dev.orderflow.command.shipping;

import dev.orderflow.api.shipping.DispatchShipmentCommand;
import dev.orderflow.command.AggregateVersions;
import dev.orderflow.command.CommandResponses;
import dev.orderflow.command.IfMatchVersion;
import dev.orderflow.shared.openapi.ApiTags;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;
import java.util.concurrent.CompletableFuture;

@RestController
@RequestMapping("/shipments")
@Tag(name = ApiTags.SHIPMENTS)
class ShipmentController {

    private final CommandGateway commands;

    ShipmentController(CommandGateway commands) {
        this.commands = commands;
    }

    @PostMapping("/{shipmentId}/dispatch")
    @Operation(summary = "Mark a shipment dispatched", description = "From then on its order cannot be cancelled.")
    CompletableFuture<ResponseEntity<Void>> dispatch(@PathVariable UUID shipmentId,
                                                     @IfMatchVersion Long expectedVersion) {
        return commands.<Long>send(new DispatchShipmentCommand(shipmentId, expectedVersion))
                .thenApply(CommandResponses::changed);
    }
}
