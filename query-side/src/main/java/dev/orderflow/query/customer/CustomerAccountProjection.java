package dev.orderflow.query.customer;

import dev.orderflow.api.customer.CreditLimitChangedEvent;
import dev.orderflow.api.customer.CreditReleasedEvent;
import dev.orderflow.api.customer.CreditReservationDeclinedEvent;
import dev.orderflow.api.customer.CreditReservedEvent;
import dev.orderflow.api.customer.CustomerRegisteredEvent;
import dev.orderflow.api.customer.CustomerRenamedEvent;
import dev.orderflow.api.customer.FindCustomerQuery;
import dev.orderflow.api.inventory.StockReservedEvent;
import dev.orderflow.api.order.OrderCancelledEvent;
import dev.orderflow.api.order.OrderConfirmedEvent;
import dev.orderflow.api.order.OrderPlacedEvent;
import dev.orderflow.api.order.OrderRejectedEvent;
import dev.orderflow.api.order.OrderStatus;
import dev.orderflow.query.ProjectionProcessors;
import dev.orderflow.query.ViewUpdates;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ReplayStatus;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Builds the customer accounts: a customer's details, how many orders they placed (whatever became of them)
 * and the amount they spent, that is the total of their orders that are confirmed now. An order's total is
 * what its stock reservations priced its lines at (quantity times the reserved unit price), the same total
 * the order history shows once every line is reserved.
 * <p>
 * The totals are kept up to date change by change, not recomputed from all of a customer's orders on every
 * event (that grew with each customer's history and was most of this processor's work). An order counts once,
 * when its row is created. The amount spent changes by an order's line total when the order moves into or
 * out of CONFIRMED, and by a line's new amount less its old one when a reservation prices a line of an order
 * that is confirmed. So it stays the total of the lines of the orders confirmed now.
 * <p>
 * Idempotent: customer and order events are skipped at or below the sequence number already applied, a
 * placed order already recorded is skipped, and line amounts are overwritten, so a redelivered event changes
 * no total (a line priced again at the same amount differs by zero). Runs on one segment: it joins customer,
 * order and product events (see {@link dev.orderflow.query.ProjectionProcessors}).
 */
@Component
@ProcessingGroup(ProjectionProcessors.CUSTOMER_ACCOUNTS)
class CustomerAccountProjection {

    private final CustomerAccountRepository accounts;
    private final CustomerOrderRepository orders;
    private final CustomerOrderLineRepository lines;
    private final CustomerQueries queries;
    private final ViewUpdates updates;

    CustomerAccountProjection(CustomerAccountRepository accounts, CustomerOrderRepository orders,
                              CustomerOrderLineRepository lines, CustomerQueries queries, ViewUpdates updates) {
        this.accounts = accounts;
        this.orders = orders;
        this.lines = lines;
        this.queries = queries;
        this.updates = updates;
    }

    @EventHandler
    void on(CustomerRegisteredEvent event, @SequenceNumber long sequenceNumber, ReplayStatus replay) {
        if (accounts.existsById(event.customerId())) {
            return; // registered before: delivered again
        }
        CustomerAccount account = new CustomerAccount(event.customerId(), event.name(), event.email(),
                event.creditLimit().amount(), sequenceNumber);
        // An order needs a registered customer, so its events should come after the registration; should one
        // not, the order was recorded without an account to count it, and counts now, once.
        long earlierOrders = orders.countByCustomerId(event.customerId());
        if (earlierOrders > 0) {
            account.includeEarlierOrders(earlierOrders, orders.sumOfLines(event.customerId(), OrderStatus.CONFIRMED));
        }
        accounts.save(account);
        publish(event.customerId(), replay);
    }

    @EventHandler
    void on(CustomerRenamedEvent event, @SequenceNumber long sequenceNumber, ReplayStatus replay) {
        applyCustomerEvent(event.customerId(), sequenceNumber, replay, account -> account.rename(event.name()));
    }

    @EventHandler
    void on(CreditLimitChangedEvent event, @SequenceNumber long sequenceNumber, ReplayStatus replay) {
        applyCustomerEvent(event.customerId(), sequenceNumber, replay,
                account -> account.changeCreditLimit(event.creditLimit().amount()));
    }

    @EventHandler
    void on(CreditReservedEvent event, @SequenceNumber long sequenceNumber, ReplayStatus replay) {
        applyCustomerEvent(event.customerId(), sequenceNumber, replay, account -> account.holdCredit(event.amount().amount()));
    }

