package dev.orderflow.query.order;

import dev.orderflow.api.customer.CustomerRegisteredEvent;
import dev.orderflow.api.customer.CustomerRenamedEvent;
import dev.orderflow.api.inventory.ProductAddedEvent;
import dev.orderflow.api.inventory.ProductPriceChangedEvent;
import dev.orderflow.api.inventory.ProductRenamedEvent;
import dev.orderflow.api.inventory.StockReservedEvent;
import dev.orderflow.api.order.OrderCancelledEvent;
import dev.orderflow.api.order.OrderConfirmedEvent;
import dev.orderflow.api.order.OrderLine;
import dev.orderflow.api.order.OrderLineView;
import dev.orderflow.api.order.OrderPlacedEvent;
import dev.orderflow.api.order.OrderRejectedEvent;
import dev.orderflow.api.order.OrderShippedEvent;
import dev.orderflow.api.order.OrderStatus;
import dev.orderflow.api.order.OrderView;
import dev.orderflow.api.shared.Money;
import dev.orderflow.api.shared.Quantity;
import dev.orderflow.api.shipping.ShipmentCancelledEvent;
import dev.orderflow.api.shipping.ShipmentDispatchedEvent;
import dev.orderflow.api.shipping.ShipmentScheduledEvent;
import dev.orderflow.api.shipping.ShipmentStatus;
import dev.orderflow.query.RowsInAMap;
import dev.orderflow.query.ViewUpdates;
import jakarta.persistence.EntityManager;
import org.axonframework.eventhandling.ReplayStatus;
import org.axonframework.queryhandling.SimpleQueryUpdateEmitter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/**
 * The order history projection's handlers on their own, in milliseconds: events in, the order its queries answer out.
 * The projection looks its rows up and stores them through the entity manager ({@code find}, {@code persist}) and its
 * queries read them through the repositories: here both stand in front of the same rows in maps. Outside a batch of a
 * streaming processor the projection looks orders up one by one, as here. {@code OrderHistoryProjectionIT} runs the
 * same projection on Postgres, with what only a database can check: the batch's lookups in three statements
 * ({@link OrderBatchLookups}) and the bulk updates that write a new customer or product name on existing orders.
 */
class OrderHistoryProjectionTest {

    private static final Instant PLACED_AT = Instant.parse("2026-12-01T10:00:00Z");
    private static final Instant LATER = PLACED_AT.plusSeconds(60);
    private static final Instant LATER_STILL = LATER.plusSeconds(60);

    private final RowsInAMap<OrderEntry, UUID> orderRows = new RowsInAMap<>();
    private final RowsInAMap<OrderLineEntry, OrderLineEntry.Key> lineRows = new RowsInAMap<>();
    private final RowsInAMap<OrderCustomerCopy, UUID> customerRows = new RowsInAMap<>();
    private final RowsInAMap<OrderProductCopy, UUID> productRows = new RowsInAMap<>();
    private final OrderEntryRepository orders = orderRows.behind(OrderEntryRepository.class, OrderEntry::orderId);
    private final OrderLineEntryRepository lines = lineRows.behind(OrderLineEntryRepository.class, OrderLineEntry::getId);
    private final OrderCustomerCopyRepository customers =
            customerRows.behind(OrderCustomerCopyRepository.class, OrderCustomerCopy::getId);
    private final OrderProductCopyRepository products =
            productRows.behind(OrderProductCopyRepository.class, OrderProductCopy::getId);
    private final EntityManager entityManager = mock(EntityManager.class);
    private final OrderQueries queries = new OrderQueries(orders, lines);
    private final OrderHistoryProjection projection = new OrderHistoryProjection(orders, lines, customers, products,
            queries, new ViewUpdates(SimpleQueryUpdateEmitter.builder().build()), entityManager);

    private final UUID customer = UUID.randomUUID();
    private final UUID pen = UUID.randomUUID();
    private final UUID ink = UUID.randomUUID();
    private final UUID order = UUID.randomUUID();

