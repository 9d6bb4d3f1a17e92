package dev.orderflow.query.order;

import dev.orderflow.api.customer.CustomerRegisteredEvent;
import dev.orderflow.api.customer.CustomerRenamedEvent;
import dev.orderflow.api.inventory.ProductAddedEvent;
import dev.orderflow.api.inventory.ProductPriceChangedEvent;
import dev.orderflow.api.inventory.ProductRenamedEvent;
import dev.orderflow.api.inventory.StockReservedEvent;
import dev.orderflow.api.order.FindOrderQuery;
import dev.orderflow.api.order.OrderCancelledEvent;
import dev.orderflow.api.order.OrderConfirmedEvent;
import dev.orderflow.api.order.OrderLine;
import dev.orderflow.api.order.OrderPlacedEvent;
import dev.orderflow.api.order.OrderRejectedEvent;
import dev.orderflow.api.order.OrderShippedEvent;
import dev.orderflow.api.order.OrderView;
import dev.orderflow.api.shipping.ShipmentCancelledEvent;
import dev.orderflow.api.shipping.ShipmentDispatchedEvent;
import dev.orderflow.api.shipping.ShipmentScheduledEvent;
import dev.orderflow.api.shipping.ShipmentStatus;
import dev.orderflow.query.ProjectionProcessors;
import dev.orderflow.query.ViewUpdates;
import jakarta.persistence.EntityManager;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ReplayStatus;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Builds the order history: each order with its customer's and products' names and its prices.
 * <p>
 * Names are copies. The projection keeps its own table of customer names and of product names and
 * catalogue prices (from the customer and product events), writes them on an order when it is placed,
 * and writes a new name on every existing order and line when a customer or product is renamed.
 * <p>
 * A line's unit price is the catalogue price when the order was placed, until the stock is reserved: the
 * reservation's price replaces it (and {@code priceReserved} turns true), since that is what the customer
 * pays. The total follows the lines.
 * <p>
 * The order's status is the order aggregate's ({@code PENDING}, {@code CONFIRMED}, {@code REJECTED},
 * {@code CANCELLED}); beside it the order shows its latest shipment's status, from the shipment events, so
 * that a dispatched order shows that it has left.
 * <p>
 * Idempotent: order events carry the order's sequence number and are skipped at or below the version
 * already applied; everything else overwrites with the same values when delivered again. Runs on one
 * segment (see {@link ProjectionProcessors}), so a rename and the orders it applies to are handled in the
 * order they happened. Subscription-query updates are a side effect for live readers only: they are not
 * sent during a replay.
 */
@Component
@ProcessingGroup(ProjectionProcessors.ORDER_HISTORY)
class OrderHistoryProjection {

    private final OrderEntryRepository orders;
    private final OrderLineEntryRepository lines;
    private final OrderCustomerCopyRepository customers;
    private final OrderProductCopyRepository products;
    private final OrderQueries queries;
    private final ViewUpdates updates;
    private final EntityManager entityManager;

    OrderHistoryProjection(OrderEntryRepository orders, OrderLineEntryRepository lines,
                           OrderCustomerCopyRepository customers, OrderProductCopyRepository products,
                           OrderQueries queries, ViewUpdates updates, EntityManager entityManager) {
        this.entityManager = entityManager;
        this.orders = orders;
        this.lines = lines;
        this.customers = customers;
        this.products = products;
        this.queries = queries;
        this.updates = updates;
    }

    @EventHandler
    void on(CustomerRegisteredEvent event) {
        copyCustomerName(event.customerId(), event.name());
    }

    @EventHandler
    void on(CustomerRenamedEvent event, ReplayStatus replay) {
        copyCustomerName(event.customerId(), event.name());
        orders.copyCustomerName(event.customerId(), event.name());
        publishWhere(List.of("customer", event.customerId()), view -> view.customerId().equals(event.customerId()), replay);
    }

