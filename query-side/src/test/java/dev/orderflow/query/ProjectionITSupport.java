package dev.orderflow.query;

import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;

import static org.awaitility.Awaitility.await;

/**
 * What the projections' integration tests share: events appended to the real event store ({@link #events}, a
 * fresh {@link StoredEvents} per test), the query gateway that reads the read model back, and waiting until a view
 * shows what the events did. Each test class adds the projection it tests.
 */
@QuerySideTest
public abstract class ProjectionITSupport {

    @Autowired
    EventStore eventStore;
    @Autowired
    TransactionManager transactionManager;
    @Autowired
    protected TransactionTemplate transactionTemplate;
    @Autowired
    protected QueryGateway queries;

    protected StoredEvents events;

    @BeforeEach
    protected void appendToTheEventStore() {
        events = newScenario();
    }

    /** Events of their own, for a test that redelivers exactly what it appended. */
    protected StoredEvents newScenario() {
        return new StoredEvents(eventStore, transactionManager);
    }

    /** The view once the projection has made it satisfy the condition (30 s at most). */
    protected static <V> V awaitView(Supplier<Optional<V>> find, Predicate<V> condition) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> find.get().filter(condition).orElse(null),
                view -> view != null);
    }
}
