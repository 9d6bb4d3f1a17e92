package dev.orderflow.query.customer;

import dev.orderflow.api.customer.CreditLimitChangedEvent;
import dev.orderflow.api.customer.CreditReleasedEvent;
import dev.orderflow.api.customer.CreditReservationDeclinedEvent;
import dev.orderflow.api.customer.CreditReservedEvent;
import dev.orderflow.api.customer.CustomerRegisteredEvent;
import dev.orderflow.api.customer.CustomerRenamedEvent;
import dev.orderflow.api.customer.CustomerView;
import dev.orderflow.api.customer.FindCustomerByOrderQuery;
import dev.orderflow.api.inventory.StockReservedEvent;
import dev.orderflow.api.order.OrderCancelledEvent;
import dev.orderflow.api.order.OrderConfirmedEvent;
import dev.orderflow.api.order.OrderLine;
import dev.orderflow.api.order.OrderPlacedEvent;
import dev.orderflow.api.order.OrderRejectedEvent;
import dev.orderflow.api.order.OrderStatus;
import dev.orderflow.api.shared.Money;
import dev.orderflow.api.shared.Quantity;
import dev.orderflow.query.RowsInAMap;
import dev.orderflow.query.ViewUpdates;
import org.axonframework.eventhandling.ReplayStatus;
import org.axonframework.queryhandling.SimpleQueryUpdateEmitter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.when;

/**
 * The customer account projection's handlers on their own, in milliseconds: events in, the account its queries
 * answer out. The accounts, the orders and their lines live in maps behind their repositories, and the repositories'
 * sums (JPQL) are stubbed to add up the rows there; {@code CustomerAccountProjectionIT} runs the same projection, and
 * those sums, on Postgres.
 */
class CustomerAccountProjectionTest {

    private final RowsInAMap<CustomerAccount, UUID> accountRows = new RowsInAMap<>();
    private final RowsInAMap<CustomerOrder, UUID> orderRows = new RowsInAMap<>();
    private final RowsInAMap<CustomerOrderLine, CustomerOrderLine.Key> lineRows = new RowsInAMap<>();
    private final CustomerAccountRepository accounts =
            accountRows.behind(CustomerAccountRepository.class, CustomerAccount::customerId);
    private final CustomerOrderRepository orders = orderRows.behind(CustomerOrderRepository.class, CustomerOrder::getId);
    private final CustomerOrderLineRepository lines =
            lineRows.behind(CustomerOrderLineRepository.class, CustomerOrderLine::getId);
    private final CustomerQueries queries = new CustomerQueries(accounts, orders);
    private final CustomerAccountProjection projection = new CustomerAccountProjection(accounts, orders, lines, queries,
            new ViewUpdates(SimpleQueryUpdateEmitter.builder().build()));

    private final UUID customer = UUID.randomUUID();
    private final UUID book = UUID.randomUUID();
    private final UUID pen = UUID.randomUUID();

    @BeforeEach
    void theRepositoriesSumsAddUpTheRowsInTheMaps() {
        when(orders.countByCustomerId(any())).thenAnswer(call -> orderRows.all().stream()
                .filter(order -> order.customerId().equals(call.getArgument(0))).count());
        when(orders.sumOfLines(any(), any())).thenAnswer(call -> sum(lineRows.all().stream()
                .filter(line -> orderRows.all().stream().anyMatch(order -> order.getId().equals(line.orderId())
                        && order.customerId().equals(call.getArgument(0)) && order.status() == call.getArgument(1)))));
        when(lines.totalOfOrder(any())).thenAnswer(call -> sum(lineRows.all().stream()
                .filter(line -> line.orderId().equals(call.getArgument(0)))));
    }

    @Test
    void aRegisteredCustomerHasAnAccountWithoutOrders() {
        register(customer, "Ada Lovelace", "500.00");

        assertThat(queries.find(customer)).contains(new CustomerView(customer, "Ada Lovelace", "ada@example.com",
                Money.of("500.00"), 0, money("0.00"), money("0.00"), money("500.00"), 0));
    }

    @Test
    void renamingAndChangingTheCreditLimitChangeTheAccountAndMoveItsVersion() {
        register(customer, "Grace Hopper", "100.00");

        projection.on(new CustomerRenamedEvent(customer, "Rear Admiral Hopper"), 1, ReplayStatus.REGULAR);
        projection.on(new CreditLimitChangedEvent(customer, Money.of("250.00")), 2, ReplayStatus.REGULAR);

        assertThat(queries.find(customer)).contains(new CustomerView(customer, "Rear Admiral Hopper", "ada@example.com",
                Money.of("250.00"), 0, money("0.00"), money("0.00"), money("250.00"), 2));
    }

