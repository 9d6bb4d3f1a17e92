package dev.orderflow.shared.failure;

import org.axonframework.commandhandling.distributed.CommandDispatchException;
import org.axonframework.common.AxonTransientException;
import org.axonframework.messaging.RemoteHandlingException;
import org.axonframework.messaging.RemoteNonTransientHandlingException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.hibernate.exception.JDBCConnectionException;
import org.hibernate.exception.LockAcquisitionException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.List;
import java.util.concurrent.TimeoutException;

/**
 * Tells a failure that passes by itself, so a retry mends it, from one that will fail the same way every time:
 * the one place that decides it, for the dead-letter queue (park or retry) and for follow-up commands (retry or
 * hand back as an outcome).
 */
public final class PassingFailures {

    /** SQL states of failures that pass: connection (08), transaction rollback (40), resources (53), operator (57). */
    private static final List<String> TRANSIENT_SQL_STATE_CLASSES = List.of("08", "40", "53", "57");
    /** Postgres, on the first use of a prepared statement after its table's columns changed type. */
    private static final String STALE_PLAN = "cached plan must not change result type";

    private PassingFailures() {
    }

    /**
     * Another change of the same aggregate was stored first (never a create that repeats an id: that one stays a
     * conflict). To a client that sent a version it is a conflict to resolve; a command that sends none, such as a
     * saga's idempotent follow-up, simply runs again on the new state. Axon marks it transient for the same reason.
     */
    public static boolean isConcurrentChange(Throwable failure) {
        if (AxonServerErrors.isConcurrentChange(failure)) {
            return true;
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof ConcurrencyException) {
                return true;
            }
        }
        return false;
    }

    /**
     * A failure passes when anything in its chain is: a lost connection, a deadlock or serialization failure, a
     * database shutting down, a statement plan a schema change invalidated; a command no handler is subscribed for
     * yet (Axon marks it transient), one that could not be dispatched or timed out; or a remote handler's failure
     * that Axon Server does not report as non-transient (its cause stays on the other side, so it gets the benefit
     * of the doubt); and whatever Axon Server's error codes say may pass ({@link AxonServerErrors#unavailability}).
     */
    public static boolean isPassing(Throwable failure) {
        if (AxonServerErrors.unavailability(failure).isPresent()) {
            return true;
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof RemoteNonTransientHandlingException) {
                return false;
            }
            if (cause instanceof SQLTransientException || cause instanceof SQLRecoverableException
                    || cause instanceof TransientDataAccessException || cause instanceof RecoverableDataAccessException
                    || cause instanceof JDBCConnectionException || cause instanceof LockAcquisitionException
                    || cause instanceof AxonTransientException || cause instanceof CommandDispatchException
                    || cause instanceof TimeoutException || cause instanceof RemoteHandlingException) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().length() >= 2
                    && (TRANSIENT_SQL_STATE_CLASSES.contains(sql.getSQLState().substring(0, 2))
                    || String.valueOf(sql.getMessage()).contains(STALE_PLAN))) {
                return true;
            }
        }
        return false;
    }
}
