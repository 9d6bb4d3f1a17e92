package dev.orderflow.shared.admin;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The stored events of one aggregate, oldest first.
 *
 * @param aggregateType the aggregate's type as the event store records it
 * @param truncated     more events follow; ask again with {@code fromSequence} one past the last shown
 */
public record AggregateEvents(String aggregateId, String aggregateType, List<StoredEvent> events, boolean truncated) {

    /**
     * One stored event.
     *
     * @param type         the payload's simple class name, e.g. {@code OrderPlacedEvent}
     * @param payloadType  the payload's full class name
     * @param payload      the payload as JSON; null, with {@code payloadError}, when this service cannot read it
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record StoredEvent(long sequence, String type, String payloadType, Instant timestamp, String eventId,
                              Object payload, String payloadError, Map<String, Object> metaData) {
    }
}
