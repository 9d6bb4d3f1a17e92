package dev.orderflow.query.order;

import dev.orderflow.api.order.OrderLine;
import dev.orderflow.api.order.OrderPlacedEvent;
import jakarta.persistence.EntityManager;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.hibernate.Session;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * What the orders placed in a batch of events look up, read in three statements when the batch places its first
 * order instead of one by one: whether each order exists already (it does only when delivered again), and the
 * copies of their customers and products, which then answer from the batch's persistence context. During a
 * replay that turns several round trips per order into three per batch.
 * <p>
 * Only within a streaming processor's batch; anywhere else (a retry of dead letters) orders look up one by one.
 */
final class OrderBatchLookups {

    private static final String RESOURCE = OrderBatchLookups.class.getName();

    /** Orders of the batch that were not stored when it began; placing one removes it. */
    private final Set<UUID> notStored;

    private OrderBatchLookups(Set<UUID> notStored) {
        this.notStored = notStored;
    }

    /** The lookups of the current batch, read at the first call of the batch; null outside a batch. */
    static OrderBatchLookups ofCurrentBatch(EntityManager entityManager) {
        if (!CurrentUnitOfWork.isStarted() || !(CurrentUnitOfWork.get() instanceof BatchingUnitOfWork<?> batch)) {
            return null;
        }
        return batch.getOrComputeResource(RESOURCE, key -> read(entityManager, batch.getMessages()));
    }

    /** Whether the order certainly is not stored yet, so placing it needs no lookup. */
    boolean isNotStored(UUID orderId) {
        return notStored.contains(orderId);
    }

    void placed(UUID orderId) {
        notStored.remove(orderId);
    }

    private static OrderBatchLookups read(EntityManager entityManager, List<? extends Message<?>> messages) {
        Set<UUID> orderIds = new LinkedHashSet<>();
        Set<UUID> customerIds = new LinkedHashSet<>();
        Set<UUID> productIds = new LinkedHashSet<>();
        for (Message<?> message : messages) {
            OrderPlacedEvent placed = placedOrNull(message);
            if (placed != null) {
                orderIds.add(placed.orderId());
                customerIds.add(placed.customerId());
                placed.lines().stream().map(OrderLine::productId).forEach(productIds::add);
            }
        }
        Session session = entityManager.unwrap(Session.class);
        Set<UUID> notStored = new HashSet<>(orderIds);
        // Loaded into the persistence context, where the handlers' lookups by id find them.
        session.byMultipleIds(OrderEntry.class).enableSessionCheck(true).multiLoad(new ArrayList<>(orderIds))
               .stream().filter(Objects::nonNull).map(OrderEntry::orderId).forEach(notStored::remove);
        session.byMultipleIds(OrderCustomerCopy.class).enableSessionCheck(true).multiLoad(new ArrayList<>(customerIds));
        session.byMultipleIds(OrderProductCopy.class).enableSessionCheck(true).multiLoad(new ArrayList<>(productIds));
        return new OrderBatchLookups(notStored);
    }

    /**
     * The event's payload if it places an order. One that cannot be read is left to its own handler to fail on:
     * failing here would blame whichever event of the batch came first.
     */
    private static OrderPlacedEvent placedOrNull(Message<?> message) {
        if (!(message instanceof EventMessage<?> event) || !OrderPlacedEvent.class.equals(event.getPayloadType())) {
            return null;
        }
        try {
            return (OrderPlacedEvent) event.getPayload();
        } catch (RuntimeException unreadable) {
            return null;
        }
    }
}
