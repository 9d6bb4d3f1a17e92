package dev.orderflow.query.order;

import dev.orderflow.api.customer.CustomerRenamedEvent;
import dev.orderflow.api.inventory.ProductPriceChangedEvent;
import dev.orderflow.api.inventory.ProductRenamedEvent;
import dev.orderflow.api.order.FindOrderQuery;
import dev.orderflow.api.order.FindOrdersQuery;
import dev.orderflow.api.order.OrderCancelledEvent;
import dev.orderflow.api.order.OrderConfirmedEvent;
import dev.orderflow.api.order.OrderLineView;
import dev.orderflow.api.order.OrderPage;
import dev.orderflow.api.order.OrderRejectedEvent;
import dev.orderflow.api.order.OrderShippedEvent;
import dev.orderflow.api.order.OrderStatus;
import dev.orderflow.api.order.OrderView;
import dev.orderflow.api.shared.Money;
import dev.orderflow.api.shipping.ShipmentCancelledEvent;
import dev.orderflow.api.shipping.ShipmentDispatchedEvent;
import dev.orderflow.api.shipping.ShipmentScheduledEvent;
import dev.orderflow.api.shipping.ShipmentStatus;
import dev.orderflow.query.ProjectionITSupport;
import dev.orderflow.query.Redelivery;
import dev.orderflow.query.StoredEvents;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

