package dev.orderflow.shared.distributed;

import dev.orderflow.api.refusal.DomainException;
import dev.orderflow.shared.failure.DomainErrors;
import dev.orderflow.shared.failure.RemoteDomainError;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingModificationException;

import java.util.Optional;

/**
 * Turns a refusal into what survives the trip through Axon Server. Axon Server hands a command's sender only the
 * failure's message and, if the failure is (or wraps) a {@code HandlerExecutionException}, that exception's
 * details: the exception itself, and so its type, stays behind. A refusal therefore travels as a
 * {@link CommandExecutionException} whose details are a {@link RemoteDomainError} with its {@link RefusalKind}, which
 * {@link DomainErrors#kindOf} and the problem+json mapping read on the sender's side.
 */
public final class RemoteRefusals {

    private RemoteRefusals() {
    }

    /**
     * The failure as it should travel: a {@link CommandExecutionException} carrying the refusal's kind when the
     * failure is a refusal, empty when it is not (a failure travels as it is) or already carries its kind.
     */
    public static Optional<CommandExecutionException> withKind(Throwable failure) {
        if (carriesKind(failure)) {
            return Optional.empty();
        }
        return DomainErrors.kindOf(failure).map(kind -> {
            String message = DomainErrors.detailOf(refusalIn(failure), kind);
            return new CommandExecutionException(message, failure, new RemoteDomainError(kind, message));
        });
    }

    /** The refusal itself, which a failure may wrap (a subscribing handler's refusal may come wrapped, say). */
    private static Throwable refusalIn(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof DomainException || cause instanceof AggregateNotFoundException
                    || DomainErrors.isOfAnotherAggregateType(cause) || cause instanceof ConcurrencyException
                    || cause instanceof ConflictingModificationException || cause instanceof AggregateStreamCreationException) {
                return cause;
            }
        }
        return failure;
    }

    private static boolean carriesKind(Throwable failure) {
        return failure instanceof CommandExecutionException execution
                && execution.getDetails().filter(RemoteDomainError.class::isInstance).isPresent();
    }
}
