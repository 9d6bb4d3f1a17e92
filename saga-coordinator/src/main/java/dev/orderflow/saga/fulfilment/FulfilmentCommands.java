package dev.orderflow.saga.fulfilment;

import dev.orderflow.api.inventory.ReserveStockCommand;
import dev.orderflow.shared.error.DomainErrors;
import dev.orderflow.shared.error.ErrorKind;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * How the fulfilment saga sends its commands. It waits for each one, so a command that fails for a
 * passing reason (the database, the network) fails the saga's event handling, and the event processor
 * retries the whole step; every command the saga sends is idempotent, so that is safe. A command the
 * domain refuses (the order was cancelled meanwhile, say) is logged and not retried: the event that
 * explains the refusal reaches the saga on its own.
 */
@Component
public class FulfilmentCommands {

    private static final Logger log = LoggerFactory.getLogger(FulfilmentCommands.class);

    private final CommandGateway commands;

    public FulfilmentCommands(CommandGateway commands) {
        this.commands = commands;
    }

    void send(Object command) {
        try {
            commands.sendAndWait(command);
        } catch (RuntimeException e) {
            if (DomainErrors.kindOf(e).isEmpty()) {
                throw e;
            }
            log.warn("{} was refused: {}", command, e.getMessage());
        }
    }

    /** Sends the reservation; false when the product does not exist, which no reservation can fix. */
    boolean reserveStock(ReserveStockCommand command) {
        try {
            commands.sendAndWait(command);
            return true;
        } catch (RuntimeException e) {
            if (DomainErrors.kindOf(e).filter(ErrorKind.NOT_FOUND::equals).isPresent()) {
                return false;
            }
            throw e;
        }
    }
}
