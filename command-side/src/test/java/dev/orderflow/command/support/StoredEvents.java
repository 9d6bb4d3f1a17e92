package dev.orderflow.command.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;

/** Reads Axon's event store table directly, to see exactly what landed in Postgres. */
public class StoredEvents {

    private final JdbcTemplate jdbc;
    private final ObjectMapper json = new ObjectMapper();

    StoredEvents(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public record StoredEvent(long globalIndex, String type, long sequenceNumber, String payloadType,
                              String payloadRevision, JsonNode payload) {

        public String simpleType() {
            return payloadType.substring(payloadType.lastIndexOf('.') + 1);
        }
    }

    public List<StoredEvent> of(Object aggregateId) {
        return jdbc.query("""
                        select global_index, type, sequence_number, payload_type, payload_revision,
                               convert_from(payload, 'UTF8') as payload
                        from axon.domain_event_entry
                        where aggregate_identifier = ?
                        order by sequence_number""",
                (row, n) -> new StoredEvent(row.getLong("global_index"), row.getString("type"),
                        row.getLong("sequence_number"), row.getString("payload_type"),
                        row.getString("payload_revision"), parse(row.getString("payload"))),
                aggregateId.toString());
    }

    public List<String> simpleTypesOf(Object aggregateId) {
        return of(aggregateId).stream().map(StoredEvent::simpleType).toList();
    }

    /** Events whose payload mentions the text: how a test sees that a request it made stored nothing. */
    public long mentioning(String text) {
        Long count = jdbc.queryForObject(
                "select count(*) from axon.domain_event_entry where position(? in convert_from(payload, 'UTF8')) > 0",
                Long.class, text);
        return count == null ? 0 : count;
    }

    private JsonNode parse(String payload) {
        try {
            return json.readTree(payload);
        } catch (Exception e) {
            throw new IllegalStateException("Stored payload is not JSON: " + payload, e);
        }
    }
}