    @BeforeEach
    void theEntityManagerAndTheRepositoriesShareTheRows() {
        orderRows.behind(entityManager, OrderEntry.class, OrderEntry::orderId);
        lineRows.behind(entityManager, OrderLineEntry.class, OrderLineEntry::getId);
        customerRows.behind(entityManager, OrderCustomerCopy.class, OrderCustomerCopy::getId);
        productRows.behind(entityManager, OrderProductCopy.class, OrderProductCopy::getId);
        when(lines.findByOrderIdOrderByLineNumber(any())).thenAnswer(call -> lineRows.all().stream()
                .filter(line -> line.orderId().equals(call.getArgument(0)))
                .sorted(Comparator.comparingInt(OrderLineEntry::lineNumber))
                .toList());
    }

    @Test
    void placingAnOrderCopiesTheCustomerAndProductNamesAndTheCataloguePrices() {
        projection.on(new CustomerRegisteredEvent(customer, "Ada Lovelace", "ada@example.com", Money.of("500.00")));
        projection.on(new ProductAddedEvent(pen, "Fountain pen", Money.of("12.50"), 10));
        projection.on(new ProductAddedEvent(ink, "Ink", Money.of("3.20"), 10));

        place(order, line(pen, 2), line(ink, 1));

        assertThat(queries.find(order)).contains(new OrderView(order, customer, "Ada Lovelace", OrderStatus.PENDING,
                null, null, List.of(
                        new OrderLineView(pen, "Fountain pen", Quantity.of(2), Money.of("12.50"), false),
                        new OrderLineView(ink, "Ink", Quantity.of(1), Money.of("3.20"), false)),
                money("28.20"), PLACED_AT, PLACED_AT, 0));
    }

    @Test
    void anOrderOfACustomerAndProductNotSeenYetHasNoNamesOrPricesUntilItsStockIsReserved() {
        place(order, line(pen, 2));

        assertThat(queries.find(order)).hasValueSatisfying(view -> {
            assertThat(view.customerName()).isNull();
            assertThat(view.lines()).containsExactly(new OrderLineView(pen, null, Quantity.of(2), null, false));
            assertThat(view.total()).isEqualTo(money("0.00"));
        });

        reserve(pen, order, 2, "4.00");

        assertThat(queries.find(order)).hasValueSatisfying(view -> {
            assertThat(view.lines()).containsExactly(new OrderLineView(pen, null, Quantity.of(2), Money.of("4.00"), true));
            assertThat(view.total()).isEqualTo(money("8.00"));
        });
    }

    @Test
    void reservedStockSetsTheUnitPriceAndTheTotalWithoutMovingTheVersion() {
        projection.on(new ProductAddedEvent(pen, "Pencil", Money.of("1.00"), 10));
        projection.on(new ProductAddedEvent(ink, "Ink", Money.of("3.20"), 10));
        place(order, line(pen, 3), line(ink, 1));

        reserve(pen, order, 3, "1.10");

        assertThat(queries.find(order)).hasValueSatisfying(view -> {
            assertThat(view.lines()).containsExactly(
                    new OrderLineView(pen, "Pencil", Quantity.of(3), Money.of("1.10"), true),
                    new OrderLineView(ink, "Ink", Quantity.of(1), Money.of("3.20"), false));
            assertThat(view.total()).isEqualTo(money("6.50"));
            assertThat(view.updatedAt()).isEqualTo(LATER);
            assertThat(view.version()).isZero();
        });
    }

    @Test
    void aPriceChangeAppliesToOrdersPlacedAfterIt() {
        projection.on(new ProductAddedEvent(pen, "Paper", Money.of("5.00"), 100));
        UUID before = UUID.randomUUID();
        place(before, line(pen, 1));

        projection.on(new ProductPriceChangedEvent(pen, Money.of("6.00")));
        place(order, line(pen, 1));

        assertThat(unitPriceOfFirstLine(order)).isEqualTo(Money.of("6.00"));
        assertThat(unitPriceOfFirstLine(before)).isEqualTo(Money.of("5.00"));
        assertThat(queries.find(before)).map(OrderView::total).contains(money("5.00"));
    }

