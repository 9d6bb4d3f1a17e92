package dev.orderflow.query.customer;

import dev.orderflow.api.customer.CreditLimitChangedEvent;
import dev.orderflow.api.customer.CreditReleasedEvent;
import dev.orderflow.api.customer.CreditReservationDeclinedEvent;
import dev.orderflow.api.customer.CreditReservedEvent;
import dev.orderflow.api.customer.CustomerRenamedEvent;
import dev.orderflow.api.customer.CustomerView;
import dev.orderflow.api.customer.FindCustomerByOrderQuery;
import dev.orderflow.api.customer.FindCustomerQuery;
import dev.orderflow.api.inventory.StockReservedEvent;
import dev.orderflow.api.order.OrderCancelledEvent;
import dev.orderflow.api.order.OrderConfirmedEvent;
import dev.orderflow.api.order.OrderPlacedEvent;
import dev.orderflow.api.order.OrderRejectedEvent;
import dev.orderflow.api.shared.Money;
import dev.orderflow.query.ProjectionITSupport;
import dev.orderflow.query.Redelivery;
import dev.orderflow.query.StoredEvents;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

import static dev.orderflow.query.StoredEvents.line;
import static org.assertj.core.api.Assertions.assertThat;

class CustomerAccountProjectionIT extends ProjectionITSupport {

    @Autowired
    CustomerAccountProjection projection;

    @Test
    void aRegisteredCustomerHasAnAccountWithoutOrders() {
        UUID customer = events.customer("Ada Lovelace", "500.00");

        CustomerView view = awaitCustomer(customer, registered -> true);

        assertThat(view.name()).isEqualTo("Ada Lovelace");
        assertThat(view.email()).isEqualTo("c-" + customer + "@example.com");
        assertThat(view.creditLimit()).isEqualTo(Money.of("500.00"));
        assertThat(view.orderCount()).isZero();
        assertThat(view.amountSpent()).isEqualByComparingTo("0");
        assertThat(view.version()).isZero();
    }

    @Test
    void renamingACustomerRenamesTheAccount() {
        UUID customer = events.customer("Grace Hopper");

        events.publish("Customer", customer, new CustomerRenamedEvent(customer, "Rear Admiral Hopper"));

        assertThat(awaitCustomer(customer, renamed -> renamed.version() == 1).name()).isEqualTo("Rear Admiral Hopper");
    }

    @Test
    void changingTheCreditLimitChangesTheAccount() {
        UUID customer = events.customer("Alan Turing", "100.00");

        events.publish("Customer", customer, new CreditLimitChangedEvent(customer, Money.of("250.00")));

        assertThat(awaitCustomer(customer, changed -> changed.version() == 1).creditLimit()).isEqualTo(Money.of("250.00"));
    }

    @Test
    void heldCreditIsWhatReservationsHoldUntilReleased() {
        UUID customer = events.customer("Barbara Liskov", "100.00");
        UUID released = UUID.randomUUID();
        UUID held = UUID.randomUUID();

        events.publish("Customer", customer,
                new CreditReservedEvent(customer, released, Money.of("10.00")),
                new CreditReservedEvent(customer, held, Money.of("25.50")),
                new CreditReleasedEvent(customer, released, Money.of("10.00")),
                new CreditReservationDeclinedEvent(customer, UUID.randomUUID(), Money.of("500.00"), Money.of("74.50")));

        CustomerView view = awaitCustomer(customer, moved -> moved.version() == 4);
        assertThat(view.creditLimit()).isEqualTo(Money.of("100.00"));
        assertThat(view.creditHeld()).isEqualByComparingTo("25.50");
        assertThat(view.availableCredit()).isEqualByComparingTo("74.50");
        assertThat(view.amountSpent()).isEqualByComparingTo("0");
    }

    @Test
    void everyPlacedOrderCountsButOnlyConfirmedOrdersAreSpentAtTheirReservedPrices() {
        UUID customer = events.customer("Donald Knuth");
        UUID book = events.product("Book", "40.00", 10);
        UUID pen = events.product("Pen", "2.00", 10);
        UUID confirmed = events.order(customer, line(book, 1), line(pen, 3));
        events.reserve(book, confirmed, 1, "39.00");
        events.reserve(pen, confirmed, 3, "2.50");
        events.publish("Order", confirmed, new OrderConfirmedEvent(confirmed));
        UUID rejected = events.order(customer, line(book, 1));
        events.reserve(book, rejected, 1, "39.00");
        events.publish("Order", rejected, new OrderRejectedEvent(rejected, "Payment declined"));
        UUID pending = events.order(customer, line(pen, 1));

        CustomerView view = awaitCustomer(customer, counted -> counted.orderCount() == 3
                && counted.amountSpent().compareTo(new BigDecimal("46.50")) == 0);

        assertThat(view.orderCount()).isEqualTo(3);
        assertThat(pending).isNotNull();
    }

