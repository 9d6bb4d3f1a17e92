package dev.orderflow.bench.events;

/**
 * One row of Axon's {@code domain_event_entry}, column for column.
 *
 * @param type      the aggregate type (Axon's {@code type} column), e.g. {@code Order}
 * @param metaData  the serialized metadata (JSON)
 * @param payload   the serialized payload (JSON)
 * @param revision  the payload's {@code @Revision}
 * @param timestamp ISO-8601, as Axon writes it
 */
public record StoredEvent(long globalIndex, String aggregateId, long sequenceNumber, String type, String eventId,
                          byte[] metaData, byte[] payload, String revision, String payloadType, String timestamp) {
}
