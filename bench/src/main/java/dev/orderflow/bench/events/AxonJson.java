package dev.orderflow.bench.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orderflow.api.MessageJson;
import org.axonframework.serialization.Revision;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Serializes payloads and metadata as the standalone's Axon serializer does, with the same {@link MessageJson}
 * mapper. {@link EventShapes} checks the result against rows the
 * system itself stored before anything generated is loaded.
 */
public final class AxonJson {

    static final ObjectMapper MAPPER = MessageJson.newMapper();

    private AxonJson() {
    }

    public static byte[] payload(Object payload) {
        try {
            return MAPPER.writeValueAsBytes(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize " + payload, e);
        }
    }

    /** Axon's metadata of a message: the trace it belongs to and the message that caused it. */
    public static byte[] metaData(String traceId, String correlationId) {
        Map<String, String> metaData = new LinkedHashMap<>();
        metaData.put("traceId", traceId);
        metaData.put("correlationId", correlationId);
        return payload(metaData);
    }

    /** The payload revision Axon stores: the class's {@code @Revision}, null without one. */
    public static String revision(Class<?> payloadType) {
        Revision revision = payloadType.getAnnotation(Revision.class);
        return revision == null ? null : revision.value();
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }
}