    @Test
    void heldCreditIsWhatReservationsHoldUntilReleasedAndADeclinedHoldOnlyMovesTheVersion() {
        register(customer, "Barbara Liskov", "100.00");
        UUID released = UUID.randomUUID();

        projection.on(new CreditReservedEvent(customer, released, Money.of("10.00")), 1, ReplayStatus.REGULAR);
        projection.on(new CreditReservedEvent(customer, UUID.randomUUID(), Money.of("25.50")), 2, ReplayStatus.REGULAR);
        projection.on(new CreditReleasedEvent(customer, released, Money.of("10.00")), 3, ReplayStatus.REGULAR);
        projection.on(new CreditReservationDeclinedEvent(customer, UUID.randomUUID(), Money.of("500.00"),
                Money.of("74.50")), 4, ReplayStatus.REGULAR);

        assertThat(queries.find(customer)).hasValueSatisfying(view -> {
            assertThat(view.creditLimit()).isEqualTo(Money.of("100.00"));
            assertThat(view.creditHeld()).isEqualTo(money("25.50"));
            assertThat(view.availableCredit()).isEqualTo(money("74.50"));
            assertThat(view.amountSpent()).isEqualTo(money("0.00"));
            assertThat(view.version()).isEqualTo(4);
        });
    }

    @Test
    void everyPlacedOrderCountsButOnlyConfirmedOrdersAreSpentAtTheirReservedPrices() {
        register(customer, "Donald Knuth", "1000.00");
        UUID confirmed = place(customer, book, pen);
        reserve(book, confirmed, 1, "39.00");
        reserve(pen, confirmed, 3, "2.50");
        projection.on(new OrderConfirmedEvent(confirmed), 1, ReplayStatus.REGULAR);
        UUID rejected = place(customer, book);
        reserve(book, rejected, 1, "39.00");
        projection.on(new OrderRejectedEvent(rejected, "Payment declined"), 1, ReplayStatus.REGULAR);
        UUID pending = place(customer, pen);
        reserve(pen, pending, 1, "2.50");

        assertThat(queries.find(customer)).hasValueSatisfying(view -> {
            assertThat(view.orderCount()).isEqualTo(3);
            assertThat(view.amountSpent()).isEqualTo(money("46.50"));
        });
    }

    @Test
    void aReservationKeepsTheLinesAmountAndPricingItAgainOverwritesIt() {
        register(customer, "Alan Kay", "100.00");
        UUID order = place(customer, book, pen);

        reserve(book, order, 2, "10.00");
        reserve(pen, order, 3, "1.50");
        reserve(book, order, 2, "12.50");

        assertThat(lines.findById(new CustomerOrderLine.Key(order, book))).map(CustomerOrderLine::amount)
                .contains(money("25.00"));
        assertThat(lines.findById(new CustomerOrderLine.Key(order, pen))).map(CustomerOrderLine::amount)
                .contains(money("4.50"));
        assertThat(lineRows.all()).hasSize(2);
        assertThat(orders.findById(order)).map(CustomerOrder::status).contains(OrderStatus.PENDING);
    }

    @Test
    void cancellingAConfirmedOrderTakesOnlyThatOrderOffTheAmountSpent() {
        register(customer, "Edsger Dijkstra", "100.00");
        confirmedOrder(customer, book, 1, "15.00");
        UUID cancelled = confirmedOrder(customer, book, 2, "15.00");
        assertThat(queries.find(customer)).map(CustomerView::amountSpent).contains(money("45.00"));

        projection.on(new OrderCancelledEvent(cancelled), 2, ReplayStatus.REGULAR);

        assertThat(queries.find(customer)).hasValueSatisfying(view -> {
            assertThat(view.amountSpent()).isEqualTo(money("15.00"));
            assertThat(view.orderCount()).isEqualTo(2);
        });
        assertThat(orders.findById(cancelled)).map(CustomerOrder::status).contains(OrderStatus.CANCELLED);
    }