    @Test
    void aConfirmedOrderThatIsCancelledNoLongerCountsAsSpent() {
        UUID customer = events.customer("Leslie Lamport");
        UUID clock = events.product("Clock", "20.00", 10);
        UUID order = events.order(customer, line(clock, 2));
        events.reserve(clock, order, 2, "20.00");
        events.publish("Order", order, new OrderConfirmedEvent(order));
        awaitCustomer(customer, spent -> spent.amountSpent().compareTo(new BigDecimal("40.00")) == 0);

        events.publish("Order", order, new OrderCancelledEvent(order));

        CustomerView view = awaitCustomer(customer, cancelled -> cancelled.amountSpent().signum() == 0);
        assertThat(view.orderCount()).isEqualTo(1);
    }

    @Test
    void theCustomerOfAnOrderIsFoundByTheOrder() {
        UUID customer = events.customer("Katherine Johnson");
        UUID order = events.order(customer, line(events.product("Chalk", "0.50", 100), 4));
        awaitCustomer(customer, placed -> placed.orderCount() == 1);

        Optional<CustomerView> found = queries.query(new FindCustomerByOrderQuery(order),
                ResponseTypes.optionalInstanceOf(CustomerView.class)).join();

        assertThat(found).map(CustomerView::customerId).contains(customer);
        assertThat(queries.query(new FindCustomerByOrderQuery(UUID.randomUUID()),
                ResponseTypes.optionalInstanceOf(CustomerView.class)).join()).isEmpty();
    }

    @Test
    void eventsDeliveredTwiceLeaveTheSameAccount() {
        StoredEvents scenario = newScenario();
        UUID customer = scenario.customer("Margaret Hamilton", "300.00");
        UUID rope = scenario.product("Rope", "10.00", 50);
        UUID order = scenario.order(customer, line(rope, 5));
        scenario.reserve(rope, order, 5, "11.00");
        scenario.publish("Order", order, new OrderConfirmedEvent(order));
        scenario.publish("Customer", customer, new CustomerRenamedEvent(customer, "M. Hamilton"),
                new CreditLimitChangedEvent(customer, Money.of("400.00")));
        UUID second = scenario.order(customer, line(rope, 1));
        CustomerView once = awaitCustomer(customer, done -> done.version() == 2 && done.orderCount() == 2
                && done.amountSpent().compareTo(new BigDecimal("55.00")) == 0);

        Redelivery.deliverAgain(projection, scenario.published(), transactionTemplate);

        assertThat(findCustomer(customer)).contains(once);
        assertThat(second).isNotNull();
    }

    @Test
    void cancellingAConfirmedOrderTakesOnlyThatOrderOffTheAmountSpent() {
        UUID customer = events.customer("Edsger Dijkstra");
        UUID lamp = events.product("Lamp", "15.00", 10);
        UUID kept = events.order(customer, line(lamp, 1));
        events.reserve(lamp, kept, 1, "15.00");
        events.publish("Order", kept, new OrderConfirmedEvent(kept));
        UUID cancelled = events.order(customer, line(lamp, 2));
        events.reserve(lamp, cancelled, 2, "15.00");
        events.publish("Order", cancelled, new OrderConfirmedEvent(cancelled));
        assertThat(settled(customer).amountSpent()).isEqualByComparingTo("45.00");

        events.publish("Order", cancelled, new OrderCancelledEvent(cancelled));

        CustomerView view = settled(customer);
        assertThat(view.amountSpent()).isEqualByComparingTo("15.00");
        assertThat(view.orderCount()).isEqualTo(2);
    }

    @Test
    void aLinePricedAgainOrFirstReservedOnAConfirmedOrderChangesTheAmountSpentByTheDifference() {
        UUID customer = events.customer("John Backus");
        UUID book = events.product("Book", "10.00", 10);
        UUID pen = events.product("Pen", "3.00", 10);
        UUID order = events.order(customer, line(book, 2), line(pen, 1));
        events.reserve(book, order, 2, "10.00");
        events.publish("Order", order, new OrderConfirmedEvent(order));
        assertThat(settled(customer).amountSpent()).isEqualByComparingTo("20.00");

        events.reserve(book, order, 2, "12.50");
        assertThat(settled(customer).amountSpent()).isEqualByComparingTo("25.00");

        events.reserve(pen, order, 1, "3.00");
        assertThat(settled(customer).amountSpent()).isEqualByComparingTo("28.00");

        events.reserve(book, order, 2, "9.00");
        CustomerView view = settled(customer);
        assertThat(view.amountSpent()).isEqualByComparingTo("21.00");
        assertThat(view.orderCount()).isEqualTo(1);
    }

