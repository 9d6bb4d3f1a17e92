package dev.orderflow.shared.adminapi;

import dev.orderflow.api.refusal.DomainException;
import dev.orderflow.shared.admin.AdminProperties;
import dev.orderflow.shared.admin.AggregateEvents.StoredEvent;
import dev.orderflow.shared.admin.AggregateEvents;
import dev.orderflow.shared.error.InvalidRequestException;
import dev.orderflow.shared.openapi.ApiTags;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * The event stream of one aggregate, read from the event store: what the Axon Server dashboard would show,
 * for the embedded mode that has none.
 */
@RestController
@Tag(name = ApiTags.ADMIN_EVENTS)
class EventInspectionController {

    private final ObjectProvider<EventStore> eventStore;
    private final AdminProperties properties;

    EventInspectionController(ObjectProvider<EventStore> eventStore, AdminProperties properties) {
        this.eventStore = eventStore;
        this.properties = properties;
    }

    @GetMapping("/admin/events/{aggregateId}")
    @Operation(summary = "An aggregate's events", description = "Every stored event of the aggregate from fromSequence "
            + "on (snapshots are skipped: this is the full history), with type, sequence, timestamp and payload as "
            + "JSON; at most orderflow.admin.max-events per answer. 404 when the aggregate has no events.")
    AggregateEvents events(@PathVariable String aggregateId, @RequestParam(defaultValue = "0") long fromSequence) {
        if (fromSequence < 0) {
            throw new InvalidRequestException("fromSequence", "must not be negative");
        }
        EventStore store = eventStore.getIfAvailable();
        if (store == null) {
            throw DomainException.notFound("This service has no event store to read " + aggregateId + " from");
        }
        DomainEventStream stream = store.readEvents(aggregateId, fromSequence);
        List<StoredEvent> events = new ArrayList<>();
        String aggregateType = null;
        boolean truncated = false;
        while (stream.hasNext()) {
            if (events.size() == properties.maxEvents()) {
                truncated = true;
                break;
            }
            DomainEventMessage<?> event = stream.next();
            aggregateType = event.getType();
            events.add(stored(event));
        }
        if (events.isEmpty()) {
            throw DomainException.notFound("No events for aggregate " + aggregateId
                    + (fromSequence > 0 ? " from sequence " + fromSequence : ""));
        }
        return new AggregateEvents(aggregateId, aggregateType, events, truncated);
    }

    private static StoredEvent stored(DomainEventMessage<?> event) {
        Object payload = null;
        String payloadError = null;
        try {
            payload = event.getPayload();
        } catch (RuntimeException unreadable) {
            payloadError = unreadable.getClass().getSimpleName() + ": " + unreadable.getMessage();
        }
        return new StoredEvent(event.getSequenceNumber(), event.getPayloadType().getSimpleName(),
                event.getPayloadType().getName(), event.getTimestamp(), event.getIdentifier(), payload, payloadError,
                new LinkedHashMap<>(event.getMetaData()));
    }
}
