package dev.orderflow.shared.eventstore;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingEventStream;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Axon's embedded event store, whose event streams tell a pooled streaming processor when an event arrives.
 * Without that, a processor that has caught up looks again after a fixed 500 ms (its coordinator's wait on a
 * stream that offers no availability callback), which every hop of the fulfilment saga paid.
 * <p>
 * The events are read as Axon reads them: one reader thread fills a cache that every stream tails, woken by a
 * commit in this JVM or by {@link #wakeUp()}, and otherwise looking at the table every fetch delay. What this
 * class adds is that the reader reports each event it has put in the cache (see
 * {@link AvailabilityReportingStorageEngine}), and every open stream's callback then schedules its processor:
 * the event is already in the cache when the processor runs, so no wake-up is lost between the two. Gaps in the
 * global index, tokens and replays stay Axon's: the callback only says when to look.
 */
public class WakingEmbeddedEventStore extends EmbeddedEventStore {

    private final EventAvailability availability;
    private final Runnable afterAppendInTransaction;

    /**
     * @param storageEngine            where the events are
     * @param builder                  Axon's settings of the store (fetch delay, monitor, ...), without its engine
     * @param afterAppendInTransaction run in the transaction that appended events, after the append (a signal to
     *                                 other JVMs that commits with it); {@code () -> {}} for none
     */
    public static WakingEmbeddedEventStore create(EventStorageEngine storageEngine, EmbeddedEventStore.Builder builder,
                                                  Runnable afterAppendInTransaction) {
        EventAvailability availability = new EventAvailability();
        builder.storageEngine(new AvailabilityReportingStorageEngine(storageEngine, availability));
        return new WakingEmbeddedEventStore(builder, availability, afterAppendInTransaction);
    }

    private WakingEmbeddedEventStore(EmbeddedEventStore.Builder builder, EventAvailability availability,
                                     Runnable afterAppendInTransaction) {
        super(builder);
        this.availability = availability;
        this.afterAppendInTransaction = afterAppendInTransaction;
    }

    @Override
    public TrackingEventStream openStream(TrackingToken trackingToken) {
        return new CallbackStream(super.openStream(trackingToken), availability);
    }

    /**
     * Makes the shared reader look at the table now rather than after its fetch delay: for events another JVM
     * committed. Cheap when there is nothing new (one query), and repeated calls while it reads cost one more read.
     */
    public void wakeUp() {
        super.afterCommit(List.of());
    }

    @Override
    protected void prepareCommit(List<? extends EventMessage<?>> events) {
        super.prepareCommit(events);
        if (!events.isEmpty()) {
            afterAppendInTransaction.run();
        }
    }

    /**
     * Axon's stream, plus the availability callback a pooled processor's coordinator sets once per stream, and
     * the skipping of payload types the processor has no handler for.
     * <p>
     * A coordinator that finds no handler for an event's type asks its stream to skip that type; Axon's embedded
     * store ignores the request, so every such event still went through the work package's buffer (the order
     * history handles five of the eight events of an order). Here those events are dropped as they are read, but
     * for the last one available: it is kept back and delivered if nothing follows, so the processor's token still
     * reaches the head of the store (a replay ends, a lag reads zero). A dropped event's position is covered by
     * the token of the event delivered after it.
     */
    private static final class CallbackStream implements TrackingEventStream {

        private final TrackingEventStream delegate;
        private final EventAvailability availability;
        private final Set<Class<?>> skippedTypes = ConcurrentHashMap.newKeySet();
        private volatile Runnable callback;
        /** A skipped event read last: delivered only if no event follows it. Coordinator thread only. */
        private TrackedEventMessage<?> heldBack;

        private CallbackStream(TrackingEventStream delegate, EventAvailability availability) {
            this.delegate = delegate;
            this.availability = availability;
        }

        @Override
        public boolean setOnAvailableCallback(Runnable callback) {
            Runnable previous = this.callback;
            if (previous != null) {
                availability.unregister(previous);
            }
            this.callback = callback;
            availability.register(callback);
            return true;
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            dropSkipped();
            Optional<TrackedEventMessage<?>> next = delegate.peek();
            return next.isPresent() ? next : Optional.ofNullable(heldBack);
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            dropSkipped();
            if (heldBack != null || delegate.peek().isPresent()) {
                return true;
            }
            return delegate.hasNextAvailable(timeout, unit);
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
            while (true) {
                dropSkipped();
                if (delegate.peek().isPresent()) {
                    return delegate.nextAvailable();
                }
                if (heldBack != null) {
                    TrackedEventMessage<?> last = heldBack;
                    heldBack = null;
                    return last;
                }
                TrackedEventMessage<?> next = delegate.nextAvailable();
                if (!isSkipped(next)) {
                    return next;
                }
                heldBack = next;
            }
        }

        /** Reads past skipped events already available, holding back the last one read while nothing follows. */
        private void dropSkipped() {
            if (skippedTypes.isEmpty()) {
                return;
            }
            try {
                Optional<TrackedEventMessage<?>> next = delegate.peek();
                while (next.isPresent() && isSkipped(next.get())) {
                    heldBack = delegate.nextAvailable();
                    next = delegate.peek();
                }
                if (next.isPresent()) {
                    heldBack = null; // the next event's token covers it
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private boolean isSkipped(TrackedEventMessage<?> event) {
            return skippedTypes.contains(event.getPayloadType());
        }

        @Override
        public void skipMessagesWithPayloadTypeOf(TrackedEventMessage<?> ignoredMessage) {
            skippedTypes.add(ignoredMessage.getPayloadType());
            delegate.skipMessagesWithPayloadTypeOf(ignoredMessage);
        }

        @Override
        public void close() {
            Runnable registered = callback;
            if (registered != null) {
                availability.unregister(registered);
            }
            delegate.close();
        }
    }
}
