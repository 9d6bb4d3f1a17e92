package dev.orderflow.shared.failure;

import io.grpc.Metadata;
import io.grpc.StatusRuntimeException;
import org.axonframework.axonserver.connector.AxonServerException;
import org.axonframework.axonserver.connector.ErrorCode;
import org.axonframework.axonserver.connector.command.AxonServerCommandDispatchException;
import org.axonframework.axonserver.connector.command.AxonServerNonTransientRemoteCommandHandlingException;
import org.axonframework.axonserver.connector.command.AxonServerRemoteCommandHandlingException;
import org.axonframework.axonserver.connector.query.AxonServerNonTransientRemoteQueryHandlingException;
import org.axonframework.axonserver.connector.query.AxonServerQueryDispatchException;
import org.axonframework.axonserver.connector.query.AxonServerRemoteQueryHandlingException;
import org.axonframework.commandhandling.NoHandlerForCommandException;
import org.axonframework.queryhandling.NoHandlerForQueryException;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What Axon Server's error codes ({@code AXONIQ-2000} and so on, Axon's {@link ErrorCode}) mean for an HTTP client:
 * the one place that reads them. A code travels in three ways, and this finds it in each:
 * <ul>
 *   <li>on the gRPC status Axon Server itself answers with, in its {@code AxonIQ-ErrorCode} trailer (how its event
 *   store refuses an append on commit: {@code OUT_OF_RANGE: [AXONIQ-2000] Invalid sequence number 0 ...});</li>
 *   <li>quoted in a message, {@code [AXONIQ-2000]}, when a remote handler failed on such a status and Axon
 *   forwarded only its message (under the general code {@code AXONIQ-4002}, "the handler failed");</li>
 *   <li>on the exceptions Axon's connector builds from a remote answer ({@code getErrorCode()}).</li>
 * </ul>
 * A sequence taken ({@link ErrorCode#INVALID_EVENT_SEQUENCE}: a create that repeats an id, or a change racing
 * another) is a refusal, read by {@link DomainErrors}. A missing handler, Axon Server out of reach and a timeout
 * are not: they pass, so they are answered 503 or 504 ({@link #unavailability}) and a caller may retry.
 */
public final class AxonServerErrors {

    private static final Metadata.Key<String> ERROR_CODE_TRAILER =
            Metadata.Key.of("AxonIQ-ErrorCode", Metadata.ASCII_STRING_MARSHALLER);
    private static final Pattern QUOTED_CODE = Pattern.compile("\\[(AXONIQ-\\d{4})]");
    /** Axon Server's words for an append at sequence 0, that is for an aggregate id that exists already. */
    private static final Pattern FIRST_EVENT_REFUSED = Pattern.compile("Invalid sequence number 0 for aggregate");

    /** What a client is told of a timeout, here and for Spring MVC's asynchronous request timeout. */
    public static final String NO_ANSWER_IN_TIME = "No answer came in time; the request may still take effect, so read before you retry";

    private static final Set<ErrorCode> SEQUENCE_TAKEN =
            EnumSet.of(ErrorCode.INVALID_EVENT_SEQUENCE, ErrorCode.CONCURRENCY_EXCEPTION);
    private static final Set<ErrorCode> NO_HANDLER =
            EnumSet.of(ErrorCode.NO_HANDLER_FOR_COMMAND, ErrorCode.NO_HANDLER_FOR_QUERY);
    private static final Set<ErrorCode> OUT_OF_REACH = EnumSet.of(ErrorCode.CONNECTION_FAILED,
            ErrorCode.NO_EVENT_STORE_MASTER_AVAILABLE, ErrorCode.COMMAND_DISPATCH_ERROR, ErrorCode.QUERY_DISPATCH_ERROR);

    private AxonServerErrors() {
    }

    /**
     * A failure that may pass on a retry, as the client should be told it.
     *
     * @param timedOut whether no answer came in time (the request may still take effect), rather than nothing
     *                 being able to take it
     */
    public record Unavailability(boolean timedOut, String detail) {
    }

    /**
     * Axon Server's error code on this failure or its causes. When several are present the most specific wins:
     * Axon Server's own status, then a code quoted in a forwarded message, then the code of a connector exception
     * (often only the general "the remote handler failed").
     */
    public static Optional<String> codeOf(Throwable failure) {
        String fromStatus = null;
        String quoted = null;
        String fromConnector = null;
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (fromStatus == null && cause instanceof StatusRuntimeException status && status.getTrailers() != null) {
                fromStatus = status.getTrailers().get(ERROR_CODE_TRAILER);
            }
            if (quoted == null && cause.getMessage() != null) {
                Matcher code = QUOTED_CODE.matcher(cause.getMessage());
                quoted = code.find() ? code.group(1) : null;
            }
            if (fromConnector == null) {
                fromConnector = connectorCode(cause);
            }
        }
        String mostSpecific = fromStatus != null ? fromStatus : quoted != null ? quoted : fromConnector;
        return Optional.ofNullable(mostSpecific);
    }

    /** True when Axon Server refused an append because the aggregate's sequence number was taken. */
    public static boolean isSequenceTaken(Throwable failure) {
        return codeOf(failure).map(ErrorCode::getFromCode).filter(SEQUENCE_TAKEN::contains).isPresent();
    }

    /** True when Axon Server refused an append because another change of the same aggregate came first (not its creation). */
    public static boolean isConcurrentChange(Throwable failure) {
        return isSequenceTaken(failure) && !firstEventRefused(failure);
    }

    /**
     * The detail for a refusal {@link #isSequenceTaken}, in the embedded mode's words: a first event refused means
     * the id exists; any later one, a concurrent change. Empty for any other failure.
     */
    public static Optional<String> sequenceTakenDetail(Throwable failure) {
        if (!isSequenceTaken(failure)) {
            return Optional.empty();
        }
        return Optional.of(firstEventRefused(failure)
                ? "A resource with this id already exists"
                : "The resource was changed concurrently; retry the request");
    }

    private static boolean firstEventRefused(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause.getMessage() != null && FIRST_EVENT_REFUSED.matcher(cause.getMessage()).find()) {
                return true;
            }
        }
        return false;
    }

    /** How to answer a failure that may pass (no handler connected, Axon Server out of reach, a timeout); empty otherwise. */
    public static Optional<Unavailability> unavailability(Throwable failure) {
        Optional<String> code = codeOf(failure);
        ErrorCode known = code.map(ErrorCode::getFromCode).orElse(ErrorCode.OTHER);
        String reference = code.map(c -> " (Axon Server: " + c + ")").orElse("");
        if (NO_HANDLER.contains(known) || causedBy(failure, NoHandlerForCommandException.class)
                || causedBy(failure, NoHandlerForQueryException.class)) {
            return Optional.of(new Unavailability(false,
                    "No running service handles this request at the moment; retry once the service that handles it"
                            + " is up" + reference));
        }
        if (OUT_OF_REACH.contains(known)) {
            return Optional.of(new Unavailability(false,
                    "Axon Server could not be reached or could not deliver this request; retry shortly" + reference));
        }
        if (causedBy(failure, TimeoutException.class)) {
            return Optional.of(new Unavailability(true,
                    NO_ANSWER_IN_TIME + reference));
        }
        return Optional.empty();
    }

    private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }

    private static String connectorCode(Throwable cause) {
        if (cause instanceof AxonServerException axonServer) {
            return axonServer.code();
        }
        if (cause instanceof AxonServerQueryDispatchException dispatch) {
            return dispatch.code();
        }
        if (cause instanceof AxonServerCommandDispatchException dispatch) {
            return dispatch.getErrorCode();
        }
        if (cause instanceof AxonServerRemoteCommandHandlingException remote) {
            return remote.getErrorCode();
        }
        if (cause instanceof AxonServerNonTransientRemoteCommandHandlingException remote) {
            return remote.getErrorCode();
        }
        if (cause instanceof AxonServerRemoteQueryHandlingException remote) {
            return remote.getErrorCode();
        }
        if (cause instanceof AxonServerNonTransientRemoteQueryHandlingException remote) {
            return remote.getErrorCode();
        }
        return null;
    }
}
