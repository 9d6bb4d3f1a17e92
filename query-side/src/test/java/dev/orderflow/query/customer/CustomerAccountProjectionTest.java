package dev.orderflow.query.customer;

import dev.orderflow.api.customer.CreditLimitChangedEvent;
import dev.orderflow.api.customer.CreditReleasedEvent;
import dev.orderflow.api.customer.CreditReservationDeclinedEvent;
import dev.orderflow.api.customer.CreditReservedEvent;
import dev.orderflow.api.customer.CustomerRenamedEvent;
import dev.orderflow.api.customer.CustomerView;
import dev.orderflow.api.customer.FindCustomerByOrderQuery;
import dev.orderflow.api.customer.FindCustomerQuery;
import dev.orderflow.api.order.OrderCancelledEvent;
import dev.orderflow.api.order.OrderConfirmedEvent;
import dev.orderflow.api.order.OrderRejectedEvent;
import dev.orderflow.api.shared.Money;
import dev.orderflow.query.QuerySideTest;
import dev.orderflow.query.Redelivery;
import dev.orderflow.query.StoredEvents;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

import static dev.orderflow.query.StoredEvents.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@QuerySideTest
class CustomerAccountProjectionTest {

    @Autowired
    EventStore eventStore;
    @Autowired
    TransactionManager transactionManager;
    @Autowired
    TransactionTemplate transactionTemplate;
    @Autowired
    QueryGateway queries;
    @Autowired
    CustomerAccountProjection projection;

    StoredEvents events;

    @BeforeEach
    void setUp() {
        events = new StoredEvents(eventStore, transactionManager);
    }

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
        StoredEvents scenario = new StoredEvents(eventStore, transactionManager);
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

    private CustomerView awaitCustomer(UUID customerId, Predicate<CustomerView> condition) {
        return await().atMost(Duration.ofSeconds(30))
                      .until(() -> findCustomer(customerId).filter(condition).orElse(null), view -> view != null);
    }

    private Optional<CustomerView> findCustomer(UUID customerId) {
        return queries.query(new FindCustomerQuery(customerId), ResponseTypes.optionalInstanceOf(CustomerView.class)).join();
    }
}
