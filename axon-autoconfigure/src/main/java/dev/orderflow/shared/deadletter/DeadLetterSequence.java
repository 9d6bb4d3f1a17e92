package dev.orderflow.shared.deadletter;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.List;

/**
 * The parked events of one sequence (for a projection: one aggregate, or one order), oldest first. The first
 * one failed; the others wait behind it so the sequence keeps its order.
 *
 * @param sequenceIdentifier the sequence as the queue stores it: the aggregate id, or the hash of an id that
 *                           is not a string (the order id of the shipments and payments projections)
 * @param busy               a processor holds the sequence: it is redoing the batch its first event failed in
 *                           (for a few seconds after the event was parked), or a retry runs; retry and evict
 *                           answer 409 until it is done
 */
public record DeadLetterSequence(String processingGroup, String sequenceIdentifier, boolean busy, List<Letter> letters) {

    /**
     * One parked event.
     *
     * @param letterId          the letter's id, to evict just this event
     * @param index             its place in the sequence's queue
     * @param eventType         the payload's simple class name, e.g. {@code ProductAddedEvent}
     * @param aggregateSequence the event's sequence number in its aggregate's stream
     * @param cause             why its handler failed; null for an event parked only because an earlier one of
     *                          its sequence is
     * @param lastTouched       when it was parked or last retried
     * @param retries           failed retries through the admin API
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Letter(String letterId, long index, String eventType, String payloadType, String eventId,
                         String aggregateId, Long aggregateSequence, Instant eventTimestamp, Cause cause,
                         Instant enqueuedAt, Instant lastTouched, long retries) {
    }

    /** @param type the exception's class name */
    public record Cause(String type, String message) {
    }
}
