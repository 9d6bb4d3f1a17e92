package dev.orderflow.query;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.SubscriptionQueryResult;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;

import java.util.Optional;

/**
 * A subscription query as server-sent events, for an endpoint to return as its {@code text/event-stream} body: the
 * view as it is now (if it exists yet), then the view again after every change, until the client goes away or
 * {@link ReadYourWritesProperties#updatesTimeout()} passes. Events are written on a scheduler of their own, so a
 * slow client never holds up a projection.
 * <p>
 * When the service stops, the open streams end first (this lifecycle stops before the web server's graceful
 * shutdown): otherwise that shutdown would wait its whole timeout for streams that never end by themselves.
 */
@Component
public class UpdateStreams implements SmartLifecycle {

    private volatile Sinks.One<Boolean> stopping = Sinks.one();
    private volatile boolean running;

    private final QueryGateway queries;
    private final ReadYourWritesProperties properties;

    public UpdateStreams(QueryGateway queries, ReadYourWritesProperties properties) {
        this.queries = queries;
        this.properties = properties;
    }

    public <Q, V> Flux<ServerSentEvent<V>> stream(Q query, Class<V> viewType, String eventName) {
        return Flux.defer(() -> {
            Mono<Boolean> serviceStops = stopping.asMono();
            SubscriptionQueryResult<Optional<V>, V> subscription = queries.subscriptionQuery(
                    query, ResponseTypes.optionalInstanceOf(viewType), ResponseTypes.instanceOf(viewType));
            return subscription.initialResult()
                               .flatMapMany(initial -> Flux.concat(Mono.justOrEmpty(initial), subscription.updates()))
                               .publishOn(Schedulers.boundedElastic())
                               .map(view -> ServerSentEvent.builder(view).event(eventName).build())
                               .take(properties.updatesTimeout())
                               .takeUntilOther(serviceStops)
                               .doFinally(signal -> subscription.cancel());
        });
    }

    @Override
    public void start() {
        stopping = Sinks.one();
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        stopping.tryEmitValue(true);
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
