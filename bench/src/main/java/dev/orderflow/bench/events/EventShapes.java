package dev.orderflow.bench.events;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Compares generated events with events the running system stored itself, payload type by payload type:
 * the aggregate type and revision columns, and the structure of the payload and metadata JSON (field
 * names and kinds of value, nested). A bulk load goes ahead only when every generated type matches.
 */
public final class EventShapes {

    private EventShapes() {
    }

    /** The outcome: what differs, and which generated payload types had no stored example to compare with. */
    public record Comparison(List<String> differences, List<String> unchecked) {
        public boolean matches() {
            return differences.isEmpty();
        }
    }

    /**
     * @param generated one or more generated events per payload type
     * @param stored    a stored example per payload type, by payload type
     */
    public static Comparison compare(Collection<StoredEvent> generated, Map<String, StoredEvent> stored) {
        Map<String, StoredEvent> samples = new TreeMap<>();
        generated.forEach(event -> samples.putIfAbsent(event.payloadType(), event));
        List<String> differences = new ArrayList<>();
        List<String> unchecked = new ArrayList<>();
        for (StoredEvent sample : samples.values()) {
            StoredEvent real = stored.get(sample.payloadType());
            if (real == null) {
                unchecked.add(sample.payloadType());
                continue;
            }
            String what = sample.payloadType().substring(sample.payloadType().lastIndexOf('.') + 1);
            if (!Objects.equals(real.type(), sample.type())) {
                differences.add(what + ": aggregate type " + sample.type() + ", the system stores " + real.type());
            }
            if (!Objects.equals(real.revision(), sample.revision())) {
                differences.add(what + ": revision " + sample.revision() + ", the system stores " + real.revision());
            }
            String generatedPayload = shape(sample.payload());
            String realPayload = shape(real.payload());
            if (!generatedPayload.equals(realPayload)) {
                differences.add(what + ": payload " + generatedPayload + ", the system stores " + realPayload);
            }
            String generatedMeta = shape(sample.metaData());
            String realMeta = shape(real.metaData());
            if (!generatedMeta.equals(realMeta)) {
                differences.add(what + ": metadata " + generatedMeta + ", the system stores " + realMeta);
            }
        }
        return new Comparison(differences, unchecked);
    }

    /** The structure of a JSON document: {@code {name:string,lines:[{productId:string,quantity:number}]}}. */
    public static String shape(byte[] json) {
        try {
            return shape(AxonJson.MAPPER.readTree(json));
        } catch (IOException e) {
            return "not JSON (" + e.getMessage() + ")";
        }
    }

    static String shape(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return "null";
        }
        if (node.isObject()) {
            Map<String, String> fields = new TreeMap<>();
            node.fields().forEachRemaining(field -> fields.put(field.getKey(), shape(field.getValue())));
            StringBuilder out = new StringBuilder("{");
            fields.forEach((name, shape) -> out.append(out.length() > 1 ? "," : "").append(name).append(':').append(shape));
            return out.append('}').toString();
        }
        if (node.isArray()) {
            return node.isEmpty() ? "[]" : "[" + shape(node.get(0)) + "]";
        }
        if (node.isNumber()) {
            return "number";
        }
        if (node.isBoolean()) {
            return "boolean";
        }
        return "string";
    }
}
