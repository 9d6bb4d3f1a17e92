package dev.orderflow.query;

import dev.orderflow.api.inventory.FindProductQuery;
import dev.orderflow.api.order.FindOrderQuery;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.queryhandling.GenericSubscriptionQueryMessage;
import org.axonframework.queryhandling.SimpleQueryUpdateEmitter;
import org.axonframework.queryhandling.UpdateHandlerRegistration;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** Which subscribed queries a projection sees and what it sends them, on Axon's own update emitter (no Spring, no database). */
class ViewUpdatesTest {

    private final SimpleQueryUpdateEmitter emitter = SimpleQueryUpdateEmitter.builder().build();
    private final ViewUpdates updates = new ViewUpdates(emitter);

    @Test
    void aChangeToOneOrderSeesOnlyTheSubscriptionsThatWatchIt() {
        UUID changed = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        subscribe(new FindOrderQuery(changed));
        subscribe(new FindOrderQuery(changed));
        subscribe(new FindOrderQuery(other));

        assertThat(updates.subscribed(FindOrderQuery.class, query -> query.orderId().equals(changed)))
                .containsExactly(new FindOrderQuery(changed));
        assertThat(updates.subscribed(FindOrderQuery.class, query -> true))
                .containsExactlyInAnyOrder(new FindOrderQuery(changed), new FindOrderQuery(other));
    }

    @Test
    void subscriptionsToOtherQueryTypesAreNotSeen() {
        subscribe(new FindProductQuery(UUID.randomUUID()));

        assertThat(updates.subscribed(FindOrderQuery.class, query -> true)).isEmpty();
    }

    @Test
    void aCancelledSubscriptionIsNoLongerSeen() {
        UUID order = UUID.randomUUID();
        UpdateHandlerRegistration<Object> registration = subscribe(new FindOrderQuery(order));

        registration.getRegistration().cancel();

        assertThat(updates.subscribed(FindOrderQuery.class, query -> query.orderId().equals(order))).isEmpty();
    }

    @Test
    void aSubscriptionOpenedWhileTheProjectionsTransactionRunsIsSentTheChangeAfterTheCommit() {
        UUID order = UUID.randomUUID();
        UnitOfWork<?> projection = DefaultUnitOfWork.startAndGet(null);
        updates.publishAfterCommit(FindOrderQuery.class, order, query -> query.orderId().equals(order),
                query -> Optional.of("version 2"));

        // A reader subscribes now, and reads the view as it was before the commit.
        List<Object> received = updatesOf(subscribe(new FindOrderQuery(order)));
        assertThat(received).as("nothing before the commit").isEmpty();
        projection.commit();

        assertThat(received).containsExactly("version 2");
    }

    @Test
    void aRolledBackChangeIsNeverSent() {
        UUID order = UUID.randomUUID();
        List<Object> received = updatesOf(subscribe(new FindOrderQuery(order)));
        UnitOfWork<?> projection = DefaultUnitOfWork.startAndGet(null);
        updates.publishAfterCommit(FindOrderQuery.class, order, query -> true, query -> Optional.of("never"));

        projection.rollback();

        assertThat(received).isEmpty();
    }

    @Test
    void aViewChangedByManyEventsOfOneBatchIsSentOnceAndOnlyToItsWatchers() {
        UUID order = UUID.randomUUID();
        List<Object> watching = updatesOf(subscribe(new FindOrderQuery(order)));
        List<Object> watchingAnother = updatesOf(subscribe(new FindOrderQuery(UUID.randomUUID())));
        UnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(null);
        for (String version : List.of("version 1", "version 2", "version 3")) {
            updates.publishAfterCommit(FindOrderQuery.class, order, query -> query.orderId().equals(order),
                    query -> Optional.of(version));
        }

        batch.commit();

        assertThat(watching).containsExactly("version 3");
        assertThat(watchingAnother).isEmpty();
    }

    @Test
    void outsideAUnitOfWorkTheChangeIsSentAtOnce() {
        UUID order = UUID.randomUUID();
        List<Object> received = updatesOf(subscribe(new FindOrderQuery(order)));

        updates.publishAfterCommit(FindOrderQuery.class, order, query -> true, query -> Optional.of("now"));

        assertThat(received).containsExactly("now");
    }

    private static List<Object> updatesOf(UpdateHandlerRegistration<Object> registration) {
        List<Object> received = new CopyOnWriteArrayList<>();
        registration.getUpdates().subscribe(update -> received.add(update.getPayload()));
        return received;
    }

    private UpdateHandlerRegistration<Object> subscribe(Object query) {
        return emitter.registerUpdateHandler(new GenericSubscriptionQueryMessage<>(
                query, ResponseTypes.optionalInstanceOf(Object.class), ResponseTypes.instanceOf(Object.class)), 8);
    }
}
