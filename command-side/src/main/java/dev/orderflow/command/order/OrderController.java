package dev.orderflow.command.order;

import dev.orderflow.api.order.CancelOrderCommand;
import dev.orderflow.api.order.OrderLine;
import dev.orderflow.api.order.PlaceOrderCommand;
import dev.orderflow.api.shared.Quantity;
import dev.orderflow.command.AggregateVersions;
import dev.orderflow.command.CommandResponses;
import dev.orderflow.command.IfMatchVersion;
import dev.orderflow.shared.openapi.ApiTags;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

@RestController
@RequestMapping("/orders")
@Tag(name = ApiTags.ORDERS)
class OrderController {

    private final CommandGateway commands;

    OrderController(CommandGateway commands) {
        this.commands = commands;
    }

    record OrderLineRequest(@NotNull UUID productId, @NotNull Quantity quantity) {
    }

    record PlaceOrderRequest(UUID orderId,
                             @NotNull UUID customerId,
                             @NotEmpty @Size(max = Order.MAX_LINES) List<@Valid @NotNull OrderLineRequest> lines) {
    }

    record OrderPlaced(UUID orderId) {
    }

    @PostMapping
    @Operation(summary = "Place an order", description = "The order starts PENDING; the fulfilment saga reserves "
            + "stock, takes payment and ships, then confirms or rejects it. Each product at most once per order.")
    CompletableFuture<ResponseEntity<OrderPlaced>> place(@Valid @RequestBody PlaceOrderRequest request) {
        UUID orderId = request.orderId() == null ? UUID.randomUUID() : request.orderId();
        List<OrderLine> lines = request.lines().stream()
                .map(line -> new OrderLine(line.productId(), line.quantity()))
                .toList();
        return commands.send(new PlaceOrderCommand(orderId, request.customerId(), lines))
                .thenApply(id -> CommandResponses.created("/orders/{id}", orderId, new OrderPlaced(orderId)));
    }

    @PostMapping("/{orderId}/cancel")
    @Operation(summary = "Cancel an order", description = "Possible until the order ships (422 after); cancelling twice changes nothing.")
    CompletableFuture<ResponseEntity<Void>> cancel(@PathVariable UUID orderId,
                                                   @IfMatchVersion Long expectedVersion) {
        return commands.<Long>send(new CancelOrderCommand(orderId, expectedVersion))
                .thenApply(CommandResponses::changed);
    }
}
