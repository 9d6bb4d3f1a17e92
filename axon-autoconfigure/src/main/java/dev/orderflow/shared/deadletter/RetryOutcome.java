package dev.orderflow.shared.deadletter;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What a retry of one parked sequence did.
 *
 * @param handled whether every event of the sequence was handled; the sequence is then gone from the queue
 * @param cause   why it failed again, when it did: the sequence stays parked with this cause
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RetryOutcome(String processingGroup, String sequenceIdentifier, boolean handled,
                           DeadLetterSequence.Cause cause) {
}
