package dev.orderflow.shared.eventstore;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Spliterator;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * The storage engine as {@link WakingEmbeddedEventStore}'s shared reader sees it: every event that reader
 * takes from the table is reported to {@link EventAvailability} once the reader has handled it, that is once
 * it is in the store's cache and the tailing streams have been signalled. Axon's {@code EmbeddedEventStore}
 * reads with {@code mayBlock} only from that reader (a stream reading on its own, behind the cache, does not
 * block); those private reads pass through unchanged. Everything else is the wrapped engine's.
 */
final class AvailabilityReportingStorageEngine implements EventStorageEngine {

    private final EventStorageEngine delegate;
    private final EventAvailability availability;

    AvailabilityReportingStorageEngine(EventStorageEngine delegate, EventAvailability availability) {
        this.delegate = delegate;
        this.availability = availability;
    }

    @Override
    public Stream<? extends TrackedEventMessage<?>> readEvents(TrackingToken trackingToken, boolean mayBlock) {
        Stream<? extends TrackedEventMessage<?>> events = delegate.readEvents(trackingToken, mayBlock);
        if (!mayBlock) {
            return events;
        }
        // Each fetch of the shared reader (at least once a fetch delay) also reminds every stream, so a processor
        // that missed a wake-up looks again within a fetch delay instead of at its 5 s claim-extension fallback.
        // One CI run showed such a miss (a read model 5 s behind, cause not yet found); a reminder costs each
        // idle processor one look a second.
        availability.eventCached();
        return StreamSupport.stream(new Reporting<>(events.spliterator(), availability), false).onClose(events::close);
    }

    /** Reports each event after the consumer it was given to returned, never before. */
    private record Reporting<T>(Spliterator<T> source, EventAvailability availability) implements Spliterator<T> {

        @Override
        public boolean tryAdvance(Consumer<? super T> action) {
            boolean advanced = source.tryAdvance(action);
            if (advanced) {
                availability.eventCached();
            }
            return advanced;
        }

        @Override
        public Spliterator<T> trySplit() {
            return null;
        }

        @Override
        public long estimateSize() {
            return source.estimateSize();
        }

        @Override
        public int characteristics() {
            return source.characteristics() & (ORDERED | NONNULL);
        }
    }

    @Override
    public void appendEvents(List<? extends EventMessage<?>> events) {
        delegate.appendEvents(events);
    }

    @Override
    public void storeSnapshot(DomainEventMessage<?> snapshot) {
        delegate.storeSnapshot(snapshot);
    }

    @Override
    public DomainEventStream readEvents(String aggregateIdentifier, long firstSequenceNumber) {
        return delegate.readEvents(aggregateIdentifier, firstSequenceNumber);
    }

    @Override
    public Optional<DomainEventMessage<?>> readSnapshot(String aggregateIdentifier) {
        return delegate.readSnapshot(aggregateIdentifier);
    }

    @Override
    public Optional<Long> lastSequenceNumberFor(String aggregateIdentifier) {
        return delegate.lastSequenceNumberFor(aggregateIdentifier);
    }

    @Override
    public TrackingToken createTailToken() {
        return delegate.createTailToken();
    }

    @Override
    public TrackingToken createHeadToken() {
        return delegate.createHeadToken();
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        return delegate.createTokenAt(dateTime);
    }
}