    @EventHandler
    void on(ProductAddedEvent event) {
        find(OrderProductCopy.class, event.productId()).ifPresentOrElse(
                product -> {
                    product.rename(event.name());
                    product.reprice(event.price().amount());
                },
                () -> entityManager.persist(new OrderProductCopy(event.productId(), event.name(), event.price().amount())));
    }

    @EventHandler
    void on(ProductRenamedEvent event, ReplayStatus replay) {
        find(OrderProductCopy.class, event.productId()).ifPresent(product -> product.rename(event.name()));
        lines.copyProductName(event.productId(), event.name());
        publishWhere(List.of("product", event.productId()),
                view -> view.lines().stream().anyMatch(line -> line.productId().equals(event.productId())), replay);
    }

    @EventHandler
    void on(ProductPriceChangedEvent event) {
        // Only orders placed from now on start from the new price; existing lines keep theirs.
        find(OrderProductCopy.class, event.productId()).ifPresent(product -> product.reprice(event.price().amount()));
    }

    @EventHandler
    void on(OrderPlacedEvent event, @SequenceNumber long sequenceNumber, @Timestamp Instant at, ReplayStatus replay) {
        // Lookups by id: they answer from the batch's persistence context when they can (the batch's lookups put
        // them there), and unlike a query they do not make Hibernate write the batch's pending inserts first.
        OrderBatchLookups batch = OrderBatchLookups.ofCurrentBatch(entityManager);
        boolean certainlyNew = batch != null && batch.isNotStored(event.orderId());
        if (!certainlyNew && find(OrderEntry.class, event.orderId()).isPresent()) {
            return; // placed before: delivered again
        }
        String customerName = find(OrderCustomerCopy.class, event.customerId()).map(OrderCustomerCopy::name).orElse(null);
        Map<UUID, OrderProductCopy> catalogue = new HashMap<>();
        for (OrderLine line : event.lines()) {
            find(OrderProductCopy.class, line.productId()).ifPresent(product -> catalogue.put(product.getId(), product));
        }
        List<OrderLineEntry> orderLines = new ArrayList<>();
        for (int number = 0; number < event.lines().size(); number++) {
            OrderLine line = event.lines().get(number);
            OrderProductCopy product = catalogue.get(line.productId());
            orderLines.add(new OrderLineEntry(event.orderId(), line.productId(), number,
                    product == null ? null : product.name(), line.quantity().value(),
                    product == null ? null : product.price()));
        }
        OrderEntry order = new OrderEntry(event.orderId(), event.customerId(), customerName, at, sequenceNumber);
        order.totalOf(orderLines);
        entityManager.persist(order);
        orderLines.forEach(entityManager::persist);
        if (batch != null) {
            batch.placed(event.orderId());
        }
        publish(event.orderId(), replay);
    }

    @EventHandler
    void on(StockReservedEvent event, @Timestamp Instant at, ReplayStatus replay) {
        find(OrderEntry.class, event.orderId()).ifPresent(order ->
                find(OrderLineEntry.class, new OrderLineEntry.Key(event.orderId(), event.productId())).ifPresent(line -> {
                    BigDecimal before = line.amount();
                    line.reservedAt(event.unitPrice().amount());
                    order.lineRepriced(before, line.amount());
                    order.touch(at);
                    publish(event.orderId(), replay);
                }));
    }

    @EventHandler
    void on(OrderConfirmedEvent event, @SequenceNumber long sequenceNumber, @Timestamp Instant at, ReplayStatus replay) {
        applyOrderEvent(event.orderId(), sequenceNumber, at, replay, OrderEntry::confirm);
    }

    @EventHandler
    void on(OrderRejectedEvent event, @SequenceNumber long sequenceNumber, @Timestamp Instant at, ReplayStatus replay) {
        applyOrderEvent(event.orderId(), sequenceNumber, at, replay, order -> order.reject(event.reason()));
    }

    @EventHandler
    void on(OrderCancelledEvent event, @SequenceNumber long sequenceNumber, @Timestamp Instant at, ReplayStatus replay) {
        applyOrderEvent(event.orderId(), sequenceNumber, at, replay, OrderEntry::cancel);
    }

