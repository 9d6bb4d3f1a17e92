package dev.orderflow.command.shipping;

import dev.orderflow.api.shipping.CancelShipmentCommand;
import dev.orderflow.api.shipping.DispatchShipmentCommand;
import dev.orderflow.api.shipping.ScheduleShipmentCommand;
import dev.orderflow.api.shipping.ShipmentCancelledEvent;
import dev.orderflow.api.shipping.ShipmentDispatchedEvent;
import dev.orderflow.api.shipping.ShipmentScheduledEvent;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static dev.orderflow.command.DomainExceptionMatchers.aRuleViolation;
import static org.hamcrest.Matchers.containsString;

class ShipmentTest {

    private final UUID shipmentId = UUID.randomUUID();
    private final UUID orderId = UUID.randomUUID();

    private FixtureConfiguration<Shipment> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Shipment.class);
    }

    // Schedule

    @Test
    void schedulingAShipmentRecordsItForTheOrder() {
        fixture.givenNoPriorActivity()
                .when(schedule(orderId))
                .expectSuccessfulHandlerExecution()
                .expectEvents(scheduled());
    }

    @Test
    void schedulingAShipmentWithoutAnOrderIsRejected() {
        fixture.givenNoPriorActivity()
                .when(schedule(null))
                .expectNoEvents()
                .expectException(aRuleViolation())
                .expectExceptionMessage("A shipment needs an order");
    }

    // Dispatch

    @Test
    void dispatchingAScheduledShipmentRecordsItAndAnswersTheNewVersion() {
        fixture.given(scheduled())
                .when(dispatch(null))
                .expectEvents(dispatched())
                .expectResultMessagePayload(1L);
    }

    @Test
    void dispatchingAShipmentAgainChangesNothingAndAnswersTheCurrentVersion() {
        fixture.given(scheduled(), dispatched())
                .when(dispatch(null))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents()
                .expectResultMessagePayload(1L);
    }

    @Test
    void dispatchingACancelledShipmentIsRejected() {
        fixture.given(scheduled(), cancelled())
                .when(dispatch(null))
                .expectNoEvents()
                .expectException(aRuleViolation())
                .expectExceptionMessage("Shipment " + shipmentId + " was cancelled and cannot be dispatched");
    }

    @Test
    void dispatchingAShipmentWithAStaleExpectedVersionIsRefused() {
        fixture.given(scheduled(), dispatched())
                .when(dispatch(0L))
                .expectNoEvents()
                .expectException(ConflictingAggregateVersionException.class)
                .expectExceptionMessage(containsString("Expected [0], but repository found [1]"));
    }

    @Test
    void dispatchingAShipmentWithTheCurrentExpectedVersionIsAccepted() {
        fixture.given(scheduled())
                .when(dispatch(0L))
                .expectEvents(dispatched())
                .expectResultMessagePayload(1L);
    }

    // Cancel

    @Test
    void cancellingAScheduledShipmentCancelsIt() {
        fixture.given(scheduled())
                .when(cancel())
                .expectEvents(cancelled());
    }

    @Test
    void cancellingAShipmentAgainChangesNothing() {
        fixture.given(scheduled(), cancelled())
                .when(cancel())
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void cancellingADispatchedShipmentIsRejected() {
        fixture.given(scheduled(), dispatched())
                .when(cancel())
                .expectNoEvents()
                .expectException(aRuleViolation())
                .expectExceptionMessage("Shipment " + shipmentId + " was dispatched and cannot be cancelled");
    }

    // Commands

    private ScheduleShipmentCommand schedule(UUID orderId) {
        return new ScheduleShipmentCommand(shipmentId, orderId);
    }

    private DispatchShipmentCommand dispatch(Long expectedVersion) {
        return new DispatchShipmentCommand(shipmentId, expectedVersion);
    }

    private CancelShipmentCommand cancel() {
        return new CancelShipmentCommand(shipmentId);
    }

    // Events

    private ShipmentScheduledEvent scheduled() {
        return new ShipmentScheduledEvent(shipmentId, orderId);
    }

    private ShipmentDispatchedEvent dispatched() {
        return new ShipmentDispatchedEvent(shipmentId, orderId);
    }

    private ShipmentCancelledEvent cancelled() {
        return new ShipmentCancelledEvent(shipmentId, orderId);
    }
}
