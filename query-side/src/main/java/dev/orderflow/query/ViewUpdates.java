package dev.orderflow.query;

import org.axonframework.messaging.Message;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * What projections use to push changed views to subscription queries (server-sent events, reads that wait
 * for a version). A projection builds a view only for the queries someone is subscribed to, so a change
 * nobody watches costs nothing.
 * <p>
 * Who is subscribed is decided once the projection's transaction has committed, never while it runs: a
 * subscription opens before its first read, so one that opened during the transaction either read the committed
 * change or is there to be sent it. Deciding earlier lost that change: its reader had read the view from before
 * the commit, nobody sent it the new one, and a read waiting for a version timed out.
 */
@Component
public class ViewUpdates {

    private static final Logger log = LoggerFactory.getLogger(ViewUpdates.class);
    private static final String PENDING = ViewUpdates.class.getName() + ".pending";

    private final QueryUpdateEmitter emitter;

    public ViewUpdates(QueryUpdateEmitter emitter) {
        this.emitter = emitter;
    }

    /**
     * Sends the views a change touches once the current unit of work has committed (at once outside one): for each
     * query of this type that subscriptions wait on then and that {@code affected} accepts, {@code view} reads the
     * view (from the committed state) and it is sent to the subscriptions of exactly that query.
     *
     * @param changed what changed (an order id, say): in one batch, the latest publication per type and change
     *                is the one sent, so a view changed by many events is read and sent once
     */
    public <Q, V> void publishAfterCommit(Class<Q> queryType, Object changed, Predicate<? super Q> affected,
                                          Function<? super Q, Optional<V>> view) {
        Runnable publication = () -> {
            for (Q query : subscribed(queryType, affected)) {
                view.apply(query).ifPresent(current -> emitter.emit(queryType, query::equals, current));
            }
        };
        if (!CurrentUnitOfWork.isStarted()) {
            publication.run();
            return;
        }
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        Map<List<Object>, Runnable> pending = root.getOrComputeResource(PENDING, key -> {
            Map<List<Object>, Runnable> publications = new LinkedHashMap<>();
            root.afterCommit(committed -> publications.values().forEach(ViewUpdates::runLoggingFailure));
            return publications;
        });
        pending.put(List.of(queryType, changed), publication);
    }

    /**
     * The distinct queries of this type that subscriptions wait on right now and that {@code affected} accepts: a
     * projection that knows which views a change touches builds only those, however many other views are watched.
     * Not for projections to call while their transaction runs (see the class comment): only after the commit.
     */
    <Q> List<Q> subscribed(Class<Q> queryType, Predicate<? super Q> affected) {
        return emitter.activeSubscriptions().stream()
                      .map(Message::getPayload)
                      .filter(queryType::isInstance)
                      .map(queryType::cast)
                      .filter(affected)
                      .distinct()
                      .toList();
    }

    // The change is committed: a view that cannot be read or sent now is read by its subscriber on its next look.
    private static void runLoggingFailure(Runnable publication) {
        try {
            publication.run();
        } catch (RuntimeException e) {
            log.warn("A changed view could not be sent to its subscriptions", e);
        }
    }
}
