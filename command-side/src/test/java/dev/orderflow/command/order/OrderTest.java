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
import dev.orderflow.api.order.PlaceOrderCommand;
import dev.orderflow.api.order.RejectOrderCommand;
import dev.orderflow.api.shared.Quantity;
import dev.orderflow.command.KnownAggregates;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static dev.orderflow.command.DomainExceptionMatchers.aNotFound;
import static dev.orderflow.command.DomainExceptionMatchers.aRuleViolation;
import static org.hamcrest.Matchers.containsString;

class OrderTest {

    private final UUID orderId = UUID.randomUUID();
    private final UUID customerId = UUID.randomUUID();
    private final List<OrderLine> lines = List.of(line(2), line(1));

    /** Ids the known aggregates answer with another type than the order takes them for, or not at all. */
    private final Map<UUID, String> otherTypes = new HashMap<>();
    private FixtureConfiguration<Order> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Order.class);
        // Every id is what the order takes it for, unless a test says otherwise.
        fixture.registerInjectableResource((KnownAggregates) ids -> {
            Map<UUID, String> types = new HashMap<>();
            ids.stream().filter(id -> !"none".equals(otherTypes.get(id)))
                    .forEach(id -> types.put(id, otherTypes.getOrDefault(id, id.equals(customerId) ? "Customer" : "Product")));
            return types;
        });
    }

    // Place

    @Test
    void placingAnOrderRecordsItWithItsLines() {
        fixture.givenNoPriorActivity()
                .when(place(customerId, lines))
                .expectSuccessfulHandlerExecution()
                .expectEvents(placed());
    }

    @Test
    void anOrderForAProductThatDoesNotExistIsNotFoundAndStoresNothing() {
        OrderLine unknown = line(1);
        otherTypes.put(unknown.productId(), "none");

        fixture.givenNoPriorActivity()
                .when(place(customerId, List.of(line(2), unknown)))
                .expectNoEvents()
                .expectException(aNotFound())
                .expectExceptionMessage("lines[1].productId: no product has id " + unknown.productId());
    }

    @Test
    void anOrderNamingACustomerAsAProductIsNotFoundAndStoresNothing() {
        OrderLine customerAsProduct = line(1);
        otherTypes.put(customerAsProduct.productId(), "Customer");

        fixture.givenNoPriorActivity()
                .when(place(customerId, List.of(customerAsProduct)))
                .expectNoEvents()
                .expectException(aNotFound())
                .expectExceptionMessage("lines[0].productId: " + customerAsProduct.productId()
                        + " is the id of a customer, not of a product");
    }

    @Test
    void anOrderWhoseCustomerIsAProductIsNotFoundAndStoresNothing() {
        otherTypes.put(customerId, "Product");

        fixture.givenNoPriorActivity()
                .when(place(customerId, lines))
                .expectNoEvents()
                .expectException(aNotFound())
                .expectExceptionMessage("customerId: " + customerId + " is the id of a product, not of a customer");
    }

    @Test
    void placingAnOrderWithoutACustomerIsRejected() {
        fixture.givenNoPriorActivity()
                .when(place(null, lines))
                .expectNoEvents()
                .expectException(aRuleViolation())
                .expectExceptionMessage("An order needs a customer");
    }

    @Test
    void placingAnOrderWithoutLinesIsRejected() {
        fixture.givenNoPriorActivity()
                .when(place(customerId, List.of()))
                .expectNoEvents()
                .expectException(aRuleViolation())
                .expectExceptionMessage("An order needs at least one line");
    }

    @Test
    void placingAnOrderWithNoListOfLinesIsRejected() {
        fixture.givenNoPriorActivity()
                .when(place(customerId, null))
                .expectNoEvents()
                .expectException(aRuleViolation())
                .expectExceptionMessage("An order needs at least one line");
    }

    @Test
    void placingAnOrderWithTheMostLinesAllowedIsAccepted() {
        List<OrderLine> mostLines = linesOfDifferentProducts(Order.MAX_LINES);

        fixture.givenNoPriorActivity()
                .when(place(customerId, mostLines))
                .expectEvents(new OrderPlacedEvent(orderId, customerId, mostLines));
    }

    @Test
    void placingAnOrderWithMoreLinesThanAllowedIsRejected() {
        fixture.givenNoPriorActivity()
                .when(place(customerId, linesOfDifferentProducts(Order.MAX_LINES + 1)))
                .expectNoEvents()
                .expectException(aRuleViolation())
                .expectExceptionMessage("An order has at most 100 lines");
    }

    @Test
    void placingAnOrderWithTheSameProductOnTwoLinesIsRejected() {
        UUID productId = UUID.randomUUID();

        fixture.givenNoPriorActivity()
                .when(place(customerId, List.of(line(productId, 1), line(2), line(productId, 3))))
                .expectNoEvents()
                .expectException(aRuleViolation())
                .expectExceptionMessage("Product " + productId + " appears on more than one line");
    }

    // Confirm

    @Test
    void confirmingAPendingOrderConfirmsIt() {
        fixture.given(placed())
                .when(confirm())
                .expectEvents(confirmed());
    }

    @Test
    void confirmingAnOrderAgainChangesNothing() {
        fixture.given(placed(), confirmed())
                .when(confirm())
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void confirmingARejectedOrderIsRejected() {
        fixture.given(placed(), rejected("out of stock"))
                .when(confirm())
                .expectNoEvents()
                .expectException(aRuleViolation())
                .expectExceptionMessage("Order " + orderId + " is REJECTED and cannot be confirmed; it must be PENDING");
    }

    @Test
    void confirmingACancelledOrderIsRejected() {
        fixture.given(placed(), cancelled())
                .when(confirm())
                .expectNoEvents()
                .expectException(aRuleViolation())
                .expectExceptionMessage(containsString("is CANCELLED and cannot be confirmed"));
    }

    // Reject

    @Test
    void rejectingAPendingOrderRejectsItWithTheReason() {
        fixture.given(placed())
                .when(reject("out of stock"))
                .expectEvents(rejected("out of stock"));
    }

    @Test
    void rejectingAnOrderWithoutAReasonRecordsItAsUnspecified() {
        fixture.given(placed())
                .when(reject(null))
                .expectEvents(rejected("unspecified"));
    }

    @Test
    void rejectingAnOrderAgainChangesNothing() {
        fixture.given(placed(), rejected("out of stock"))
                .when(reject("payment declined"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void rejectingAConfirmedOrderIsRejected() {
        fixture.given(placed(), confirmed())
                .when(reject("out of stock"))
                .expectNoEvents()
                .expectException(aRuleViolation())
                .expectExceptionMessage("Order " + orderId + " is CONFIRMED and cannot be rejected; it must be PENDING");
    }

    @Test
    void rejectingACancelledOrderIsRejected() {
        fixture.given(placed(), cancelled())
                .when(reject("out of stock"))
                .expectNoEvents()
                .expectException(aRuleViolation())
                .expectExceptionMessage(containsString("is CANCELLED and cannot be rejected"));
    }

    // Cancel

    @Test
    void cancellingAPendingOrderCancelsItAndAnswersTheNewVersion() {
        fixture.given(placed())
                .when(cancel(null))
                .expectEvents(cancelled())
                .expectResultMessagePayload(1L);
    }

    @Test
    void cancellingAConfirmedOrderThatHasNotShippedCancelsIt() {
        fixture.given(placed(), confirmed())
                .when(cancel(null))
                .expectEvents(cancelled())
                .expectResultMessagePayload(2L);
    }

    @Test
    void cancellingAnOrderAgainChangesNothingAndAnswersTheCurrentVersion() {
        fixture.given(placed(), cancelled())
                .when(cancel(null))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectResultMessagePayload(1L);
    }

    @Test
    void cancellingAShippedOrderIsRejected() {
        fixture.given(placed(), confirmed(), shipped())
                .when(cancel(null))
                .expectNoEvents()
                .expectException(aRuleViolation())
                .expectExceptionMessage("Order " + orderId + " has shipped and can no longer be cancelled");
    }

    @Test
    void cancellingARejectedOrderIsRejected() {
        fixture.given(placed(), rejected("out of stock"))
                .when(cancel(null))
                .expectNoEvents()
                .expectException(aRuleViolation())
                .expectExceptionMessage("Order " + orderId + " was rejected; there is nothing to cancel");
    }

    @Test
    void cancellingAnOrderWithAStaleExpectedVersionIsRefused() {
        fixture.given(placed(), confirmed())
                .when(cancel(0L))
                .expectNoEvents()
                .expectException(ConflictingAggregateVersionException.class)
                .expectExceptionMessage(containsString("Expected [0], but repository found [1]"));
    }

    @Test
    void cancellingAnOrderWithTheCurrentExpectedVersionIsAccepted() {
        fixture.given(placed(), confirmed())
                .when(cancel(1L))
                .expectEvents(cancelled())
                .expectResultMessagePayload(2L);
    }

    // Ship

    @Test
    void markingAConfirmedOrderShippedRecordsIt() {
        fixture.given(placed(), confirmed())
                .when(markShipped())
                .expectEvents(shipped());
    }

    @Test
    void markingAnOrderShippedAgainChangesNothing() {
        fixture.given(placed(), confirmed(), shipped())
                .when(markShipped())
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void markingAPendingOrderShippedIsRejected() {
        fixture.given(placed())
                .when(markShipped())
                .expectNoEvents()
                .expectException(aRuleViolation())
                .expectExceptionMessage("Order " + orderId + " is PENDING and cannot be shipped; it must be CONFIRMED");
    }

    @Test
    void markingACancelledOrderShippedIsRejected() {
        fixture.given(placed(), confirmed(), cancelled())
                .when(markShipped())
                .expectNoEvents()
                .expectException(aRuleViolation())
                .expectExceptionMessage(containsString("is CANCELLED and cannot be shipped"));
    }

    @Test
    void markingARejectedOrderShippedIsRejected() {
        fixture.given(placed(), rejected("out of stock"))
                .when(markShipped())
                .expectNoEvents()
                .expectException(aRuleViolation())
                .expectExceptionMessage(containsString("is REJECTED and cannot be shipped"));
    }

    // Lines

    private static OrderLine line(int quantity) {
        return line(UUID.randomUUID(), quantity);
    }

    private static OrderLine line(UUID productId, int quantity) {
        return new OrderLine(productId, Quantity.of(quantity));
    }

    private static List<OrderLine> linesOfDifferentProducts(int count) {
        return Stream.generate(() -> line(1)).limit(count).toList();
    }

    // Commands

    private PlaceOrderCommand place(UUID customerId, List<OrderLine> lines) {
        return new PlaceOrderCommand(orderId, customerId, lines);
    }

    private ConfirmOrderCommand confirm() {
        return new ConfirmOrderCommand(orderId);
    }

    private RejectOrderCommand reject(String reason) {
        return new RejectOrderCommand(orderId, reason);
    }

    private CancelOrderCommand cancel(Long expectedVersion) {
        return new CancelOrderCommand(orderId, expectedVersion);
    }

    private MarkOrderShippedCommand markShipped() {
        return new MarkOrderShippedCommand(orderId);
    }

    // Events

    private OrderPlacedEvent placed() {
        return new OrderPlacedEvent(orderId, customerId, lines);
    }

    private OrderConfirmedEvent confirmed() {
        return new OrderConfirmedEvent(orderId);
    }

    private OrderRejectedEvent rejected(String reason) {
        return new OrderRejectedEvent(orderId, reason);
    }

    private OrderCancelledEvent cancelled() {
        return new OrderCancelledEvent(orderId);
    }

    private OrderShippedEvent shipped() {
        return new OrderShippedEvent(orderId);
    }
}
