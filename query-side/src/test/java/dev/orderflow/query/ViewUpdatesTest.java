package dev.orderflow.query;

import dev.orderflow.api.inventory.FindProductQuery;
import dev.orderflow.api.order.FindOrderQuery;
import dev.orderflow.api.order.OrderView;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.GenericSubscriptionQueryMessage;
import org.axonframework.queryhandling.SimpleQueryUpdateEmitter;
import org.axonframework.queryhandling.UpdateHandlerRegistration;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Which subscribed queries a projection sees, on Axon's own update emitter (no Spring, no database). */
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
        assertThat(updates.subscribed(FindOrderQuery.class))
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

    private UpdateHandlerRegistration<Object> subscribe(Object query) {
        return emitter.registerUpdateHandler(new GenericSubscriptionQueryMessage<>(
                query, ResponseTypes.optionalInstanceOf(OrderView.class), ResponseTypes.instanceOf(OrderView.class)), 8);
    }
}
