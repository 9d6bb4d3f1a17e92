package dev.orderflow.api.inventory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

/**
 * Reads a stored {@code ProductAddedEvent} of revision 1 as revision 2: the units on hand, once {@code stock},
 * are now {@code onHand}. The stored row is never changed; every read of the event (an aggregate loading, a
 * processor streaming, a replay) passes through here.
 */
public class ProductAddedEventUpcaster extends SingleEventUpcaster {

    /** The stored type name, not the class: the store knows the event by this string whatever the code calls it. */
    static final String TYPE = "dev.orderflow.api.inventory.ProductAddedEvent";
    static final String FROM_REVISION = "1";
    private static final SerializedType TO = new SimpleSerializedType(TYPE, "2");

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation event) {
        SerializedType type = event.getType();
        return TYPE.equals(type.getName()) && FROM_REVISION.equals(type.getRevision());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation event) {
        return event.upcastPayload(TO, JsonNode.class, payload -> {
            ObjectNode fields = ((ObjectNode) payload).deepCopy();
            fields.set("onHand", fields.remove("stock"));
            return fields;
        });
    }
}
