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
     * @param revision     the payload's revision as this service reads it (its {@code @Revision}, which upcasters
     *                     bring older stored revisions up to); null for a class that declares none
     * @param payload      the payload as JSON; null, with {@code payloadError}, when this service cannot read it
     * @param aggregateId  the aggregate that applied it; null for an event of no aggregate
     * @param position     its global position in the event store, where the reader knows it (a stream read from
     *                     the store's head does; an aggregate's stream does not)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record StoredEvent(long sequence, String type, String payloadType, String revision, Instant timestamp,
                              String eventId, Object payload, String payloadError, Map<String, Object> metaData, String aggregateId,
                              Long position) {

        /** The id of the message that caused it (Axon's {@code correlationId}), if any. */
        public String correlationId() {
            Object id = metaData.get("correlationId");
            return id == null ? null : id.toString();
        }

        /** The id of the first message of its chain (Axon's {@code traceId}): one business transaction. */
        public String traceId() {
            Object id = metaData.get("traceId");
            return id == null ? null : id.toString();
        }
    }
}
