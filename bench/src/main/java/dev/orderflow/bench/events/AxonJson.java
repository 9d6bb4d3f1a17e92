package dev.orderflow.bench.events;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.axonframework.serialization.Revision;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Serializes payloads and metadata as the standalone's Axon serializer does: the same mapper settings as
 * Orderflow's {@code defaultAxonObjectMapper}. {@link EventShapes} checks the result against rows the
 * system itself stored before anything generated is loaded.
 */
public final class AxonJson {

    static final ObjectMapper MAPPER = JsonMapper.builder()
            .visibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

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
