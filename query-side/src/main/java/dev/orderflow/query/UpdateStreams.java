package dev.orderflow.query;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.SubscriptionQueryResult;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.io.IOException;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A subscription query as server-sent events: the view as it is now (if it exists yet), then the view
 * again after every change, until the client goes away or {@link ReadYourWritesProperties#updatesTimeout()}
 * passes. Events are written on a scheduler of their own, so a slow client never holds up a projection.
 * <p>
 * When the service stops, the open streams end first (this lifecycle stops before the web server's graceful
 * shutdown): otherwise that shutdown would wait its whole timeout for streams that never end by themselves.
 */
@Component
public class UpdateStreams implements SmartLifecycle {

    private final Set<SseEmitter> open = ConcurrentHashMap.newKeySet();
    private volatile boolean running;

    private final QueryGateway queries;
    private final ReadYourWritesProperties properties;

    public UpdateStreams(QueryGateway queries, ReadYourWritesProperties properties) {
        this.queries = queries;
        this.properties = properties;
    }

    public <Q, V> SseEmitter stream(Q query, Class<V> viewType, String eventName) {
        SseEmitter emitter = new SseEmitter(properties.updatesTimeout().toMillis());
        SubscriptionQueryResult<Optional<V>, V> subscription = queries.subscriptionQuery(
                query, ResponseTypes.optionalInstanceOf(viewType), ResponseTypes.instanceOf(viewType));
        Disposable sending = subscription.initialResult()
                                         .flatMapMany(initial -> Flux.concat(Mono.justOrEmpty(initial),
                                                                             subscription.updates()))
                                         .publishOn(Schedulers.boundedElastic())
                                         .subscribe(view -> send(emitter, eventName, view),
                                                    emitter::completeWithError,
                                                    emitter::complete);
        open.add(emitter);
        Runnable stop = () -> {
            open.remove(emitter);
            sending.dispose();
            subscription.cancel();
        };
        emitter.onCompletion(stop);
        emitter.onError(error -> stop.run());
        emitter.onTimeout(() -> {
            stop.run();
            emitter.complete();
        });
        return emitter;
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        open.forEach(SseEmitter::complete);
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private static void send(SseEmitter emitter, String eventName, Object view) {
        try {
            emitter.send(SseEmitter.event().name(eventName).data(view, MediaType.APPLICATION_JSON));
        } catch (IOException | IllegalStateException clientGone) {
            emitter.completeWithError(clientGone);
        }
    }
}