    @EventHandler
    void on(ShipmentScheduledEvent event, @Timestamp Instant at, ReplayStatus replay) {
        find(OrderEntry.class, event.orderId())
              .filter(order -> order.shipmentScheduled(event.shipmentId()))
              .ifPresent(order -> {
                  order.touch(at);
                  publish(event.orderId(), replay);
              });
    }

    @EventHandler
    void on(ShipmentDispatchedEvent event, @Timestamp Instant at, ReplayStatus replay) {
        moveShipment(event.orderId(), event.shipmentId(), ShipmentStatus.DISPATCHED, at, replay);
    }

    @EventHandler
    void on(ShipmentCancelledEvent event, @Timestamp Instant at, ReplayStatus replay) {
        moveShipment(event.orderId(), event.shipmentId(), ShipmentStatus.CANCELLED, at, replay);
    }

    @EventHandler
    void on(OrderShippedEvent event, @SequenceNumber long sequenceNumber, @Timestamp Instant at, ReplayStatus replay) {
        // The status stays CONFIRMED (the shipment's events show it leaving); the order only moves to the new
        // version, so a client waiting for the version its command answered with is not kept waiting.
        applyOrderEvent(event.orderId(), sequenceNumber, at, replay, order -> {
        });
    }

    @ResetHandler
    void reset() {
        lines.deleteAllInBatch();
        orders.deleteAllInBatch();
        customers.deleteAllInBatch();
        products.deleteAllInBatch();
    }

    /**
     * A row by id, from the entity manager itself rather than through a repository: a replay looks up rows for
     * nearly every event, and each call through a repository's proxy costs a round of its interceptors
     * (transaction, exception translation) on top. Rows are stored with {@code persist} for the same reason.
     */
    private <E> Optional<E> find(Class<E> type, Object id) {
        return Optional.ofNullable(entityManager.find(type, id));
    }

    private void copyCustomerName(UUID customerId, String name) {
        find(OrderCustomerCopy.class, customerId).ifPresentOrElse(
                customer -> customer.rename(name),
                () -> entityManager.persist(new OrderCustomerCopy(customerId, name)));
    }

    /**
     * Shipment events carry the shipment's sequence number, not the order's, so they do not move the order's
     * version; a shipment's events come in order (one segment), and applying one twice changes nothing.
     */
    private void moveShipment(UUID orderId, UUID shipmentId, ShipmentStatus status, Instant at, ReplayStatus replay) {
        find(OrderEntry.class, orderId)
              .filter(order -> order.shipmentMoved(shipmentId, status))
              .ifPresent(order -> {
                  order.touch(at);
                  publish(orderId, replay);
              });
    }

    private void applyOrderEvent(UUID orderId, long sequenceNumber, Instant at, ReplayStatus replay,
                                 Consumer<OrderEntry> change) {
        find(OrderEntry.class, orderId)
              .filter(order -> !order.hasApplied(sequenceNumber))
              .ifPresent(order -> {
                  change.accept(order);
                  order.advanceTo(sequenceNumber, at);
                  publish(orderId, replay);
              });
    }

    /** Sends the order's current view to the subscriptions that watch it; the other watched orders are not read. */
    private void publish(UUID orderId, ReplayStatus replay) {
        if (replay.isReplay()) {
            return;
        }
        updates.publishAfterCommit(FindOrderQuery.class, orderId, watched -> watched.orderId().equals(orderId),
                watched -> queries.find(orderId));
    }

    /**
     * Sends the current view of every subscribed order the change affects, for a change (a customer's or a
     * product's name) that can touch orders the event does not name: each subscribed order is read to find out.
     */
    private void publishWhere(Object changed, Predicate<OrderView> affected, ReplayStatus replay) {
        if (replay.isReplay()) {
            return;
        }
        updates.publishAfterCommit(FindOrderQuery.class, changed, watched -> true,
                watched -> queries.find(watched.orderId()).filter(affected));
    }
}
