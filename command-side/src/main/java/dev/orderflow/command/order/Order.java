package dev.orderflow.command.order;

import dev.orderflow.api.order.CancelOrderCommand;
import dev.orderflow.api.order.ConfirmOrderCommand;
import dev.orderflow.api.order.MarkOrderShippedCommand;
import dev.orderflow.api.order.OrderCancelledEvent;
import dev.orderflow.api.order.OrderConfirmedEvent;
import dev.orderflow.api.order.OrderLine;
import dev.orderflow.api.order.OrderPlacedEvent;
import dev.orderflow.api.order.OrderRejectedEvent;
import dev.orderflow.api.order.OrderShippedEvent;
import dev.orderflow.api.order.OrderStatus;
import dev.orderflow.api.order.PlaceOrderCommand;
import dev.orderflow.api.order.RejectOrderCommand;
import dev.orderflow.api.refusal.DomainException;
import dev.orderflow.command.KnownAggregates;
import dev.orderflow.command.customer.Customer;
import dev.orderflow.command.inventory.Product;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * An order: placed by a customer, then confirmed or rejected by the fulfilment saga, or cancelled by
 * the customer until it ships. Commands the saga may deliver twice change nothing the second time.
 */
@Aggregate(cache = "orderCache", snapshotTriggerDefinition = "aggregateSnapshotTrigger")
public class Order {

    static final int MAX_LINES = 100;
    private static final String CUSTOMER = Customer.class.getSimpleName();
    private static final String PRODUCT = Product.class.getSimpleName();

    @AggregateIdentifier
    private UUID orderId;
    private OrderStatus status;
    private boolean shipped;

    protected Order() {
        // for Axon: rebuilt from events
    }

    @CommandHandler
    public Order(PlaceOrderCommand command, KnownAggregates known) {
        if (command.customerId() == null) {
            throw DomainException.ruleViolated("An order needs a customer");
        }
        if (command.lines().isEmpty()) {
            throw DomainException.ruleViolated("An order needs at least one line");
        }
        if (command.lines().size() > MAX_LINES) {
            throw DomainException.ruleViolated("An order has at most " + MAX_LINES + " lines");
        }
        var products = new HashSet<UUID>();
        for (OrderLine line : command.lines()) {
            if (!products.add(line.productId())) {
                throw DomainException.ruleViolated("Product " + line.productId() + " appears on more than one line");
            }
        }
        requireReferencesExist(command, known);
        apply(new OrderPlacedEvent(command.orderId(), command.customerId(), command.lines()));
    }

    /**
     * The customer and every product must exist as what the order takes them for: an id of another kind would be
     * accepted here and only fail in the fulfilment saga, so it is refused before anything is stored.
     */
    private static void requireReferencesExist(PlaceOrderCommand command, KnownAggregates known) {
        var ids = new ArrayList<UUID>();
        ids.add(command.customerId());
        command.lines().forEach(line -> ids.add(line.productId()));
        Map<UUID, String> types = known.typesOf(ids);
        requireType("customerId", command.customerId(), CUSTOMER, types);
        for (int i = 0; i < command.lines().size(); i++) {
            requireType("lines[" + i + "].productId", command.lines().get(i).productId(), PRODUCT, types);
        }
    }

    private static void requireType(String field, UUID id, String type, Map<UUID, String> types) {
        String actual = types.get(id);
        if (actual == null) {
            throw DomainException.notFound(field + ": no " + type.toLowerCase(Locale.ROOT) + " has id " + id);
        }
        if (!actual.equals(type)) {
            throw DomainException.notFound(field + ": " + id + " is the id of a " + actual.toLowerCase(Locale.ROOT)
                    + ", not of a " + type.toLowerCase(Locale.ROOT));
        }
    }

    @CommandHandler
    public void handle(ConfirmOrderCommand command) {
        if (status == OrderStatus.CONFIRMED) {
            return;
        }
        requireStatus(OrderStatus.PENDING, "confirmed");
        apply(new OrderConfirmedEvent(orderId));
    }

    @CommandHandler
    public void handle(RejectOrderCommand command) {
        if (status == OrderStatus.REJECTED) {
            return;
        }
        requireStatus(OrderStatus.PENDING, "rejected");
        apply(new OrderRejectedEvent(orderId, command.reason() == null ? "unspecified" : command.reason()));
    }

    @CommandHandler
    public long handle(CancelOrderCommand command) {
        if (status == OrderStatus.CANCELLED) {
            return AggregateLifecycle.getVersion();
        }
        if (shipped) {
            throw DomainException.ruleViolated("Order " + orderId + " has shipped and can no longer be cancelled");
        }
        if (status == OrderStatus.REJECTED) {
            throw DomainException.ruleViolated("Order " + orderId + " was rejected; there is nothing to cancel");
        }
        apply(new OrderCancelledEvent(orderId));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    public void handle(MarkOrderShippedCommand command) {
        if (shipped) {
            return;
        }
        requireStatus(OrderStatus.CONFIRMED, "shipped");
        apply(new OrderShippedEvent(orderId));
    }

    private void requireStatus(OrderStatus required, String action) {
        if (status != required) {
            throw DomainException.ruleViolated(
                    "Order " + orderId + " is " + status + " and cannot be " + action + "; it must be " + required);
        }
    }

    @EventSourcingHandler
    void on(OrderPlacedEvent event) {
        orderId = event.orderId();
        status = OrderStatus.PENDING;
    }

    @EventSourcingHandler
    void on(OrderConfirmedEvent event) {
        status = OrderStatus.CONFIRMED;
    }

    @EventSourcingHandler
    void on(OrderRejectedEvent event) {
        status = OrderStatus.REJECTED;
    }

    @EventSourcingHandler
    void on(OrderCancelledEvent event) {
        status = OrderStatus.CANCELLED;
    }

    @EventSourcingHandler
    void on(OrderShippedEvent event) {
        shipped = true;
    }
}
