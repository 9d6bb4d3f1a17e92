package dev.orderflow.shared.failure;

import dev.orderflow.api.refusal.DomainException;
import dev.orderflow.api.refusal.RefusalKind;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingModificationException;

import java.util.Optional;

/**
 * Tells a command the domain refused from one that failed: the one place that knows which exceptions
 * are refusals, of which {@link RefusalKind}, and in what words a client reads them. A refusal is final; a failure
 * may pass on a retry.
 */
public final class DomainErrors {

    /** What a client reads when an id names an aggregate of another type (Axon's exception does not carry the id). */
    public static final String NO_SUCH_AGGREGATE_TYPE = "Nothing of the kind this request needs exists with this id";

    private DomainErrors() {
    }

    /** The kind of refusal this exception (or the exception it wraps) reports; empty for a failure. */
    public static Optional<RefusalKind> kindOf(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            Optional<RefusalKind> kind = directKindOf(cause);
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

    private static Optional<RefusalKind> directKindOf(Throwable error) {
        if (error instanceof DomainException domain) {
            return Optional.of(domain.kind());
        }
        if (error instanceof AggregateNotFoundException || isOfAnotherAggregateType(error)) {
            return Optional.of(RefusalKind.NOT_FOUND);
        }
        if (error instanceof ConcurrencyException || error instanceof ConflictingModificationException
                || error instanceof AggregateStreamCreationException) {
            return Optional.of(RefusalKind.CONFLICT);
        }
        if (error instanceof CommandExecutionException remote
                && remote.getDetails().orElse(null) instanceof RemoteDomainError details) {
            return Optional.of(details.kind());
        }
        if (AxonServerErrors.isSequenceTaken(error)) {
            return Optional.of(RefusalKind.CONFLICT);
        }
        return Optional.empty();
    }

    /**
     * What a client reads of a refusal: the domain's own message, or for Axon's refusals the same words in the
     * embedded and the distributed mode (where a refusal arrives as a {@link RemoteDomainError}).
     */
    public static String detailOf(Throwable refusal, RefusalKind kind) {
        if (refusal instanceof AggregateNotFoundException notFound) {
            return "Nothing exists with id " + notFound.getAggregateIdentifier();
        }
        if (isOfAnotherAggregateType(refusal)) {
            return NO_SUCH_AGGREGATE_TYPE;
        }
        if (refusal instanceof AggregateStreamCreationException
                || refusal.getCause() instanceof AggregateStreamCreationException) {
            return "A resource with this id already exists";
        }
        if (refusal instanceof ConflictingModificationException) {
            return "The resource was changed since the version you sent (If-Match); read it again and retry";
        }
        if (refusal instanceof ConcurrencyException) {
            return "The resource was changed concurrently; retry the request";
        }
        if (refusal instanceof CommandExecutionException remote
                && remote.getDetails().orElse(null) instanceof RemoteDomainError details) {
            return details.message();
        }
        Optional<String> sequenceTaken = AxonServerErrors.sequenceTakenDetail(refusal);
        if (sequenceTaken.isPresent()) {
            return sequenceTaken.get();
        }
        return refusal.getMessage() == null ? kind.title() : refusal.getMessage();
    }
}
