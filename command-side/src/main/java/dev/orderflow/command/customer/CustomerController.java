package dev.orderflow.command.customer;

import dev.orderflow.api.customer.ChangeCreditLimitCommand;
import dev.orderflow.api.customer.RegisterCustomerCommand;
import dev.orderflow.api.customer.RenameCustomerCommand;
import dev.orderflow.api.shared.Money;
import dev.orderflow.command.AggregateVersions;
import dev.orderflow.command.CommandResponses;
import dev.orderflow.command.IfMatchVersion;
import dev.orderflow.shared.openapi.ApiTags;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
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
@RequestMapping("/customers")
@Tag(name = ApiTags.CUSTOMERS)
class CustomerController {

    private final CommandGateway commands;

    CustomerController(CommandGateway commands) {
        this.commands = commands;
    }

    record RegisterCustomerRequest(UUID customerId,
                                   @NotBlank @Size(max = CustomerRules.MAX_NAME_LENGTH) String name,
                                   @NotBlank @Email @Size(max = 254) String email,
                                   @NotNull Money creditLimit) {
    }

    record RenameCustomerRequest(@NotBlank @Size(max = CustomerRules.MAX_NAME_LENGTH) String name) {
    }

    record ChangeCreditLimitRequest(@NotNull Money creditLimit) {
    }

    record CustomerRegistered(UUID customerId) {
    }

    @PostMapping
    @Operation(summary = "Register a customer", description = "The email must not belong to another customer (409). "
            + "Send customerId to choose the id; repeating a registration with the same id answers 409.")
    CompletableFuture<ResponseEntity<CustomerRegistered>> register(@Valid @RequestBody RegisterCustomerRequest request) {
        UUID customerId = request.customerId() == null ? UUID.randomUUID() : request.customerId();
        return commands.send(new RegisterCustomerCommand(customerId, request.name(), request.email(), request.creditLimit()))
                .thenApply(id -> CommandResponses.created("/customers/{id}", customerId, new CustomerRegistered(customerId)));
    }

    @PutMapping("/{customerId}/name")
    @Operation(summary = "Rename a customer")
    CompletableFuture<ResponseEntity<Void>> rename(@PathVariable UUID customerId,
                                                   @IfMatchVersion Long expectedVersion,
                                                   @Valid @RequestBody RenameCustomerRequest request) {
        return commands.<Long>send(new RenameCustomerCommand(customerId, request.name(), expectedVersion))
                .thenApply(CommandResponses::changed);
    }

    @PutMapping("/{customerId}/credit-limit")
    @Operation(summary = "Change a customer's credit limit")
    CompletableFuture<ResponseEntity<Void>> changeCreditLimit(@PathVariable UUID customerId,
                                                              @IfMatchVersion Long expectedVersion,
                                                              @Valid @RequestBody ChangeCreditLimitRequest request) {
        return commands.<Long>send(new ChangeCreditLimitCommand(customerId, request.creditLimit(), expectedVersion))
                .thenApply(CommandResponses::changed);
    }
}
