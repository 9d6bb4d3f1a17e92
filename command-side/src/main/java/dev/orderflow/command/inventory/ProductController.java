package dev.orderflow.command.inventory;

import dev.orderflow.api.inventory.AddProductCommand;
import dev.orderflow.api.inventory.ChangePriceCommand;
import dev.orderflow.api.inventory.RenameProductCommand;
import dev.orderflow.api.inventory.RestockProductCommand;
import dev.orderflow.api.shared.Money;
import dev.orderflow.api.shared.Quantity;
import dev.orderflow.command.AggregateVersions;
import dev.orderflow.command.CommandResponses;
import dev.orderflow.command.IfMatchVersion;
import dev.orderflow.shared.openapi.ApiTags;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;
import java.util.concurrent.CompletableFuture;

@RestController
@RequestMapping("/products")
@Tag(name = ApiTags.PRODUCTS)
class ProductController {

    private final CommandGateway commands;

    ProductController(CommandGateway commands) {
        this.commands = commands;
    }

    record AddProductRequest(UUID productId,
                             @NotBlank @Size(max = Product.MAX_NAME_LENGTH) String name,
                             @NotNull Money price,
                             @NotNull @PositiveOrZero @Max(Product.MAX_STOCK) Integer stock) {
    }

    record RenameProductRequest(@NotBlank @Size(max = Product.MAX_NAME_LENGTH) String name) {
    }

    record ChangePriceRequest(@NotNull Money price) {
    }

    record RestockRequest(@NotNull Quantity quantity) {
    }

    record ProductAdded(UUID productId) {
    }

    @PostMapping
    @Operation(summary = "Add a product", description = "Send productId to choose the id; repeating it answers 409.")
    CompletableFuture<ResponseEntity<ProductAdded>> add(@Valid @RequestBody AddProductRequest request) {
        UUID productId = request.productId() == null ? UUID.randomUUID() : request.productId();
        return commands.send(new AddProductCommand(productId, request.name(), request.price(), request.stock()))
                .thenApply(id -> CommandResponses.created("/products/{id}", productId, new ProductAdded(productId)));
    }

    @PutMapping("/{productId}/name")
    @Operation(summary = "Rename a product")
    CompletableFuture<ResponseEntity<Void>> rename(@PathVariable UUID productId,
                                                   @IfMatchVersion Long expectedVersion,
                                                   @Valid @RequestBody RenameProductRequest request) {
        return commands.<Long>send(new RenameProductCommand(productId, request.name(), expectedVersion))
                .thenApply(CommandResponses::changed);
    }

    @PutMapping("/{productId}/price")
    @Operation(summary = "Change a product's unit price", description = "Reservations already made keep their price.")
    CompletableFuture<ResponseEntity<Void>> changePrice(@PathVariable UUID productId,
                                                        @IfMatchVersion Long expectedVersion,
                                                        @Valid @RequestBody ChangePriceRequest request) {
        return commands.<Long>send(new ChangePriceCommand(productId, request.price(), expectedVersion))
                .thenApply(CommandResponses::changed);
    }

    @PostMapping("/{productId}/restock")
    @Operation(summary = "Add units to a product's stock")
    CompletableFuture<ResponseEntity<Void>> restock(@PathVariable UUID productId,
                                                    @IfMatchVersion Long expectedVersion,
                                                    @Valid @RequestBody RestockRequest request) {
        return commands.<Long>send(new RestockProductCommand(productId, request.quantity(), expectedVersion))
                .thenApply(CommandResponses::changed);
    }
}
