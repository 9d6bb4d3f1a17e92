package dev.orderflow.shared.admin;

import dev.orderflow.api.refusal.DomainException;
import dev.orderflow.shared.admin.AggregateEvents.StoredEvent;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.AnnotationRevisionResolver;
import org.axonframework.serialization.RevisionResolver;
import org.springframework.beans.factory.ObjectProvider;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * Reads the event store for an operator: one aggregate's stream, or the newest events of the whole store, filtered
 * by type or by the trace id that ties the events of one business transaction together (Axon's message origin:
 * every message carries the id of the message that caused it as {@code correlationId}, and the id of the first
 * message of its chain, the command a client sent, as {@code traceId}). The admin REST API
 * and the console both read through it. It reads the service's own event store, embedded or Axon Server.
 */
public class EventBrowser {

    private static final long STREAM_WAIT_MS = 200;

    /** How Axon's serializers name a payload's revision, unless a service configures another resolver. */
    private static final RevisionResolver REVISIONS = new AnnotationRevisionResolver();

    private final ObjectProvider<EventStore> eventStore;
    private final AdminProperties properties;

    public EventBrowser(ObjectProvider<EventStore> eventStore, AdminProperties properties) {
        this.eventStore = eventStore;
        this.properties = properties;
    }

    /**
     * Every stored event of the aggregate from {@code fromSequence} on (snapshots skipped), at most
     * {@code orderflow.admin.max-events}.
     *
     * @throws DomainException not found, when the aggregate has no such events
     */
    public AggregateEvents aggregate(String aggregateId, long fromSequence) {
        DomainEventStream stream = store().readEvents(aggregateId, fromSequence);
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
            events.add(stored(event, event.getSequenceNumber(), aggregateId, null));
        }
        if (events.isEmpty()) {
            throw DomainException.notFound("No events for aggregate " + aggregateId
                    + (fromSequence > 0 ? " from sequence " + fromSequence : ""));
        }
        return new AggregateEvents(aggregateId, aggregateType, events, truncated);
    }

    /**
     * The newest events, newest first, among the last {@code window} of the store: those whose type contains
     * {@code typeFilter} (ignoring case; null or blank for all), at most {@code limit}.
     */
    public List<StoredEvent> latest(String typeFilter, int limit, int window) {
        return latest(typeFilter, limit, window, OptionalLong.empty());
    }

    /**
     * As {@link #latest(String, int, int)}, but back in time: among the {@code window} events stored before global
     * position {@code before} (when given), which is how a reader pages from the oldest event it was shown.
     */
    public List<StoredEvent> latest(String typeFilter, int limit, int window, OptionalLong before) {
        return page(typeFilter, limit, window, before).events();
    }

    /**
     * One page of {@link #latest(String, int, int, OptionalLong)}, with where the next older page starts.
     *
     * @param olderThan the {@code before} of the next older page: the oldest event shown when the page is full,
     *                  otherwise the start of the window searched (a filter with few matches pages on past it);
     *                  null when nothing is older
     */
    public record EventPage(List<StoredEvent> events, Long olderThan) {
    }

    public EventPage page(String typeFilter, int limit, int window, OptionalLong before) {
        String filter = typeFilter == null || typeFilter.isBlank() ? null : typeFilter.toLowerCase(Locale.ROOT);
        return newest(event -> filter == null || event.type().toLowerCase(Locale.ROOT).contains(filter), limit, window,
                      before);
    }

    /**
     * The events of one business transaction, oldest first, among the last {@code window} of the store: those whose
     * trace id is this, or whose own id is (the first event of a chain a saga or policy started).
     */
    public List<StoredEvent> transaction(String traceId, int window) {
        List<StoredEvent> events = new ArrayList<>(newest(event -> traceId.equals(event.traceId())
                || traceId.equals(event.eventId()), properties.maxEvents(), window, OptionalLong.empty()).events());
        Collections.reverse(events);
        return events;
    }

    /** The position of the newest event in the store; empty when it holds none. */
    public OptionalLong head() {
        TrackingToken head = store().createHeadToken();
        return head == null ? OptionalLong.empty() : head.position();
    }

    /**
     * When the first event after {@code position} was stored: how long ago that was is how far in time a processor
     * at that position is behind. Empty when no event follows it.
     */
    public Optional<Instant> timestampAfter(long position) {
        try (BlockingStream<TrackedEventMessage<?>> stream = store().openStream(tokenAt(position))) {
            return stream.hasNextAvailable((int) STREAM_WAIT_MS, TimeUnit.MILLISECONDS)
                    ? Optional.of(stream.nextAvailable().getTimestamp()) : Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private EventPage newest(Predicate<StoredEvent> wanted, int limit, int window, OptionalLong before) {
        OptionalLong storeHead = head();
        if (storeHead.isEmpty() || (before.isPresent() && before.getAsLong() <= 0)) {
            return new EventPage(List.of(), null);
        }
        long last = before.isPresent() ? Math.min(before.getAsLong() - 1, storeHead.getAsLong()) : storeHead.getAsLong();
        List<StoredEvent> matching = new ArrayList<>();
        try (BlockingStream<TrackedEventMessage<?>> stream = store().openStream(tokenAt(last - window))) {
            while (stream.hasNextAvailable((int) STREAM_WAIT_MS, TimeUnit.MILLISECONDS)) {
                TrackedEventMessage<?> event = stream.nextAvailable();
                Long position = event.trackingToken().position().isPresent() ? event.trackingToken().position().getAsLong() : null;
                if (position != null && position > last) {
                    // Past a gap at the end of the window: stored at or after 'before', or appended since the head was read.
                    break;
                }
                StoredEvent stored = event instanceof DomainEventMessage<?> domain
                        ? stored(event, domain.getSequenceNumber(), domain.getAggregateIdentifier(), position)
                        : stored(event, 0, null, position);
                if (wanted.test(stored)) {
                    matching.add(stored);
                }
                if (position != null && position >= last) {
                    break;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the event store", e);
        }
        Collections.reverse(matching);
        List<StoredEvent> shown = matching.size() > limit ? List.copyOf(matching.subList(0, limit)) : matching;
        Long olderThan = shown.size() == limit ? shown.get(limit - 1).position() : Long.valueOf(last - window + 1);
        return new EventPage(shown, olderThan != null && olderThan > 0 ? olderThan : null);
    }

    /**
     * A token from which the store streams the events after {@code position}; null (the first event on) for a
     * negative one. Axon Server's store takes a global sequence; the embedded (JPA) store a gap-aware token, whose
     * gaps do not matter for reading: an event committed late into one is only missed by this one look.
     */
    private TrackingToken tokenAt(long position) {
        if (position < 0) {
            return null;
        }
        return store().createHeadToken() instanceof GapAwareTrackingToken
                ? GapAwareTrackingToken.newInstance(position, Collections.emptySortedSet())
                : new GlobalSequenceTrackingToken(position);
    }

    private EventStore store() {
        EventStore store = eventStore.getIfAvailable();
        if (store == null) {
            throw DomainException.notFound("This service has no event store to read");
        }
        return store;
    }

    private static StoredEvent stored(EventMessage<?> event, long sequence, String aggregateId, Long position) {
        Object payload = null;
        String payloadError = null;
        try {
            payload = event.getPayload();
        } catch (RuntimeException unreadable) {
            payloadError = unreadable.getClass().getSimpleName() + ": " + unreadable.getMessage();
        }
        return new StoredEvent(sequence, event.getPayloadType().getSimpleName(), event.getPayloadType().getName(),
                REVISIONS.revisionOf(event.getPayloadType()), event.getTimestamp(), event.getIdentifier(), payload,
                payloadError, new LinkedHashMap<>(event.getMetaData()), aggregateId, position);
    }
}
