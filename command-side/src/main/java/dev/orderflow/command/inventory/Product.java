package dev.orderflow.command.inventory;

import dev.orderflow.api.inventory.AddProductCommand;
import dev.orderflow.api.inventory.ChangePriceCommand;
import dev.orderflow.api.inventory.ProductAddedEvent;
import dev.orderflow.api.inventory.ProductPriceChangedEvent;
import dev.orderflow.api.inventory.ProductRenamedEvent;
import dev.orderflow.api.inventory.ProductRestockedEvent;
import dev.orderflow.api.inventory.ReleaseStockCommand;
import dev.orderflow.api.inventory.RenameProductCommand;
import dev.orderflow.api.inventory.ReserveStockCommand;
import dev.orderflow.api.inventory.RestockProductCommand;
import dev.orderflow.api.inventory.ShipStockCommand;
import dev.orderflow.api.inventory.StockReleasedEvent;
import dev.orderflow.api.inventory.StockReservationRejectedEvent;
import dev.orderflow.api.inventory.StockReservedEvent;
import dev.orderflow.api.inventory.StockShippedEvent;
import dev.orderflow.api.refusal.DomainException;
import dev.orderflow.api.shared.Money;
import dev.orderflow.api.shared.Quantity;
import dev.orderflow.command.RecentlyClosedRequests;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A product in the catalogue and its stock: units on hand, some of them reserved for orders until
 * the order ships (the units leave) or is given up (the reservation is released). Stock never goes
 * negative: a reservation larger than what is available is rejected, not taken.
 */
@Aggregate(cache = "productCache", snapshotTriggerDefinition = "aggregateSnapshotTrigger")
// The snapshot's shape: revision 2 bounds the answered orders; Axon skips snapshots of another revision and
// rebuilds such a product from its events.
@Revision("2")
public class Product {

    static final int MAX_NAME_LENGTH = 200;
    public static final int MAX_STOCK = 100_000_000;

    @AggregateIdentifier
    private UUID productId;
    private String name;
    private Money price;
    private int onHand;
    private final Map<UUID, Quantity> reservedByOrder = new HashMap<>();
    /** Orders whose reservation was rejected, released or shipped lately: a repeat gets no second answer. */
    private final RecentlyClosedRequests closedOrders = new RecentlyClosedRequests();

    protected Product() {
        // for Axon: rebuilt from events
    }

    @CommandHandler
    public Product(AddProductCommand command) {
        requireName(command.name());
        if (command.stock() < 0) {
            throw DomainException.ruleViolated("Stock cannot be negative");
        }
        if (command.stock() > MAX_STOCK) {
            throw DomainException.ruleViolated("Stock cannot exceed " + MAX_STOCK);
        }
        apply(new ProductAddedEvent(command.productId(), command.name().strip(), command.price(), command.stock()));
    }

    @CommandHandler
    public long handle(RenameProductCommand command) {
        requireName(command.name());
        if (!command.name().strip().equals(name)) {
            apply(new ProductRenamedEvent(productId, command.name().strip()));
        }
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    public long handle(ChangePriceCommand command) {
        if (command.price().compareTo(price) != 0) {
            apply(new ProductPriceChangedEvent(productId, command.price()));
        }
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    public long handle(RestockProductCommand command) {
        if ((long) onHand + command.quantity().value() > MAX_STOCK) {
            throw DomainException.ruleViolated("Stock cannot exceed " + MAX_STOCK + "; " + onHand + " on hand");
        }
        apply(new ProductRestockedEvent(productId, command.quantity()));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    public void handle(ReserveStockCommand command) {
        if (reservedByOrder.containsKey(command.orderId()) || closedOrders.contains(command.orderId())) {
            return;
        }
        int available = available();
        if (command.quantity().value() > available) {
            apply(new StockReservationRejectedEvent(productId, command.orderId(), command.quantity(), available));
        } else {
            apply(new StockReservedEvent(productId, command.orderId(), command.quantity(), price));
        }
    }

    @CommandHandler
    public void handle(ReleaseStockCommand command) {
        Quantity reserved = reservedByOrder.get(command.orderId());
        if (reserved != null) {
            apply(new StockReleasedEvent(productId, command.orderId(), reserved));
        }
    }

    @CommandHandler
    public void handle(ShipStockCommand command) {
        Quantity reserved = reservedByOrder.get(command.orderId());
        if (reserved != null) {
            apply(new StockShippedEvent(productId, command.orderId(), reserved));
        }
    }

    private int available() {
        return onHand - reservedByOrder.values().stream().mapToInt(Quantity::value).sum();
    }

    private static void requireName(String name) {
        if (name == null || name.isBlank()) {
            throw DomainException.ruleViolated("A product needs a name");
        }
        if (name.strip().length() > MAX_NAME_LENGTH) {
            throw DomainException.ruleViolated("A product name has at most " + MAX_NAME_LENGTH + " characters");
        }
    }

    @EventSourcingHandler
    void on(ProductAddedEvent event) {
        productId = event.productId();
        name = event.name();
        price = event.price();
        onHand = event.onHand();
    }

    @EventSourcingHandler
    void on(ProductRenamedEvent event) {
        name = event.name();
    }

    @EventSourcingHandler
    void on(ProductPriceChangedEvent event) {
        price = event.price();
    }

    @EventSourcingHandler
    void on(ProductRestockedEvent event) {
        onHand += event.quantity().value();
    }

    @EventSourcingHandler
    void on(StockReservedEvent event) {
        reservedByOrder.put(event.orderId(), event.quantity());
    }

    @EventSourcingHandler
    void on(StockReservationRejectedEvent event) {
        closedOrders.closed(event.orderId());
    }

    @EventSourcingHandler
    void on(StockReleasedEvent event) {
        reservedByOrder.remove(event.orderId());
        closedOrders.closed(event.orderId());
    }

    @EventSourcingHandler
    void on(StockShippedEvent event) {
        reservedByOrder.remove(event.orderId());
        closedOrders.closed(event.orderId());
        onHand -= event.quantity().value();
    }
}
