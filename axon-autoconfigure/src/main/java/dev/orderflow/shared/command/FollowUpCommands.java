package dev.orderflow.shared.command;

import dev.orderflow.api.refusal.RefusalKind;
import dev.orderflow.shared.failure.DomainErrors;
import dev.orderflow.shared.failure.PassingFailures;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;

/**
 * Sends the commands that event handlers and sagas issue in reaction to an event, and waits for each.
 * <ul>
 *   <li>A command that fails for a passing reason (the database, the network, a handler not subscribed yet: see
 *   {@link PassingFailures}) fails the event's handling, and the event processor retries it, which is safe because
 *   such commands are idempotent. So does one that met a concurrent change of its aggregate (another instance
 *   stored a change first): it runs again on the new state.</li>
 *   <li>A command the domain refuses, or one that fails for any other reason, is final: retrying it would block the
 *   processor on that event for ever. It is logged and handed back as a {@link Refusal} for the caller to act on
 *   (a saga rejects its order, a policy declines its payment).</li>
 * </ul>
 */
public class FollowUpCommands {

    private static final Logger log = LoggerFactory.getLogger(FollowUpCommands.class);

    private final CommandGateway commands;

    public FollowUpCommands(CommandGateway commands) {
        this.commands = commands;
    }

    /** Sends the command; empty when it succeeded, why not when it was refused or failed for good. */
    public Optional<Refusal> send(Object command) {
        try {
            commands.sendAndWait(command);
            return Optional.empty();
        } catch (RuntimeException e) {
            if (PassingFailures.isConcurrentChange(e)) {
                log.info("{} met a concurrent change of its aggregate; its event is retried", command);
                throw e;
            }
            Optional<RefusalKind> refusal = DomainErrors.kindOf(e);
            if (refusal.isPresent()) {
                log.warn("{} was refused ({}): {}", command, refusal.get(), e.getMessage());
                return Optional.of(Refusal.byTheDomain(refusal.get(), messageOf(e)));
            }
            if (PassingFailures.isPassing(e)) {
                throw e;
            }
            log.error("{} failed for good; handed back to its sender instead of retried", command, e);
            return Optional.of(Refusal.failedForGood(messageOf(e)));
        }
    }

    private static String messageOf(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (DomainErrors.isOfAnotherAggregateType(cause)) {
                return DomainErrors.NO_SUCH_AGGREGATE_TYPE; // Axon's own words speak of identifiers and events
            }
        }
        Throwable innermost = failure;
        while (innermost.getCause() != null && innermost.getCause() != innermost && innermost.getMessage() == null) {
            innermost = innermost.getCause();
        }
        return innermost.getMessage() == null ? innermost.getClass().getSimpleName() : innermost.getMessage();
    }
}
