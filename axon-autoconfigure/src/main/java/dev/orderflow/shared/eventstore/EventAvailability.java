package dev.orderflow.shared.eventstore;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;

/**
 * The availability callbacks of the event streams a {@link WakingEmbeddedEventStore} has open: each is told
 * when the store's shared reader has put a new event in its cache, where every stream that tails the store
 * then finds it. A callback only schedules its processor's next run (a pooled processor's coordinator does
 * nothing heavier), so they are all run on the reader's thread; one that fails is logged and never stops the
 * reader or the others.
 */
final class EventAvailability {

    private static final Logger log = LoggerFactory.getLogger(EventAvailability.class);

    private final Set<Runnable> callbacks = new CopyOnWriteArraySet<>();

    void register(Runnable callback) {
        callbacks.add(callback);
    }

    void unregister(Runnable callback) {
        callbacks.remove(callback);
    }

    void eventCached() {
        for (Runnable callback : callbacks) {
            try {
                callback.run();
            } catch (RuntimeException e) {
                log.warn("An event stream's availability callback failed; its processor finds the event on its next run", e);
            }
        }
    }
}
