package dev.orderflow.command.support;

import dev.orderflow.api.customer.RegisterCustomerCommand;
import dev.orderflow.api.inventory.AddProductCommand;
import dev.orderflow.api.shared.Money;
import org.axonframework.commandhandling.gateway.CommandGateway;

import java.util.UUID;

/** Mothers of the customers and products an order must name: registered through the command bus, as a client would. */
public class ExistingAggregates {

    private final CommandGateway commands;

    ExistingAggregates(CommandGateway commands) {
        this.commands = commands;
    }

    public UUID customer() {
        UUID customerId = UUID.randomUUID();
        commands.sendAndWait(new RegisterCustomerCommand(customerId, "Customer", customerId + "@example.com", Money.of("1000.00")));
        return customerId;
    }

    public UUID product() {
        UUID productId = UUID.randomUUID();
        commands.sendAndWait(new AddProductCommand(productId, "Product", Money.of("1.00"), 100));
        return productId;
    }
}