    @Test
    void aLinePricedAgainOrFirstReservedOnAConfirmedOrderChangesTheAmountSpentByTheDifference() {
        register(customer, "John Backus", "100.00");
        UUID order = place(customer, book, pen);
        reserve(book, order, 2, "10.00");
        projection.on(new OrderConfirmedEvent(order), 1, ReplayStatus.REGULAR);
        assertThat(spent()).isEqualTo(money("20.00"));

        reserve(book, order, 2, "12.50");
        assertThat(spent()).isEqualTo(money("25.00"));

        reserve(pen, order, 1, "3.00");
        assertThat(spent()).isEqualTo(money("28.00"));

        reserve(book, order, 2, "9.00");
        assertThat(spent()).isEqualTo(money("21.00"));
        assertThat(queries.find(customer)).map(CustomerView::orderCount).contains(1L);
    }

    @Test
    void aRejectedOrderCountsButSpendsNothingEvenWhenItsLineIsPricedAgain() {
        register(customer, "Frances Allen", "100.00");
        UUID order = place(customer, book);
        reserve(book, order, 1, "30.00");
        projection.on(new OrderRejectedEvent(order, "Payment declined"), 1, ReplayStatus.REGULAR);

        reserve(book, order, 1, "35.00");

        assertThat(queries.find(customer)).hasValueSatisfying(view -> {
            assertThat(view.orderCount()).isEqualTo(1);
            assertThat(view.amountSpent()).isEqualTo(money("0.00"));
        });
        assertThat(orders.findById(order)).map(CustomerOrder::status).contains(OrderStatus.REJECTED);
    }

    @Test
    void theOrdersOfOneCustomerAddUpAndNoOtherCustomersDo() {
        UUID other = UUID.randomUUID();
        register(customer, "John McCarthy", "1000.00");
        register(other, "Alonzo Church", "1000.00");
        confirmedOrder(customer, book, 3, "4.00");
        confirmedOrder(other, book, 9, "11.00");

        assertThat(queries.find(customer)).hasValueSatisfying(view -> {
            assertThat(view.orderCount()).isEqualTo(1);
            assertThat(view.amountSpent()).isEqualTo(money("12.00"));
        });
        assertThat(queries.find(other)).hasValueSatisfying(view -> {
            assertThat(view.orderCount()).isEqualTo(1);
            assertThat(view.amountSpent()).isEqualTo(money("99.00"));
        });
    }

    @Test
    void ordersRecordedBeforeTheirCustomersRegistrationCountOnceTheAccountIsOpened() {
        confirmedOrder(customer, book, 2, "7.00");
        UUID pending = place(customer, pen);
        reserve(pen, pending, 1, "3.00");

        register(customer, "Late Registration", "100.00");
        projection.on(new OrderConfirmedEvent(pending), 1, ReplayStatus.REGULAR);

        assertThat(queries.find(customer)).hasValueSatisfying(view -> {
            assertThat(view.orderCount()).isEqualTo(2);
            assertThat(view.amountSpent()).isEqualTo(money("17.00"));
        });
    }

    @Test
    void eventsDeliveredAgainLeaveTheSameAccount() {
        CustomerRegisteredEvent registered = new CustomerRegisteredEvent(customer, "Margaret Hamilton",
                "margaret@example.com", Money.of("300.00"));
        UUID order = UUID.randomUUID();
        OrderPlacedEvent placed = new OrderPlacedEvent(order, customer, linesOf(book));
        StockReservedEvent reserved = new StockReservedEvent(book, order, Quantity.of(5), Money.of("11.00"));
        OrderConfirmedEvent confirmedEvent = new OrderConfirmedEvent(order);
        CustomerRenamedEvent renamed = new CustomerRenamedEvent(customer, "M. Hamilton");
        CreditReservedEvent held = new CreditReservedEvent(customer, UUID.randomUUID(), Money.of("55.00"));
        Runnable everything = () -> {
            projection.on(registered, 0, ReplayStatus.REGULAR);
            projection.on(placed, 0, ReplayStatus.REGULAR);
            projection.on(reserved, ReplayStatus.REGULAR);
            projection.on(confirmedEvent, 1, ReplayStatus.REGULAR);
            projection.on(renamed, 1, ReplayStatus.REGULAR);
            projection.on(held, 2, ReplayStatus.REGULAR);
        };
        everything.run();
        Optional<CustomerView> once = queries.find(customer);
        assertThat(once).contains(new CustomerView(customer, "M. Hamilton", "margaret@example.com",
                Money.of("300.00"), 1, money("55.00"), money("55.00"), money("245.00"), 2));

        everything.run();

        assertThat(queries.find(customer)).isEqualTo(once);
    }

