package dev.orderflow.shared.command;

import dev.orderflow.shared.error.DomainErrors;
import dev.orderflow.shared.error.ErrorKind;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;

/**
 * Sends the commands that event handlers and sagas issue in reaction to an event. It waits for each:
 * a command that fails for a passing reason (the database, the network) fails the event's handling,
 * and the event processor retries it, which is safe because such commands are idempotent. A command
 * the domain refuses is final: retrying it would block the processor on that event for ever, so the
 * refusal is logged and handed back to the caller to act on.
 */
public class FollowUpCommands {

    private static final Logger log = LoggerFactory.getLogger(FollowUpCommands.class);

    private final CommandGateway commands;

    public FollowUpCommands(CommandGateway commands) {
        this.commands = commands;
    }

    /** Sends the command; empty when it succeeded, the kind of refusal when the domain refused it. */
    public Optional<ErrorKind> send(Object command) {
        try {
            commands.sendAndWait(command);
            return Optional.empty();
        } catch (RuntimeException e) {
            Optional<ErrorKind> refusal = DomainErrors.kindOf(e);
            if (refusal.isEmpty()) {
                throw e;
            }
            log.warn("{} was refused ({}): {}", command, refusal.get(), e.getMessage());
            return refusal;
        }
    }
}
