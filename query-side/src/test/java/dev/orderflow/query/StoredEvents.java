package dev.orderflow.query;

import dev.orderflow.api.customer.CustomerRegisteredEvent;
import dev.orderflow.api.inventory.ProductAddedEvent;
import dev.orderflow.api.inventory.StockReservedEvent;
import dev.orderflow.api.order.OrderLine;
import dev.orderflow.api.order.OrderPlacedEvent;
import dev.orderflow.api.shared.Money;
import dev.orderflow.api.shared.Quantity;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * Appends events to the real event store as the aggregates would: domain events with the aggregate's next
 * sequence number, committed in a unit of work with a transaction, so the projections' processors pick them
 * up exactly as they pick up the command side's. Also the "mothers" that build small, unique test data.
 */
public final class StoredEvents {

    private final EventStore store;
    private final TransactionManager transactions;
    private final List<DomainEventMessage<?>> published = new ArrayList<>();

    public StoredEvents(EventStore store, TransactionManager transactions) {
        this.store = store;
        this.transactions = transactions;
    }

    /** Appends the payloads as the next events of the aggregate, in one transaction. */
    public List<DomainEventMessage<?>> publish(String aggregateType, UUID aggregateId, Object... payloads) {
        return publish(MetaData.emptyInstance(), aggregateType, aggregateId, payloads);
    }

    /** Appends the payloads with this metadata (a correlation id, say) as the next events of the aggregate. */
    public synchronized List<DomainEventMessage<?>> publish(MetaData metaData, String aggregateType, UUID aggregateId,
                                                            Object... payloads) {
        List<DomainEventMessage<?>> messages = new ArrayList<>();
        DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        unitOfWork.attachTransaction(transactions);
        ResultMessage<?> result = unitOfWork.executeWithResult(() -> {
            long next = store.lastSequenceNumberFor(aggregateId.toString()).map(last -> last + 1).orElse(0L);
            for (Object payload : payloads) {
                messages.add(new GenericDomainEventMessage<>(aggregateType, aggregateId.toString(), next++, payload, metaData));
            }
            store.publish(messages);
            return null;
        });
        if (result.isExceptional()) {
            throw new IllegalStateException("Could not append " + Arrays.toString(payloads), result.exceptionResult());
        }
        published.addAll(messages);
        return messages;
    }

    /** Everything this instance published, in the order it was published (the order the processors saw it in). */
    public synchronized List<DomainEventMessage<?>> published() {
        return List.copyOf(published);
    }

    public UUID customer(String name) {
        return customer(name, "1000.00");
    }

    public UUID customer(String name, String creditLimit) {
        UUID customerId = UUID.randomUUID();
        publish("Customer", customerId, new CustomerRegisteredEvent(customerId, name,
                "c-" + customerId + "@example.com", Money.of(creditLimit)));
        return customerId;
    }

    public UUID product(String name, String price, int onHand) {
        UUID productId = UUID.randomUUID();
        publish("Product", productId, new ProductAddedEvent(productId, name, Money.of(price), onHand));
        return productId;
    }

    public UUID order(UUID customerId, OrderLine... lines) {
        UUID orderId = UUID.randomUUID();
        publish("Order", orderId, new OrderPlacedEvent(orderId, customerId, List.of(lines)));
        return orderId;
    }

    public void reserve(UUID productId, UUID orderId, int quantity, String unitPrice) {
        publish("Product", productId, new StockReservedEvent(productId, orderId, Quantity.of(quantity), Money.of(unitPrice)));
    }

    public static OrderLine line(UUID productId, int quantity) {
        return new OrderLine(productId, Quantity.of(quantity));
    }
}
