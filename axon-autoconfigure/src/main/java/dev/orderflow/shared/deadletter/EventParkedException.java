package dev.orderflow.shared.deadletter;

import org.axonframework.eventhandling.EventMessage;

/**
 * Fails the batch that met a failing event, once the event is parked, so the batch is redone without it
 * (see {@link IsolatingDeadLetterQueue}). Part of parking, not a failure of the processor.
 */
public final class EventParkedException extends RuntimeException {

    EventParkedException(String processingGroup, EventMessage<?> event, Object sequenceIdentifier) {
        super("Parked " + event.getPayloadType().getSimpleName() + " " + event.getIdentifier() + " (sequence "
                + sequenceIdentifier + ") of processing group " + processingGroup
                + "; its batch rolls back and is handled again without it", null, false, false);
    }

    /**
     * Whether the failure is, or was caused by, parking an event, or redoing a batch to find the event to park
     * ({@link BatchRedoException}).
     */
    public static boolean isParking(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof EventParkedException || cause instanceof BatchRedoException) {
                return true;
            }
        }
        return false;
    }
}