    @Test
    void aProductAddedAgainOverwritesItsNameAndPrice() {
        projection.on(new ProductAddedEvent(pen, "Pen", Money.of("1.00"), 10));
        projection.on(new ProductAddedEvent(pen, "Ballpoint pen", Money.of("1.20"), 10));

        place(order, line(pen, 1));

        assertThat(queries.find(order)).map(OrderView::lines)
                .contains(List.of(new OrderLineView(pen, "Ballpoint pen", Quantity.of(1), Money.of("1.20"), false)));
        assertThat(productRows.all()).hasSize(1);
    }

    @Test
    void aRenamedCustomerOrProductIsCopiedOnOrdersPlacedLaterAndWrittenOnExistingOnesInOneUpdate() {
        projection.on(new CustomerRegisteredEvent(customer, "Edsger Dijkstra", "ewd@example.com", Money.of("10.00")));
        projection.on(new ProductAddedEvent(pen, "Marker", Money.of("2.00"), 10));

        projection.on(new CustomerRenamedEvent(customer, "E. W. Dijkstra"), ReplayStatus.REGULAR);
        projection.on(new ProductRenamedEvent(pen, "Whiteboard marker"), ReplayStatus.REGULAR);
        place(order, line(pen, 1));

        assertThat(queries.find(order)).hasValueSatisfying(view -> {
            assertThat(view.customerName()).isEqualTo("E. W. Dijkstra");
            assertThat(view.lines()).extracting(OrderLineView::productName).containsExactly("Whiteboard marker");
            assertThat(view.lines()).extracting(OrderLineView::unitPrice).containsExactly(Money.of("2.00"));
        });
        // The orders placed before the rename get the new name from these bulk updates, which the IT runs on Postgres.
        verify(orders).copyCustomerName(customer, "E. W. Dijkstra");
        verify(lines).copyProductName(pen, "Whiteboard marker");
    }

    @Test
    void confirmingAnOrderConfirmsItAtTheNextVersion() {
        pendingOrder();

        projection.on(new OrderConfirmedEvent(order), 1, LATER, ReplayStatus.REGULAR);

        assertThat(queries.find(order)).hasValueSatisfying(view -> {
            assertThat(view.status()).isEqualTo(OrderStatus.CONFIRMED);
            assertThat(view.version()).isEqualTo(1);
            assertThat(view.updatedAt()).isEqualTo(LATER);
            assertThat(view.placedAt()).isEqualTo(PLACED_AT);
        });
    }

    @Test
    void rejectingAnOrderKeepsTheReason() {
        pendingOrder();

        projection.on(new OrderRejectedEvent(order, "Out of stock"), 1, LATER, ReplayStatus.REGULAR);

        assertThat(queries.find(order)).hasValueSatisfying(view -> {
            assertThat(view.status()).isEqualTo(OrderStatus.REJECTED);
            assertThat(view.rejectionReason()).isEqualTo("Out of stock");
            assertThat(view.version()).isEqualTo(1);
        });
    }

    @Test
    void cancellingAConfirmedOrderCancelsIt() {
        pendingOrder();
        projection.on(new OrderConfirmedEvent(order), 1, LATER, ReplayStatus.REGULAR);

        projection.on(new OrderCancelledEvent(order), 2, LATER_STILL, ReplayStatus.REGULAR);

        assertThat(queries.find(order)).hasValueSatisfying(view -> {
            assertThat(view.status()).isEqualTo(OrderStatus.CANCELLED);
            assertThat(view.version()).isEqualTo(2);
            assertThat(view.updatedAt()).isEqualTo(LATER_STILL);
        });
    }

    @Test
    void shippingAnOrderOnlyMovesItsVersion() {
        pendingOrder();
        projection.on(new OrderConfirmedEvent(order), 1, LATER, ReplayStatus.REGULAR);

        projection.on(new OrderShippedEvent(order), 2, LATER_STILL, ReplayStatus.REGULAR);

        assertThat(queries.find(order)).hasValueSatisfying(view -> {
            assertThat(view.status()).isEqualTo(OrderStatus.CONFIRMED);
            assertThat(view.version()).isEqualTo(2);
            assertThat(view.updatedAt()).isEqualTo(LATER_STILL);
        });
    }

