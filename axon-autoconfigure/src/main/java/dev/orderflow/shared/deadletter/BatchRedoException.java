package dev.orderflow.shared.deadletter;

/**
 * Fails a batch whose changes the database refused while several events' changes were waiting to be written
 * together, so no one event can be blamed. The batch rolls back and the processor redoes it writing after each
 * event (see {@link FlushingEventHandlerEnhancer}), which finds the event to park. Part of parking, not a
 * failure of the processor: the cause is the refusal itself.
 */
final class BatchRedoException extends RuntimeException {

    BatchRedoException(String batch, long upToPosition, Throwable refusal) {
        super("The database refused a change of batch " + batch + " written at its end (" + refusal.getMessage()
                + "); the batch rolls back and is redone writing after each event up to position " + upToPosition
                + ", to park the event that caused it", refusal, false, false);
    }
}
