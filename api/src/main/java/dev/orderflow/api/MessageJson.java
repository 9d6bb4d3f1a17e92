package dev.orderflow.api;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * How Orderflow's messages (commands, events, queries and their answers) and its aggregates' snapshots are written
 * as JSON, in every service and every tool that reads or writes the event store: one definition, because every
 * reader of a stored event has to agree with its writer.
 * <ul>
 *   <li>Fields, not getters: records and aggregates round-trip as they are.</li>
 *   <li>Unknown properties are ignored, so an event may gain a field without breaking older readers (a renamed or
 *   retyped one needs a new revision and an upcaster: docs/event-evolution.md).</li>
 *   <li>Times as ISO-8601 text, with whatever Jackson modules are on the class path (java.time among them).</li>
 * </ul>
 */
public final class MessageJson {

    private MessageJson() {
    }

    /** A new mapper with these settings (a mapper is mutable: each owner gets its own). */
    public static ObjectMapper newMapper() {
        return JsonMapper.builder()
                .findAndAddModules()
                .visibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .build();
    }
}
