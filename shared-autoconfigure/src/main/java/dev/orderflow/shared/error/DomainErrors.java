package dev.orderflow.shared.error;

import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingModificationException;

import java.util.Optional;

/**
 * Tells a command the domain refused from one that failed: the one place that knows which exceptions
 * are refusals and of which {@link ErrorKind}. A refusal is final; a failure may pass on a retry.
 */
public final class DomainErrors {

    /** What a client reads when an id names an aggregate of another type (Axon's exception does not carry the id). */
    public static final String NO_SUCH_AGGREGATE_TYPE = "Nothing of the kind this request needs exists with this id";

    private DomainErrors() {
    }

    /** The kind of refusal this exception (or the exception it wraps) reports; empty for a failure. */
    public static Optional<ErrorKind> kindOf(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            Optional<ErrorKind> kind = directKindOf(cause);
            if (kind.isPresent()) {
                return kind;
            }
        }
        return Optional.empty();
    }

    /**
     * The id names an aggregate of another type: its events rebuild nothing of the type asked for (a customer's id
     * sent to a product), so Axon finds no identifier after sourcing them. For whoever sent the command that
     * aggregate does not exist, just as for an id with no events at all.
     */
    public static boolean isOfAnotherAggregateType(Throwable error) {
        return error instanceof IncompatibleAggregateException;
    }

    private static Optional<ErrorKind> directKindOf(Throwable error) {
        if (error instanceof DomainException domain) {
            return Optional.of(domain.kind());
        }
        if (error instanceof AggregateNotFoundException || isOfAnotherAggregateType(error)) {
            return Optional.of(ErrorKind.NOT_FOUND);
        }
        if (error instanceof ConcurrencyException || error instanceof ConflictingModificationException
                || error instanceof AggregateStreamCreationException) {
            return Optional.of(ErrorKind.CONFLICT);
        }
        if (error instanceof CommandExecutionException remote
                && remote.getDetails().orElse(null) instanceof RemoteDomainError details) {
            return Optional.of(details.kind());
        }
        if (AxonServerErrors.isSequenceTaken(error)) {
            return Optional.of(ErrorKind.CONFLICT);
        }
        return Optional.empty();
    }
}
