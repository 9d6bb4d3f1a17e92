package dev.orderflow.console.event;

import dev.orderflow.shared.admin.EventBrowser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.io.IOException;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The events page's live tail: one watcher looks at the head of the event store every second and tells every open
 * page, through a server-sent event {@code appended}, when it moved; htmx then fetches the newest events as it
 * fetches any fragment. One look a second for all pages, whatever their number, and the same in every mode.
 */
public class EventTail implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(EventTail.class);
    static final String APPENDED = "appended";
    private static final Duration WATCH_INTERVAL = Duration.ofSeconds(1);
    /** A browser reconnects by itself when a stream ends; ending them bounds what a forgotten tab holds. */
    private static final Duration STREAM_LIFETIME = Duration.ofMinutes(30);

    private final EventBrowser events;
    private final Set<SseEmitter> listeners = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService watcher = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "console-event-tail");
        thread.setDaemon(true);
        return thread;
    });
    private volatile long lastHead = Long.MIN_VALUE;

    public EventTail(EventBrowser events) {
        this.events = events;
        watcher.scheduleWithFixedDelay(this::look, WATCH_INTERVAL.toMillis(), WATCH_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
    }

    SseEmitter listen() {
        SseEmitter emitter = new SseEmitter(STREAM_LIFETIME.toMillis());
        listeners.add(emitter);
        emitter.onCompletion(() -> listeners.remove(emitter));
        emitter.onTimeout(() -> listeners.remove(emitter));
        emitter.onError(failure -> listeners.remove(emitter));
        return emitter;
    }

    private void look() {
        if (listeners.isEmpty()) {
            return;
        }
        try {
            OptionalLong head = events.head();
            long now = head.orElse(-1);
            if (now != lastHead) {
                lastHead = now;
                listeners.forEach(this::tell);
            }
        } catch (RuntimeException e) {
            log.debug("Cannot read the head of the event store for the live tail", e);
        }
    }

    private void tell(SseEmitter listener) {
        try {
            listener.send(SseEmitter.event().name(APPENDED).data(Long.toString(lastHead)));
        } catch (IOException | IllegalStateException gone) {
            listeners.remove(listener);
        }
    }

    @Override
    public void destroy() {
        watcher.shutdownNow();
        listeners.forEach(SseEmitter::complete);
    }
}