    @Test
    void aDispatchedShipmentShowsOnItsOrderWithoutMovingTheOrdersVersion() {
        pendingOrder();
        UUID shipment = UUID.randomUUID();
        projection.on(new OrderConfirmedEvent(order), 1, PLACED_AT.plusSeconds(1), ReplayStatus.REGULAR);
        assertThat(queries.find(order)).hasValueSatisfying(view -> assertThat(view.shipment()).isNull());

        projection.on(new ShipmentScheduledEvent(shipment, order), LATER, ReplayStatus.REGULAR);
        assertThat(queries.find(order)).map(OrderView::shipment).contains(ShipmentStatus.SCHEDULED);

        projection.on(new ShipmentDispatchedEvent(shipment, order), LATER_STILL, ReplayStatus.REGULAR);

        assertThat(queries.find(order)).hasValueSatisfying(view -> {
            assertThat(view.status()).isEqualTo(OrderStatus.CONFIRMED);
            assertThat(view.shipment()).isEqualTo(ShipmentStatus.DISPATCHED);
            assertThat(view.version()).isEqualTo(1);
            assertThat(view.updatedAt()).isEqualTo(LATER_STILL);
        });
    }

    @Test
    void aLaterShipmentReplacesAnEarlierOneWhoseEventsThenChangeNothing() {
        pendingOrder();
        UUID cancelled = UUID.randomUUID();
        UUID replacement = UUID.randomUUID();
        projection.on(new ShipmentScheduledEvent(cancelled, order), LATER, ReplayStatus.REGULAR);
        projection.on(new ShipmentScheduledEvent(replacement, order), LATER, ReplayStatus.REGULAR);

        projection.on(new ShipmentCancelledEvent(cancelled, order), LATER_STILL, ReplayStatus.REGULAR);

        assertThat(queries.find(order)).hasValueSatisfying(view -> {
            assertThat(view.shipment()).as("the replacement shipment's status").isEqualTo(ShipmentStatus.SCHEDULED);
            assertThat(view.updatedAt()).as("an ignored event does not touch the order").isEqualTo(LATER);
        });
    }

    @Test
    void anEventWithAnEarlierTimestampDoesNotMoveUpdatedAtBack() {
        pendingOrder();
        projection.on(new OrderConfirmedEvent(order), 1, LATER, ReplayStatus.REGULAR);

        projection.on(new ShipmentScheduledEvent(UUID.randomUUID(), order), PLACED_AT.plusSeconds(1), ReplayStatus.REGULAR);

        assertThat(queries.find(order)).map(OrderView::updatedAt).contains(LATER);
    }

    @Test
    void eventsDeliveredTwiceLeaveTheSameOrderHistory() {
        UUID shipment = UUID.randomUUID();
        Runnable everything = () -> {
            projection.on(new CustomerRegisteredEvent(customer, "Margaret Hamilton", "mh@example.com", Money.of("1.00")));
            projection.on(new ProductAddedEvent(pen, "Core rope", Money.of("99.00"), 5));
            projection.on(new OrderPlacedEvent(order, customer, List.of(line(pen, 2))), 0, PLACED_AT, ReplayStatus.REGULAR);
            reserve(pen, order, 2, "95.00");
            projection.on(new OrderConfirmedEvent(order), 1, LATER, ReplayStatus.REGULAR);
            projection.on(new ShipmentScheduledEvent(shipment, order), LATER, ReplayStatus.REGULAR);
            projection.on(new ShipmentCancelledEvent(shipment, order), LATER_STILL, ReplayStatus.REGULAR);
            projection.on(new OrderCancelledEvent(order), 2, LATER_STILL, ReplayStatus.REGULAR);
        };
        everything.run();
        Optional<OrderView> once = queries.find(order);
        assertThat(once).contains(new OrderView(order, customer, "Margaret Hamilton", OrderStatus.CANCELLED, null,
                ShipmentStatus.CANCELLED, List.of(new OrderLineView(pen, "Core rope", Quantity.of(2), Money.of("95.00"), true)),
                money("190.00"), PLACED_AT, LATER_STILL, 2));

        everything.run();

        assertThat(queries.find(order)).isEqualTo(once);
        assertThat(orderRows.all()).hasSize(1);
        assertThat(lineRows.all()).hasSize(1);
    }