import static dev.orderflow.query.StoredEvents.line;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class OrderHistoryProjectionIT extends ProjectionITSupport {

    @Autowired
    OrderHistoryProjection projection;

    @Test
    void placingAnOrderCopiesTheCustomerAndProductNamesAndTheCataloguePrices() {
        UUID customer = events.customer("Ada Lovelace");
        UUID pen = events.product("Fountain pen", "12.50", 10);
        UUID ink = events.product("Ink", "3.20", 10);

        UUID order = events.order(customer, line(pen, 2), line(ink, 1));

        OrderView view = awaitOrder(order, placed -> true);
        assertThat(view.customerId()).isEqualTo(customer);
        assertThat(view.customerName()).isEqualTo("Ada Lovelace");
        assertThat(view.status()).isEqualTo(OrderStatus.PENDING);
        assertThat(view.rejectionReason()).isNull();
        assertThat(view.lines()).extracting(OrderLineView::productName, line -> line.quantity().value(),
                        OrderLineView::unitPrice, OrderLineView::priceReserved)
                .containsExactly(
                        tuple("Fountain pen", 2, Money.of("12.50"), false),
                        tuple("Ink", 1, Money.of("3.20"), false));
        assertThat(view.total()).isEqualByComparingTo("28.20");
        assertThat(view.placedAt()).isNotNull();
        assertThat(view.version()).isZero();
    }

    @Test
    void reservedStockSetsTheUnitPriceAndTheTotal() {
        UUID customer = events.customer("Grace Hopper");
        UUID pen = events.product("Pencil", "1.00", 10);
        UUID order = events.order(customer, line(pen, 3));

        events.reserve(pen, order, 3, "1.10");

        OrderView view = awaitOrder(order, reserved -> reserved.lines().get(0).priceReserved());
        assertThat(view.lines().get(0).unitPrice()).isEqualTo(Money.of("1.10"));
        assertThat(view.total()).isEqualByComparingTo("3.30");
    }

    @Test
    void aPriceChangeAppliesToOrdersPlacedAfterIt() {
        UUID customer = events.customer("Alan Turing");
        UUID paper = events.product("Paper", "5.00", 100);
        UUID before = events.order(customer, line(paper, 1));
        events.publish("Product", paper, new ProductPriceChangedEvent(paper, Money.of("6.00")));

        UUID after = events.order(customer, line(paper, 1));

        assertThat(awaitOrder(after, placed -> true).lines().get(0).unitPrice()).isEqualTo(Money.of("6.00"));
        assertThat(awaitOrder(before, placed -> true).lines().get(0).unitPrice()).isEqualTo(Money.of("5.00"));
    }

    @Test
    void renamingACustomerRenamesThemOnAllTheirExistingOrders() {
        UUID customer = events.customer("Edsger Dijkstra");
        UUID other = events.customer("Barbara Liskov");
        UUID pen = events.product("Marker", "2.00", 10);
        UUID first = events.order(customer, line(pen, 1));
        UUID second = events.order(customer, line(pen, 2));
        UUID othersOrder = events.order(other, line(pen, 1));
        awaitOrder(othersOrder, placed -> true);
        OrderView firstPlaced = awaitOrder(first, placed -> true);

        events.publish("Customer", customer, new CustomerRenamedEvent(customer, "E. W. Dijkstra"));

        OrderView firstRenamed = awaitOrder(first, renamed -> renamed.customerName().equals("E. W. Dijkstra"));
        assertThat(firstRenamed.updatedAt()).as("a rename is not an update of the order").isEqualTo(firstPlaced.updatedAt());
        assertThat(firstRenamed.version()).isEqualTo(firstPlaced.version());
        assertThat(awaitOrder(second, renamed -> renamed.customerName().equals("E. W. Dijkstra")).customerId())
                .isEqualTo(customer);
        assertThat(findOrder(othersOrder).orElseThrow().customerName()).isEqualTo("Barbara Liskov");
        UUID later = events.order(customer, line(pen, 1));
        assertThat(awaitOrder(later, placed -> true).customerName()).isEqualTo("E. W. Dijkstra");
    }

    @Test
    void renamingAProductRenamesItOnEveryOrderLineOfIt() {
        UUID customer = events.customer("Donald Knuth");
        UUID book = events.product("TAOCP Vol. 1", "80.00", 10);
        UUID bookmark = events.product("Bookmark", "1.00", 10);
        UUID first = events.order(customer, line(book, 1), line(bookmark, 1));
        UUID second = events.order(events.customer("Leslie Lamport"), line(book, 2));

        events.publish("Product", book, new ProductRenamedEvent(book, "The Art of Computer Programming, Vol. 1"));

        Predicate<OrderView> renamed = view -> view.lines().stream()
                .anyMatch(line -> line.productName().equals("The Art of Computer Programming, Vol. 1"));
        assertThat(awaitOrder(first, renamed).lines()).extracting(OrderLineView::productName)
                .containsExactly("The Art of Computer Programming, Vol. 1", "Bookmark");
        assertThat(awaitOrder(second, renamed).lines()).extracting(OrderLineView::productName)
                .containsExactly("The Art of Computer Programming, Vol. 1");
    }

    @Test
    void confirmingAnOrderConfirmsIt() {
        UUID order = pendingOrder();

        events.publish("Order", order, new OrderConfirmedEvent(order));

        OrderView view = awaitOrder(order, confirmed -> confirmed.status() == OrderStatus.CONFIRMED);
        assertThat(view.version()).isEqualTo(1);
    }

    @Test
    void rejectingAnOrderKeepsTheReason() {
        UUID order = pendingOrder();

        events.publish("Order", order, new OrderRejectedEvent(order, "Out of stock"));

        OrderView view = awaitOrder(order, rejected -> rejected.status() == OrderStatus.REJECTED);
        assertThat(view.rejectionReason()).isEqualTo("Out of stock");
    }

    @Test
    void cancellingAnOrderCancelsIt() {
        UUID order = pendingOrder();
        events.publish("Order", order, new OrderConfirmedEvent(order));

        events.publish("Order", order, new OrderCancelledEvent(order));

        assertThat(awaitOrder(order, cancelled -> cancelled.status() == OrderStatus.CANCELLED).version()).isEqualTo(2);
    }

    @Test
    void shippingAnOrderOnlyMovesItsVersion() {
        UUID order = pendingOrder();
        events.publish("Order", order, new OrderConfirmedEvent(order));

        events.publish("Order", order, new OrderShippedEvent(order));

        OrderView view = awaitOrder(order, shipped -> shipped.version() == 2);
        assertThat(view.status()).isEqualTo(OrderStatus.CONFIRMED);
    }

    @Test
    void aDispatchedShipmentShowsOnItsConfirmedOrderWithoutMovingTheOrdersVersion() {
        UUID order = pendingOrder();
        UUID shipment = UUID.randomUUID();
        events.publish("Order", order, new OrderConfirmedEvent(order));
        events.publish("Shipment", shipment, new ShipmentScheduledEvent(shipment, order));
        OrderView scheduled = awaitOrder(order, view -> view.shipment() == ShipmentStatus.SCHEDULED);
        assertThat(scheduled.status()).isEqualTo(OrderStatus.CONFIRMED);

        events.publish("Shipment", shipment, new ShipmentDispatchedEvent(shipment, order));
        events.publish("Order", order, new OrderShippedEvent(order));

        OrderView shipped = awaitOrder(order, view -> view.version() == 2);
        assertThat(shipped.status()).isEqualTo(OrderStatus.CONFIRMED);
        assertThat(shipped.shipment()).isEqualTo(ShipmentStatus.DISPATCHED);
        assertThat(shipped.updatedAt()).isAfterOrEqualTo(scheduled.updatedAt());
    }

    @Test
    void anOrderHasNoShipmentUntilOneIsScheduledAndAnEarlierShipmentsEventsChangeNothing() {
        UUID order = pendingOrder();
        assertThat(findOrder(order)).get().extracting(OrderView::shipment).isNull();
        UUID cancelled = UUID.randomUUID();
        UUID replacement = UUID.randomUUID();
        events.publish("Order", order, new OrderConfirmedEvent(order));
        events.publish("Shipment", cancelled, new ShipmentScheduledEvent(cancelled, order));
        events.publish("Shipment", replacement, new ShipmentScheduledEvent(replacement, order));

        events.publish("Shipment", cancelled, new ShipmentCancelledEvent(cancelled, order));
        events.publish("Order", order, new OrderCancelledEvent(order));

        OrderView view = awaitOrder(order, done -> done.status() == OrderStatus.CANCELLED);
        assertThat(view.shipment()).as("the replacement shipment's status").isEqualTo(ShipmentStatus.SCHEDULED);
    }

    @Test
    void eventsDeliveredTwiceLeaveTheSameOrderHistory() {
        StoredEvents scenario = newScenario();
        UUID customer = scenario.customer("Margaret Hamilton");
        UUID rope = scenario.product("Core rope", "99.00", 5);
        UUID order = scenario.order(customer, line(rope, 2));
        scenario.reserve(rope, order, 2, "95.00");
        scenario.publish("Customer", customer, new CustomerRenamedEvent(customer, "M. Hamilton"));
        scenario.publish("Product", rope, new ProductRenamedEvent(rope, "Core rope memory"));
        UUID shipment = UUID.randomUUID();
        scenario.publish("Order", order, new OrderConfirmedEvent(order));
        scenario.publish("Shipment", shipment, new ShipmentScheduledEvent(shipment, order),
                new ShipmentCancelledEvent(shipment, order));
        scenario.publish("Order", order, new OrderCancelledEvent(order));
        OrderView once = awaitOrder(order, done -> done.status() == OrderStatus.CANCELLED
                && done.shipment() == ShipmentStatus.CANCELLED
                && done.customerName().equals("M. Hamilton")
                && done.lines().get(0).productName().equals("Core rope memory"));

        Redelivery.deliverAgain(projection, scenario.published(), transactionTemplate);

        assertThat(findOrder(order)).contains(once);
        assertThat(once.total()).isEqualByComparingTo("190.00");
    }

    @Test
    void ordersArePagedNewestFirstWithTotalsAndFilteredByCustomerAndStatus() {
        UUID customer = events.customer("Katherine Johnson");
        UUID slide = events.product("Slide rule", "15.00", 10);
        UUID first = events.order(customer, line(slide, 1));
        UUID second = events.order(customer, line(slide, 1));
        UUID third = events.order(customer, line(slide, 1));
        events.publish("Order", second, new OrderConfirmedEvent(second));
        awaitOrder(second, confirmed -> confirmed.status() == OrderStatus.CONFIRMED);
        awaitOrder(third, placed -> true);
        awaitOrder(first, placed -> true);

        OrderPage firstPage = page(new FindOrdersQuery(customer, null, 0, 2));
        OrderPage secondPage = page(new FindOrdersQuery(customer, null, 1, 2));
        OrderPage confirmed = page(new FindOrdersQuery(customer, OrderStatus.CONFIRMED, 0, 10));

        assertThat(firstPage.totalItems()).isEqualTo(3);
        assertThat(firstPage.totalPages()).isEqualTo(2);
        assertThat(firstPage.items()).extracting(OrderView::orderId).containsExactly(third, second);
        assertThat(secondPage.items()).extracting(OrderView::orderId).containsExactly(first);
        assertThat(confirmed.items()).extracting(OrderView::orderId).containsExactly(second);
        assertThat(confirmed.totalItems()).isEqualTo(1);
    }

    private UUID pendingOrder() {
        UUID customer = events.customer("Customer " + UUID.randomUUID());
        UUID product = events.product("Product " + UUID.randomUUID(), "4.00", 10);
        UUID order = events.order(customer, line(product, 1));
        awaitOrder(order, placed -> true);
        return order;
    }

    private OrderView awaitOrder(UUID orderId, Predicate<OrderView> condition) {
        return awaitView(() -> findOrder(orderId), condition);
    }

    private Optional<OrderView> findOrder(UUID orderId) {
        return queries.query(new FindOrderQuery(orderId), ResponseTypes.optionalInstanceOf(OrderView.class)).join();
    }

    private OrderPage page(FindOrdersQuery query) {
        return queries.query(query, ResponseTypes.instanceOf(OrderPage.class)).join();
    }
}
