package dev.orderflow.query;

import org.axonframework.messaging.Message;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.function.Predicate;

/**
 * What projections use to push changed views to subscription queries (server-sent events, reads that wait
 * for a version). A projection builds a view only for the queries someone is subscribed to, so a change
 * nobody watches costs nothing; inside the projection's unit of work Axon sends the update after commit.
 */
@Component
public class ViewUpdates {

    private final QueryUpdateEmitter emitter;

    public ViewUpdates(QueryUpdateEmitter emitter) {
        this.emitter = emitter;
    }

    /** The distinct queries of this type that subscriptions wait on right now. */
    public <Q> List<Q> subscribed(Class<Q> queryType) {
        return subscribed(queryType, query -> true);
    }

    /**
     * The distinct queries of this type that subscriptions wait on right now and that {@code affected} accepts: a
     * projection that knows which views a change touches builds only those, however many other views are watched.
     */
    public <Q> List<Q> subscribed(Class<Q> queryType, Predicate<? super Q> affected) {
        return emitter.activeSubscriptions().stream()
                      .map(Message::getPayload)
                      .filter(queryType::isInstance)
                      .map(queryType::cast)
                      .filter(affected)
                      .distinct()
                      .toList();
    }

    /** Sends {@code view} to every subscription of exactly {@code query}. */
    public <Q, V> void emit(Class<Q> queryType, Q query, V view) {
        emitter.emit(queryType, query::equals, view);
    }
}
