package dev.orderflow.api.inventory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orderflow.api.MessageJson;
import dev.orderflow.api.shared.Money;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class ProductAddedEventUpcasterTest {

    private static final UUID PRODUCT = UUID.fromString("22222222-2222-4222-8222-222222222222");
    /** A revision 1 payload as the system stored it before the rename. */
    private static final String REVISION_1 = """
            {"productId":"22222222-2222-4222-8222-222222222222","name":"Blue Mug","price":12.50,"stock":40}""";

    private final ObjectMapper axonMapper = MessageJson.newMapper();
    private final JacksonSerializer serializer = JacksonSerializer.builder().objectMapper(axonMapper).build();
    private final ProductAddedEventUpcaster upcaster = new ProductAddedEventUpcaster();

    @Test
    void aRevision1EventIsReadAsRevision2WithItsStockAsUnitsOnHand() throws Exception {
        IntermediateEventRepresentation upcast = upcastOne(stored(ProductAddedEventUpcaster.TYPE, "1", REVISION_1));

        assertThat(upcast.getType().getName()).isEqualTo(ProductAddedEvent.class.getName());
        assertThat(upcast.getType().getRevision()).isEqualTo("2");
        assertThat(upcast.getData(JsonNode.class).getData()).isEqualTo(axonMapper.readTree("""
                {"productId":"22222222-2222-4222-8222-222222222222","name":"Blue Mug","price":12.50,"onHand":40}"""));
        SerializedObject<?> data = upcast.getData();
        assertThat((Object) serializer.deserialize(data))
                .isEqualTo(new ProductAddedEvent(PRODUCT, "Blue Mug", Money.of("12.50"), 40));
    }

    @Test
    void theStoredTypeNameIsTheEventsClassName() {
        // The upcaster names the type by the string the store holds; this keeps that string and the class together.
        assertThat(ProductAddedEventUpcaster.TYPE).isEqualTo(ProductAddedEvent.class.getName());
    }

    @Test
    void aRevision2EventAndOtherEventsPassUntouched() {
        InitialEventRepresentation revision2 = stored(ProductAddedEventUpcaster.TYPE, "2", """
                {"productId":"22222222-2222-4222-8222-222222222222","name":"Blue Mug","price":12.50,"onHand":40}""");
        InitialEventRepresentation renamed = stored(ProductRenamedEvent.class.getName(), "1", """
                {"productId":"22222222-2222-4222-8222-222222222222","name":"Green Mug","stock":3}""");

        List<IntermediateEventRepresentation> upcast = upcaster.upcast(Stream.of(revision2, renamed)).toList();

        assertThat(upcast).containsExactly(revision2, renamed);
    }

    @Test
    void withoutTheUpcasterARevision1EventWouldSilentlyReadAsNoStock() {
        // Why the upcaster is needed and why it is tested against real old rows: Axon's mapper tolerates the
        // unknown "stock" and the missing "onHand", so a forgotten upcaster fails nothing and loses the stock.
        Object read = serializer.deserialize(stored(ProductAddedEventUpcaster.TYPE, "1", REVISION_1).getData());

        assertThat(read).isEqualTo(new ProductAddedEvent(PRODUCT, "Blue Mug", Money.of("12.50"), 0));
    }

    private IntermediateEventRepresentation upcastOne(IntermediateEventRepresentation event) {
        return upcaster.upcast(Stream.of(event)).findFirst().orElseThrow();
    }

    /** An event as the JPA store hands it to the upcaster chain: a row's columns, the payload as bytes. */
    private InitialEventRepresentation stored(String payloadType, String revision, String payloadJson) {
        GenericDomainEventEntry<byte[]> row = new GenericDomainEventEntry<>("Product", PRODUCT.toString(), 0,
                UUID.randomUUID().toString(), Instant.parse("2026-01-01T00:00:00Z"), payloadType, revision,
                payloadJson.getBytes(StandardCharsets.UTF_8), "{}".getBytes(StandardCharsets.UTF_8));
        return new InitialEventRepresentation(row, serializer);
    }
}
