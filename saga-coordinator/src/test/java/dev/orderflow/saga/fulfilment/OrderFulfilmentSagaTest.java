package dev.orderflow.saga.fulfilment;

import dev.orderflow.api.inventory.ReleaseStockCommand;
import dev.orderflow.api.inventory.ReserveStockCommand;
import dev.orderflow.api.inventory.ShipStockCommand;
import dev.orderflow.api.inventory.StockReservationRejectedEvent;
import dev.orderflow.api.inventory.StockReservedEvent;
import dev.orderflow.api.order.ConfirmOrderCommand;
import dev.orderflow.api.order.OrderCancelledEvent;
import dev.orderflow.api.order.OrderConfirmedEvent;
import dev.orderflow.api.order.OrderLine;
import dev.orderflow.api.order.OrderPlacedEvent;
import dev.orderflow.api.order.OrderRejectedEvent;
import dev.orderflow.api.order.OrderShippedEvent;
import dev.orderflow.api.order.RejectOrderCommand;
import dev.orderflow.api.payment.AuthorizePaymentCommand;
import dev.orderflow.api.payment.DeclinePaymentCommand;
import dev.orderflow.api.payment.PaymentAuthorizedEvent;
import dev.orderflow.api.payment.PaymentDeclinedEvent;
import dev.orderflow.api.payment.PaymentRefundedEvent;
import dev.orderflow.api.payment.RefundPaymentCommand;
import dev.orderflow.api.refusal.DomainException;
import dev.orderflow.api.shared.Money;
import dev.orderflow.api.shared.Quantity;
import dev.orderflow.api.shipping.CancelShipmentCommand;
import dev.orderflow.api.shipping.ScheduleShipmentCommand;
import dev.orderflow.shared.command.FollowUpCommands;
import dev.orderflow.shared.failure.DomainErrors;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.test.AxonAssertionError;
import org.axonframework.test.saga.SagaTestFixture;
import org.axonframework.test.utils.CallbackBehavior;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OrderFulfilmentSagaTest {

    private static final Duration PAYMENT_TIMEOUT = Duration.ofSeconds(30);
    private static final String TIMED_OUT = "Payment timed out: no answer within PT30S";

    private final UUID orderId = UUID.randomUUID();
    private final UUID customerId = UUID.randomUUID();
    // Mugs sort before plates: an order lists them in the order its commands take them, unless a test says otherwise.
    private final UUID mugs = UUID.fromString("00000000-0000-4000-8000-00000000a001");
    private final UUID plates = UUID.fromString("00000000-0000-4000-8000-00000000a002");
    private final UUID paymentId = FulfilmentIds.paymentFor(orderId);
    private final UUID shipmentId = FulfilmentIds.shipmentFor(orderId);

    private SagaTestFixture<OrderFulfilmentSaga> fixture;

    @BeforeEach
    void setUp() {
        fixture = new SagaTestFixture<>(OrderFulfilmentSaga.class);
        fixture.registerResource(new FollowUpCommands(
                DefaultCommandGateway.builder().commandBus(fixture.getCommandBus()).build()));
        fixture.registerResource(new FulfilmentProperties(PAYMENT_TIMEOUT));
    }

    // Happy path

    @Test
    void placingAnOrderReservesStockForEveryLine() {
        fixture.givenNoPriorActivity()
                .whenPublishingA(placed())
                .expectActiveSagas(1)
                .expectDispatchedCommands(reserve(mugs, 2), reserve(plates, 1))
                .expectNoScheduledDeadlines();
    }

    @Test
    void theLinesAreReservedInProductIdOrderWhateverTheOrderListsThemIn() {
        fixture.givenNoPriorActivity()
                .whenPublishingA(new OrderPlacedEvent(orderId, customerId,
                        List.of(new OrderLine(plates, Quantity.of(1)), new OrderLine(mugs, Quantity.of(2)))))
                .expectDispatchedCommands(reserve(mugs, 2), reserve(plates, 1));
    }

    @Test
    void reservationsAreGivenBackInProductIdOrderWhateverOrderTheyCameIn() {
        fixture.givenAPublished(placed())
                .andThenAPublished(platesReserved())
                .andThenAPublished(mugsReserved())
                .whenPublishingA(new PaymentDeclinedEvent(paymentId, orderId, customerId, Money.of("25.50"), "over the limit"))
                .expectDispatchedCommands(new ReleaseStockCommand(mugs, orderId), new ReleaseStockCommand(plates, orderId),
                        new RejectOrderCommand(orderId, "Payment declined: over the limit"));
    }

    @Test
    void whenEveryLineIsReservedThePaymentIsRequestedForTheSumWithADeadline() {
        fixture.givenAPublished(placed())
                .andThenAPublished(mugsReserved())
                .whenPublishingA(platesReserved())
                .expectDispatchedCommands(new AuthorizePaymentCommand(paymentId, orderId, customerId, Money.of("25.50")))
                .expectScheduledDeadlineWithName(PAYMENT_TIMEOUT, OrderFulfilmentSaga.PAYMENT_DEADLINE);
    }

    @Test
    void anAuthorizedPaymentSchedulesTheShipmentAndConfirmsTheOrder() {
        givenPaymentRequested()
                .whenPublishingA(paymentAuthorized())
                .expectDispatchedCommands(new ScheduleShipmentCommand(shipmentId, orderId), new ConfirmOrderCommand(orderId))
                .expectNoScheduledDeadlines()
                .expectActiveSagas(1);
    }

    @Test
    void aConfirmedOrderThatShipsShipsItsStockAndEndsTheSaga() {
        givenPaymentRequested()
                .andThenAPublished(paymentAuthorized())
                .andThenAPublished(new OrderConfirmedEvent(orderId))
                .whenPublishingA(new OrderShippedEvent(orderId))
                .expectDispatchedCommands(new ShipStockCommand(mugs, orderId), new ShipStockCommand(plates, orderId))
                .expectActiveSagas(0);
    }

    @Test
    void aRepeatedPaymentAnswerChangesNothing() {
        givenPaymentRequested()
                .andThenAPublished(paymentAuthorized())
                .whenPublishingA(paymentAuthorized())
                .expectNoDispatchedCommands();
    }

    // A line cannot be reserved

    @Test
    void aLineThatCannotBeReservedReleasesTheOthersAndRejectsTheOrder() {
        fixture.givenAPublished(placed())
                .andThenAPublished(mugsReserved())
                .whenPublishingA(new StockReservationRejectedEvent(plates, orderId, Quantity.of(1), 0))
                .expectDispatchedCommands(new ReleaseStockCommand(mugs, orderId),
                        new RejectOrderCommand(orderId, "Product " + plates + " has 0 available, 1 requested"))
                .expectNoScheduledDeadlines()
                .expectActiveSagas(1);
    }

    @Test
    void theSagaEndsOnceTheOrderIsRejectedAndEveryLineAnswered() {
        fixture.givenAPublished(placed())
                .andThenAPublished(new StockReservationRejectedEvent(plates, orderId, Quantity.of(1), 0))
                .andThenAPublished(rejected())
                .whenPublishingA(mugsReserved())
                .expectDispatchedCommands(new ReleaseStockCommand(mugs, orderId))
                .expectActiveSagas(0);
    }

    @Test
    void anUnknownProductRejectsTheOrder() {
        fixture.setCallbackBehavior((payload, metaData) -> {
            if (payload instanceof ReserveStockCommand reserve && reserve.productId().equals(plates)) {
                throw new AggregateNotFoundException(plates.toString(), "no such product");
            }
            return null;
        });

        fixture.givenNoPriorActivity()
                .whenPublishingA(placed())
                .expectDispatchedCommands(reserve(mugs, 2), reserve(plates, 1),
                        new RejectOrderCommand(orderId, "Product " + plates + " does not exist"));
    }

    @Test
    void aProductIdThatNamesAnotherKindOfAggregateRejectsTheOrder() {
        fixture.setCallbackBehavior((payload, metaData) -> {
            if (payload instanceof ReserveStockCommand reserve && reserve.productId().equals(plates)) {
                throw new IncompatibleAggregateException("Aggregate identifier must be non-null after applying an event");
            }
            return null;
        });

        fixture.givenNoPriorActivity()
                .whenPublishingA(placed())
                .expectSuccessfulHandlerExecution()
                .expectDispatchedCommands(reserve(mugs, 2), reserve(plates, 1),
                        new RejectOrderCommand(orderId, "Product " + plates + " does not exist"));
    }

    @Test
    void aReservationThatFailsForGoodRejectsTheOrderInsteadOfBeingRetried() {
        fixture.setCallbackBehavior((payload, metaData) -> {
            if (payload instanceof ReserveStockCommand reserve && reserve.productId().equals(plates)) {
                throw new IllegalStateException("cannot read the product's events");
            }
            return null;
        });

        fixture.givenNoPriorActivity()
                .whenPublishingA(placed())
                .expectSuccessfulHandlerExecution()
                .expectDispatchedCommands(reserve(mugs, 2), reserve(plates, 1), new RejectOrderCommand(orderId,
                        "Stock of product " + plates + " could not be reserved: cannot read the product's events"));
    }

    @Test
    void aReservationThatFailsForAPassingReasonFailsTheEventSoItIsRetried() {
        fixture.setCallbackBehavior((payload, metaData) -> {
            if (payload instanceof ReserveStockCommand) {
                throw new IllegalStateException("connection lost", new SQLTransientConnectionException("gone", "08006"));
            }
            return null;
        });

        assertThatThrownBy(() -> fixture.givenNoPriorActivity()
                .whenPublishingA(placed())
                .expectSuccessfulHandlerExecution())
                .isInstanceOf(AxonAssertionError.class);
    }

    // Payment cannot be requested, or what follows it cannot be done

    @Test
    void aPaymentThatCannotBeRequestedReleasesTheStockAndRejectsTheOrder() {
        fixture.setCallbackBehavior((payload, metaData) -> {
            if (payload instanceof AuthorizePaymentCommand) {
                throw new IllegalArgumentException("no such currency");
            }
            return null;
        });

        fixture.givenAPublished(placed())
                .andThenAPublished(mugsReserved())
                .whenPublishingA(platesReserved())
                .expectSuccessfulHandlerExecution()
                .expectDispatchedCommands(new AuthorizePaymentCommand(paymentId, orderId, customerId, Money.of("25.50")),
                        new ReleaseStockCommand(mugs, orderId), new ReleaseStockCommand(plates, orderId),
                        new RejectOrderCommand(orderId, "Payment could not be requested: no such currency"))
                .expectNoScheduledDeadlines();
    }

    @Test
    void aRetriedPaymentRequestThatFindsItsPaymentAlreadyThereGoesOn() {
        fixture.setCallbackBehavior((payload, metaData) -> {
            if (payload instanceof AuthorizePaymentCommand) {
                throw DomainException.conflict("A resource with this id already exists");
            }
            return null;
        });

        fixture.givenAPublished(placed())
                .andThenAPublished(mugsReserved())
                .whenPublishingA(platesReserved())
                .expectDispatchedCommands(new AuthorizePaymentCommand(paymentId, orderId, customerId, Money.of("25.50")))
                .expectScheduledDeadlineWithName(PAYMENT_TIMEOUT, OrderFulfilmentSaga.PAYMENT_DEADLINE);
    }

    @Test
    void aShipmentThatCannotBeScheduledRefundsThePaymentReleasesTheStockAndRejectsTheOrder() {
        fixture.setCallbackBehavior((payload, metaData) -> {
            if (payload instanceof ScheduleShipmentCommand) {
                throw new IllegalStateException("no carrier");
            }
            return null;
        });

        givenPaymentRequested()
                .whenPublishingA(paymentAuthorized())
                .expectSuccessfulHandlerExecution()
                .expectDispatchedCommands(new ScheduleShipmentCommand(shipmentId, orderId),
                        new ReleaseStockCommand(mugs, orderId), new ReleaseStockCommand(plates, orderId),
                        new RefundPaymentCommand(paymentId),
                        new RejectOrderCommand(orderId, "The shipment could not be scheduled: no carrier"));
    }

    @Test
    void anOrderThatCannotBeConfirmedCancelsItsShipmentRefundsAndIsRejected() {
        fixture.setCallbackBehavior((payload, metaData) -> {
            if (payload instanceof ConfirmOrderCommand) {
                throw new IncompatibleAggregateException("Aggregate identifier must be non-null after applying an event");
            }
            return null;
        });

        givenPaymentRequested()
                .whenPublishingA(paymentAuthorized())
                .expectSuccessfulHandlerExecution()
                .expectDispatchedCommands(new ScheduleShipmentCommand(shipmentId, orderId), new ConfirmOrderCommand(orderId),
                        new ReleaseStockCommand(mugs, orderId), new ReleaseStockCommand(plates, orderId),
                        new CancelShipmentCommand(shipmentId), new RefundPaymentCommand(paymentId),
                        new RejectOrderCommand(orderId, "The order could not be confirmed: "
                                + DomainErrors.NO_SUCH_AGGREGATE_TYPE));
    }

    // Payment declined

    @Test
    void aDeclinedPaymentReleasesEveryReservationAndRejectsTheOrder() {
        givenPaymentRequested()
                .whenPublishingA(new PaymentDeclinedEvent(paymentId, orderId, customerId, Money.of("25.50"), "over the limit"))
                .expectDispatchedCommands(new ReleaseStockCommand(mugs, orderId), new ReleaseStockCommand(plates, orderId),
                        new RejectOrderCommand(orderId, "Payment declined: over the limit"))
                .expectNoScheduledDeadlines();
    }

    // Payment does not answer in time

    @Test
    void noPaymentAnswerWithinTheDeadlineDeclinesThePaymentReleasesTheStockAndRejectsTheOrderAsTimedOut() {
        givenPaymentRequested()
                .whenTimeElapses(PAYMENT_TIMEOUT.plusSeconds(1))
                .expectTriggeredDeadlinesWithName(OrderFulfilmentSaga.PAYMENT_DEADLINE)
                .expectDispatchedCommands(new DeclinePaymentCommand(paymentId, TIMED_OUT),
                        new ReleaseStockCommand(mugs, orderId), new ReleaseStockCommand(plates, orderId),
                        new RejectOrderCommand(orderId, TIMED_OUT))
                .expectActiveSagas(1);
    }

    @Test
    void aTimedOutPaymentIsDeclinedSoTheSagaEndsWithTheRejection() throws Exception {
        givenPaymentRequested()
                .andThenTimeElapses(PAYMENT_TIMEOUT.plusSeconds(1))
                .whenPublishingA(rejected())
                .expectNoDispatchedCommands()
                .expectActiveSagas(0);
    }

    @Test
    void aDeadlineThatFindsThePaymentAlreadyAuthorizedLeavesTheOrderToThatAnswer() {
        fixture.setCallbackBehavior((payload, metaData) -> {
            if (payload instanceof DeclinePaymentCommand) {
                throw DomainException.ruleViolated("Payment " + paymentId + " is AUTHORIZED and cannot be declined");
            }
            return null;
        });

        givenPaymentRequested()
                .whenTimeElapses(PAYMENT_TIMEOUT.plusSeconds(1))
                .expectTriggeredDeadlinesWithName(OrderFulfilmentSaga.PAYMENT_DEADLINE)
                .expectDispatchedCommands(new DeclinePaymentCommand(paymentId, TIMED_OUT))
                .expectActiveSagas(1);
    }

    @Test
    void anAuthorizationTheSagaSeesOnlyAfterItsDeadlineStillConfirmsTheOrder() throws Exception {
        fixture.setCallbackBehavior((payload, metaData) -> {
            if (payload instanceof DeclinePaymentCommand) {
                throw DomainException.ruleViolated("Payment " + paymentId + " is AUTHORIZED and cannot be declined");
            }
            return null;
        });

        givenPaymentRequested()
                .andThenTimeElapses(PAYMENT_TIMEOUT.plusSeconds(1))
                .whenPublishingA(paymentAuthorized())
                .expectDispatchedCommands(new ScheduleShipmentCommand(shipmentId, orderId), new ConfirmOrderCommand(orderId));
    }

    /** Another instance changed the payment first (it may have approved it): the scheduler runs the deadline again on the new state. */
    @Test
    void aDeadlineWhoseDeclineMeetsAConcurrentChangeFailsSoTheSchedulerRunsItAgain() {
        fixture.setCallbackBehavior((payload, metaData) -> {
            if (payload instanceof DeclinePaymentCommand) {
                throw new ConcurrencyException("changed concurrently");
            }
            return null;
        });

        assertThatThrownBy(() -> givenPaymentRequested().whenTimeElapses(PAYMENT_TIMEOUT.plusSeconds(1)))
                .hasRootCauseInstanceOf(ConcurrencyException.class);
    }

    @Test
    void aPaymentAuthorizedAfterATimeoutWhoseDeclineFailedIsRefunded() throws Exception {
        fixture.setCallbackBehavior(declineFailsForGood());

        givenPaymentRequested()
                .andThenTimeElapses(PAYMENT_TIMEOUT.plusSeconds(1))
                .andThenAPublished(rejected())
                .whenPublishingA(paymentAuthorized())
                .expectDispatchedCommands(new RefundPaymentCommand(paymentId))
                .expectActiveSagas(1);
    }

    @Test
    void theSagaEndsWhenTheLatePaymentIsRefunded() throws Exception {
        fixture.setCallbackBehavior(declineFailsForGood());

        givenPaymentRequested()
                .andThenTimeElapses(PAYMENT_TIMEOUT.plusSeconds(1))
                .andThenAPublished(rejected())
                .andThenAPublished(paymentAuthorized())
                .whenPublishingA(new PaymentRefundedEvent(paymentId, orderId, customerId, Money.of("25.50")))
                .expectNoDispatchedCommands()
                .expectActiveSagas(0);
    }

    @Test
    void aPaymentDeclinedAfterATimeoutWhoseDeclineFailedNeedsNoCompensation() throws Exception {
        fixture.setCallbackBehavior(declineFailsForGood());

        givenPaymentRequested()
                .andThenTimeElapses(PAYMENT_TIMEOUT.plusSeconds(1))
                .andThenAPublished(rejected())
                .whenPublishingA(new PaymentDeclinedEvent(paymentId, orderId, customerId, Money.of("25.50"), "late"))
                .expectNoDispatchedCommands()
                .expectActiveSagas(0);
    }

    // The customer cancels

    @Test
    void cancellingAConfirmedOrderRefundsThePaymentReleasesTheStockAndCancelsTheShipment() {
        givenPaymentRequested()
                .andThenAPublished(paymentAuthorized())
                .andThenAPublished(new OrderConfirmedEvent(orderId))
                .whenPublishingA(new OrderCancelledEvent(orderId))
                .expectDispatchedCommands(new ReleaseStockCommand(mugs, orderId), new ReleaseStockCommand(plates, orderId),
                        new CancelShipmentCommand(shipmentId), new RefundPaymentCommand(paymentId))
                .expectActiveSagas(1);
    }

    @Test
    void cancellingWhileThePaymentIsOpenReleasesTheStockAndRefundsALateAuthorization() {
        givenPaymentRequested()
                .andThenAPublished(new OrderCancelledEvent(orderId))
                .whenPublishingA(paymentAuthorized())
                .expectDispatchedCommands(new RefundPaymentCommand(paymentId))
                .expectNoScheduledDeadlines();
    }

    @Test
    void cancellingWhileReservingReleasesReservationsAsTheyArriveAndNeverAsksForPayment() {
        fixture.givenAPublished(placed())
                .andThenAPublished(mugsReserved())
                .andThenAPublished(new OrderCancelledEvent(orderId))
                .whenPublishingA(platesReserved())
                .expectDispatchedCommands(new ReleaseStockCommand(plates, orderId))
                .expectNoScheduledDeadlines()
                .expectActiveSagas(0);
    }

    @Test
    void aCommandTheDomainRefusesIsNotRetried() {
        fixture.setCallbackBehavior((payload, metaData) -> {
            if (payload instanceof ConfirmOrderCommand) {
                throw DomainException.ruleViolated("Order is CANCELLED and cannot be confirmed");
            }
            return null;
        });

        givenPaymentRequested()
                .whenPublishingA(paymentAuthorized())
                .expectSuccessfulHandlerExecution()
                .expectDispatchedCommands(new ScheduleShipmentCommand(shipmentId, orderId), new ConfirmOrderCommand(orderId));
    }

    // Mothers

    private CallbackBehavior declineFailsForGood() {
        return (payload, metaData) -> {
            if (payload instanceof DeclinePaymentCommand) {
                throw new IllegalStateException("the payment's events cannot be read");
            }
            return null;
        };
    }

    private org.axonframework.test.saga.ContinuedGivenState givenPaymentRequested() {
        return fixture.givenAPublished(placed())
                .andThenAPublished(mugsReserved())
                .andThenAPublished(platesReserved());
    }

    private OrderPlacedEvent placed() {
        return new OrderPlacedEvent(orderId, customerId,
                List.of(new OrderLine(mugs, Quantity.of(2)), new OrderLine(plates, Quantity.of(1))));
    }

    private StockReservedEvent mugsReserved() {
        return new StockReservedEvent(mugs, orderId, Quantity.of(2), Money.of("10.00"));
    }

    private StockReservedEvent platesReserved() {
        return new StockReservedEvent(plates, orderId, Quantity.of(1), Money.of("5.50"));
    }

    private PaymentAuthorizedEvent paymentAuthorized() {
        return new PaymentAuthorizedEvent(paymentId, orderId, customerId, Money.of("25.50"));
    }

    private OrderRejectedEvent rejected() {
        return new OrderRejectedEvent(orderId, "given up");
    }

    private ReserveStockCommand reserve(UUID productId, int quantity) {
        return new ReserveStockCommand(productId, orderId, Quantity.of(quantity));
    }
}