    @Test
    void aRejectedOrderCountsButSpendsNothingEvenWhenItsLineIsPricedAgain() {
        UUID customer = events.customer("Frances Allen");
        UUID chair = events.product("Chair", "30.00", 10);
        UUID order = events.order(customer, line(chair, 1));
        events.reserve(chair, order, 1, "30.00");
        events.publish("Order", order, new OrderRejectedEvent(order, "Payment declined"));
        events.reserve(chair, order, 1, "35.00");

        CustomerView view = settled(customer);

        assertThat(view.orderCount()).isEqualTo(1);
        assertThat(view.amountSpent()).isEqualByComparingTo("0");
    }

    @Test
    void theOrdersOfOneCustomerAddUpAndNoOtherCustomersDo() {
        UUID customer = events.customer("John McCarthy");
        UUID other = events.customer("Alonzo Church");
        UUID cup = events.product("Cup", "4.00", 100);
        UUID jug = events.product("Jug", "11.00", 100);
        confirmedOrder(customer, cup, 3, "4.00");                     // 12.00
        confirmedOrder(customer, jug, 1, "11.00");                    // 11.00
        UUID both = events.order(customer, line(cup, 1), line(jug, 2));
        events.reserve(cup, both, 1, "4.25");
        events.reserve(jug, both, 2, "10.50");
        events.publish("Order", both, new OrderConfirmedEvent(both)); // 25.25
        UUID pending = events.order(customer, line(cup, 5));
        events.reserve(cup, pending, 5, "4.00");
        UUID rejected = events.order(customer, line(jug, 1));
        events.reserve(jug, rejected, 1, "11.00");
        events.publish("Order", rejected, new OrderRejectedEvent(rejected, "Out of stock"));
        UUID cancelled = confirmedOrder(customer, jug, 4, "11.00");
        events.publish("Order", cancelled, new OrderCancelledEvent(cancelled));
        confirmedOrder(other, jug, 9, "11.00");

        CustomerView view = settled(customer);

        assertThat(view.orderCount()).isEqualTo(6);
        assertThat(view.amountSpent()).isEqualByComparingTo("48.25");
        assertThat(settled(other).amountSpent()).isEqualByComparingTo("99.00");
    }

    @Test
    void orderAndStockEventsDeliveredAgainAfterLaterChangesChangeNoTotal() {
        UUID customer = events.customer("Niklaus Wirth");
        UUID desk = events.product("Desk", "10.00", 10);
        UUID kept = events.order(customer, line(desk, 2));
        events.reserve(desk, kept, 2, "10.00");
        events.publish("Order", kept, new OrderConfirmedEvent(kept));
        UUID cancelled = confirmedOrder(customer, desk, 1, "5.00");
        events.publish("Order", cancelled, new OrderCancelledEvent(cancelled));
        CustomerView once = settled(customer);
        assertThat(once.orderCount()).isEqualTo(2);
        assertThat(once.amountSpent()).isEqualByComparingTo("20.00");

        List<DomainEventMessage<?>> again = events.published().stream()
                .filter(event -> event.getPayload() instanceof OrderPlacedEvent placed && placed.orderId().equals(kept)
                        || event.getPayload() instanceof StockReservedEvent reserved && reserved.orderId().equals(kept)
                        || event.getPayload() instanceof OrderConfirmedEvent confirmed
                           && List.of(kept, cancelled).contains(confirmed.orderId()))
                .toList();
        assertThat(again).hasSize(4);
        Redelivery.deliverAgain(projection, again, transactionTemplate);

        assertThat(findCustomer(customer)).contains(once);
    }

    /** Places an order of one line, prices it and confirms it. */
    private UUID confirmedOrder(UUID customer, UUID product, int quantity, String unitPrice) {
        UUID order = events.order(customer, line(product, quantity));
        events.reserve(product, order, quantity, unitPrice);
        events.publish("Order", order, new OrderConfirmedEvent(order));
        return order;
    }

    /**
     * The account once the processor has handled everything published so far: it handles events in the order
     * they were stored, so once the account shows a rename published last, every earlier event is in it.
     */
    private CustomerView settled(UUID customerId) {
        long marker = events.publish("Customer", customerId, new CustomerRenamedEvent(customerId, "Settled"))
                            .get(0).getSequenceNumber();
        return awaitCustomer(customerId, view -> view.version() == marker);
    }

    private CustomerView awaitCustomer(UUID customerId, Predicate<CustomerView> condition) {
        return awaitView(() -> findCustomer(customerId), condition);
    }

    private Optional<CustomerView> findCustomer(UUID customerId) {
        return queries.query(new FindCustomerQuery(customerId), ResponseTypes.optionalInstanceOf(CustomerView.class)).join();
    }
}