    @Test
    void orderAndStockEventsDeliveredAgainAfterLaterChangesChangeNoTotal() {
        register(customer, "Niklaus Wirth", "100.00");
        UUID kept = UUID.randomUUID();
        OrderPlacedEvent placedKept = new OrderPlacedEvent(kept, customer, linesOf(book));
        StockReservedEvent reservedKept = new StockReservedEvent(book, kept, Quantity.of(2), Money.of("10.00"));
        projection.on(placedKept, 0, ReplayStatus.REGULAR);
        projection.on(reservedKept, ReplayStatus.REGULAR);
        projection.on(new OrderConfirmedEvent(kept), 1, ReplayStatus.REGULAR);
        UUID cancelled = confirmedOrder(customer, book, 1, "5.00");
        projection.on(new OrderCancelledEvent(cancelled), 2, ReplayStatus.REGULAR);
        Optional<CustomerView> once = queries.find(customer);
        assertThat(once).map(CustomerView::orderCount).contains(2L);
        assertThat(once).map(CustomerView::amountSpent).contains(money("20.00"));

        projection.on(placedKept, 0, ReplayStatus.REGULAR);
        projection.on(reservedKept, ReplayStatus.REGULAR);
        projection.on(new OrderConfirmedEvent(kept), 1, ReplayStatus.REGULAR);
        projection.on(new OrderConfirmedEvent(cancelled), 1, ReplayStatus.REGULAR);

        assertThat(queries.find(customer)).isEqualTo(once);
        assertThat(orders.findById(cancelled)).map(CustomerOrder::status).contains(OrderStatus.CANCELLED);
    }

    @Test
    void eventsOfAnUnknownCustomerOrOrderChangeNothing() {
        UUID unknownOrder = UUID.randomUUID();

        projection.on(new CustomerRenamedEvent(customer, "Nobody"), 1, ReplayStatus.REGULAR);
        reserve(book, unknownOrder, 1, "1.00");
        projection.on(new OrderConfirmedEvent(unknownOrder), 1, ReplayStatus.REGULAR);

        assertThat(queries.find(customer)).isEmpty();
        assertThat(orderRows.all()).isEmpty();
        assertThat(lineRows.all()).isEmpty();
    }

    @Test
    void theCustomerOfAnOrderIsFoundByTheOrder() {
        register(customer, "Katherine Johnson", "100.00");
        UUID order = place(customer, book);

        assertThat(queries.handle(new FindCustomerByOrderQuery(order))).map(CustomerView::customerId).contains(customer);
        assertThat(queries.handle(new FindCustomerByOrderQuery(UUID.randomUUID()))).isEmpty();
    }

    @Test
    void aResetForgetsAccountsOrdersAndLines() {
        register(customer, "Ada Lovelace", "100.00");
        confirmedOrder(customer, book, 1, "1.00");

        projection.reset();

        assertThat(accountRows.all()).isEmpty();
        assertThat(orderRows.all()).isEmpty();
        assertThat(lineRows.all()).isEmpty();
    }

    private void register(UUID customerId, String name, String creditLimit) {
        projection.on(new CustomerRegisteredEvent(customerId, name, "ada@example.com", Money.of(creditLimit)), 0,
                ReplayStatus.REGULAR);
    }

    private UUID place(UUID customerId, UUID... products) {
        UUID order = UUID.randomUUID();
        projection.on(new OrderPlacedEvent(order, customerId, linesOf(products)), 0, ReplayStatus.REGULAR);
        return order;
    }

    private void reserve(UUID product, UUID order, int quantity, String unitPrice) {
        projection.on(new StockReservedEvent(product, order, Quantity.of(quantity), Money.of(unitPrice)),
                ReplayStatus.REGULAR);
    }

    /** Places an order of one line, prices it and confirms it. */
    private UUID confirmedOrder(UUID customerId, UUID product, int quantity, String unitPrice) {
        UUID order = place(customerId, product);
        reserve(product, order, quantity, unitPrice);
        projection.on(new OrderConfirmedEvent(order), 1, ReplayStatus.REGULAR);
        return order;
    }

    private BigDecimal spent() {
        return queries.find(customer).orElseThrow().amountSpent();
    }

    private static List<OrderLine> linesOf(UUID... products) {
        return Stream.of(products).map(product -> new OrderLine(product, Quantity.of(1))).toList();
    }

    private static BigDecimal sum(Stream<CustomerOrderLine> lines) {
        return lines.map(CustomerOrderLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static BigDecimal money(String amount) {
        return new BigDecimal(amount);
    }
}