    @Test
    void anOrderEventDeliveredAgainAfterALaterOneChangesNothing() {
        pendingOrder();
        projection.on(new OrderRejectedEvent(order, "Payment declined"), 1, LATER, ReplayStatus.REGULAR);
        projection.on(new OrderCancelledEvent(order), 2, LATER_STILL, ReplayStatus.REGULAR);

        projection.on(new OrderRejectedEvent(order, "Payment declined"), 1, LATER, ReplayStatus.REGULAR);

        assertThat(queries.find(order)).hasValueSatisfying(view -> {
            assertThat(view.status()).isEqualTo(OrderStatus.CANCELLED);
            assertThat(view.version()).isEqualTo(2);
        });
    }

    @Test
    void eventsOfAnOrderNotPlacedOrAProductNotOnItChangeNothing() {
        UUID unknown = UUID.randomUUID();
        projection.on(new ProductAddedEvent(pen, "Pen", Money.of("1.00"), 10));
        place(order, line(pen, 1));

        reserve(pen, unknown, 1, "2.00");
        reserve(ink, order, 1, "2.00");
        projection.on(new OrderConfirmedEvent(unknown), 1, LATER, ReplayStatus.REGULAR);
        projection.on(new ShipmentScheduledEvent(UUID.randomUUID(), unknown), LATER, ReplayStatus.REGULAR);

        assertThat(queries.find(unknown)).isEmpty();
        assertThat(orderRows.all()).extracting(OrderEntry::orderId).containsExactly(order);
        assertThat(queries.find(order)).hasValueSatisfying(view -> {
            assertThat(view.lines()).containsExactly(new OrderLineView(pen, "Pen", Quantity.of(1), Money.of("1.00"), false));
            assertThat(view.total()).isEqualTo(money("1.00"));
            assertThat(view.updatedAt()).isEqualTo(PLACED_AT);
        });
    }

    @Test
    void aResetForgetsOrdersLinesAndTheCopiedNamesAndPrices() {
        projection.on(new CustomerRegisteredEvent(customer, "Ada Lovelace", "ada@example.com", Money.of("1.00")));
        projection.on(new ProductAddedEvent(pen, "Pen", Money.of("1.00"), 10));
        place(order, line(pen, 1));

        projection.reset();

        assertThat(queries.find(order)).isEmpty();
        assertThat(orderRows.all()).isEmpty();
        assertThat(lineRows.all()).isEmpty();
        assertThat(customerRows.all()).isEmpty();
        assertThat(productRows.all()).isEmpty();
    }

    private void pendingOrder() {
        projection.on(new ProductAddedEvent(pen, "Pen", Money.of("4.00"), 10));
        place(order, line(pen, 1));
    }

    private void place(UUID orderId, OrderLine... orderLines) {
        projection.on(new OrderPlacedEvent(orderId, customer, List.of(orderLines)), 0, PLACED_AT, ReplayStatus.REGULAR);
    }

    private void reserve(UUID product, UUID orderId, int quantity, String unitPrice) {
        projection.on(new StockReservedEvent(product, orderId, Quantity.of(quantity), Money.of(unitPrice)), LATER,
                ReplayStatus.REGULAR);
    }

    private Money unitPriceOfFirstLine(UUID orderId) {
        return queries.find(orderId).orElseThrow().lines().get(0).unitPrice();
    }

    private static OrderLine line(UUID product, int quantity) {
        return new OrderLine(product, Quantity.of(quantity));
    }

    private static BigDecimal money(String amount) {
        return new BigDecimal(amount);
    }
}