    // A declined hold changes nothing the account shows, but it is an event of the customer: the account moves to
    // its version, so a client waiting for the version a command answered with is not kept waiting.

    @EventHandler
    void on(CreditReservationDeclinedEvent event, @SequenceNumber long sequenceNumber, ReplayStatus replay) {
        applyCustomerEvent(event.customerId(), sequenceNumber, replay, account -> {
        });
    }

    @EventHandler
    void on(CreditReleasedEvent event, @SequenceNumber long sequenceNumber, ReplayStatus replay) {
        applyCustomerEvent(event.customerId(), sequenceNumber, replay, account -> account.releaseCredit(event.amount().amount()));
    }

    @EventHandler
    void on(OrderPlacedEvent event, @SequenceNumber long sequenceNumber, ReplayStatus replay) {
        if (orders.existsById(event.orderId())) {
            return;
        }
        orders.save(new CustomerOrder(event.orderId(), event.customerId(), sequenceNumber));
        accounts.findById(event.customerId()).ifPresent(CustomerAccount::countNewOrder);
        publish(event.customerId(), replay);
    }

    @EventHandler
    void on(StockReservedEvent event, ReplayStatus replay) {
        orders.findById(event.orderId()).ifPresent(order -> {
            BigDecimal amount = event.unitPrice().amount().multiply(BigDecimal.valueOf(event.quantity().value()));
            Optional<CustomerOrderLine> line = lines.findById(new CustomerOrderLine.Key(event.orderId(), event.productId()));
            BigDecimal previousAmount = line.map(CustomerOrderLine::amount).orElse(BigDecimal.ZERO);
            line.ifPresentOrElse(
                    priced -> priced.priceAt(amount),
                    () -> lines.save(new CustomerOrderLine(event.orderId(), event.productId(), amount)));
            if (order.status() == OrderStatus.CONFIRMED) {
                spend(order.customerId(), amount.subtract(previousAmount));
            }
            publish(order.customerId(), replay);
        });
    }

    @EventHandler
    void on(OrderConfirmedEvent event, @SequenceNumber long sequenceNumber, ReplayStatus replay) {
        moveOrder(event.orderId(), OrderStatus.CONFIRMED, sequenceNumber, replay);
    }

    @EventHandler
    void on(OrderRejectedEvent event, @SequenceNumber long sequenceNumber, ReplayStatus replay) {
        moveOrder(event.orderId(), OrderStatus.REJECTED, sequenceNumber, replay);
    }

    @EventHandler
    void on(OrderCancelledEvent event, @SequenceNumber long sequenceNumber, ReplayStatus replay) {
        moveOrder(event.orderId(), OrderStatus.CANCELLED, sequenceNumber, replay);
    }

    @ResetHandler
    void reset() {
        lines.deleteAllInBatch();
        orders.deleteAllInBatch();
        accounts.deleteAllInBatch();
    }

    private void applyCustomerEvent(UUID customerId, long sequenceNumber, ReplayStatus replay,
                                    Consumer<CustomerAccount> change) {
        accounts.findById(customerId)
                .filter(account -> !account.hasApplied(sequenceNumber))
                .ifPresent(account -> {
                    change.accept(account);
                    account.advanceTo(sequenceNumber);
                    publish(customerId, replay);
                });
    }

    private void moveOrder(UUID orderId, OrderStatus status, long sequenceNumber, ReplayStatus replay) {
        orders.findById(orderId).ifPresent(order -> {
            boolean wasConfirmed = order.status() == OrderStatus.CONFIRMED;
            if (!order.moveTo(status, sequenceNumber)) {
                return; // applied before: delivered again
            }
            boolean isConfirmed = status == OrderStatus.CONFIRMED;
            if (isConfirmed != wasConfirmed) {
                BigDecimal orderTotal = lines.totalOfOrder(orderId);
                spend(order.customerId(), isConfirmed ? orderTotal : orderTotal.negate());
            }
            publish(order.customerId(), replay);
        });
    }

    private void spend(UUID customerId, BigDecimal difference) {
        if (difference.signum() != 0) {
            accounts.findById(customerId).ifPresent(account -> account.spend(difference));
        }
    }

    private void publish(UUID customerId, ReplayStatus replay) {
        if (replay.isReplay()) {
            return;
        }
        updates.publishAfterCommit(FindCustomerQuery.class, customerId,
                watched -> watched.customerId().equals(customerId), watched -> queries.find(customerId));
    }
}
