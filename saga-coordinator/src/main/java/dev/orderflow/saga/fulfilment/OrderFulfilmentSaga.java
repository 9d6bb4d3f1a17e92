package dev.orderflow.saga.fulfilment;

import dev.orderflow.api.inventory.ReleaseStockCommand;
import dev.orderflow.api.inventory.ReserveStockCommand;
import dev.orderflow.api.inventory.ShipStockCommand;
import dev.orderflow.api.inventory.StockReservationRejectedEvent;
import dev.orderflow.api.inventory.StockReservedEvent;
import dev.orderflow.api.order.ConfirmOrderCommand;
import dev.orderflow.api.order.OrderCancelledEvent;
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
import dev.orderflow.api.refusal.RefusalKind;
import dev.orderflow.api.shared.Money;
import dev.orderflow.api.shipping.CancelShipmentCommand;
import dev.orderflow.api.shipping.ScheduleShipmentCommand;
import dev.orderflow.shared.command.FollowUpCommands;
import dev.orderflow.shared.command.Refusal;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.SagaLifecycle;
import org.axonframework.modelling.saga.StartSaga;
import org.axonframework.spring.stereotype.Saga;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Fulfils one order across the inventory, payment, shipping and order aggregates, with no distributed
 * transaction: reserve stock for every line, take payment for the sum, then schedule the shipment and
 * confirm the order. Every failure compensates what was taken: reservations are released, a payment
 * is refunded, the order is rejected. Every command it sends is safe to deliver twice, so a step that
 * failed for a passing reason is simply retried; a command the domain refuses (the customer cancelled
 * a moment before, say) is not, and the event that explains the refusal reaches the saga on its own.
 * A step that can never succeed (an id that names no product, a command that fails for good) gives the
 * order up with the reason, so the saga's processor never stays stuck on it.
 * <p>
 * The saga lives on after confirmation until the order ships (its stock then leaves the warehouse) or
 * the customer cancels it, because only the saga knows what a cancellation has to give back.
 */
@Saga
public class OrderFulfilmentSaga {

    static final String PAYMENT_DEADLINE = "payment-timeout";
    private static final Logger log = LoggerFactory.getLogger(OrderFulfilmentSaga.class);

    @Autowired
    private transient FollowUpCommands commands;
    @Autowired
    private transient DeadlineManager deadlines;
    @Autowired
    private transient FulfilmentProperties properties;

    private UUID orderId;
    private UUID customerId;
    private FulfilmentStage stage;
    private PaymentState payment = PaymentState.NOT_REQUESTED;
    private final Map<UUID, Integer> linesAwaitingStock = new LinkedHashMap<>();
    private final Map<UUID, Money> reservedLineAmounts = new LinkedHashMap<>();
    private String paymentDeadlineId;
    private boolean shipmentScheduled;
    private boolean orderClosed;

    // 1. Reserve stock for every line.

    @StartSaga
    @SagaEventHandler(associationProperty = "orderId")
    void on(OrderPlacedEvent event) {
        orderId = event.orderId();
        customerId = event.customerId();
        stage = FulfilmentStage.RESERVING_STOCK;
        for (OrderLine line : event.lines()) {
            linesAwaitingStock.put(line.productId(), line.quantity().value());
        }
        for (OrderLine line : event.lines().stream().sorted(Comparator.comparing(OrderLine::productId)).toList()) {
            commands.send(new ReserveStockCommand(line.productId(), orderId, line.quantity()))
                    .filter(Refusal::leavesNoTrace)
                    .ifPresent(refusal -> lineCannotBeReserved(line.productId(), refusal.is(RefusalKind.NOT_FOUND)
                            ? "Product " + line.productId() + " does not exist"
                            : "Stock of product " + line.productId() + " could not be reserved: " + refusal.reason()));
        }
    }

    @SagaEventHandler(associationProperty = "orderId")
    void on(StockReservedEvent event) {
        if (linesAwaitingStock.remove(event.productId()) == null) {
            return;
        }
        reservedLineAmounts.put(event.productId(), event.unitPrice().times(event.quantity().value()));
        if (stage != FulfilmentStage.RESERVING_STOCK) {
            // The order was given up while this reservation was on its way: give it back at once.
            commands.send(new ReleaseStockCommand(event.productId(), orderId));
            endIfSettled();
        } else if (linesAwaitingStock.isEmpty()) {
            requestPayment();
        }
    }

    // ...compensated when a line cannot be reserved: release the others, reject the order.

    @SagaEventHandler(associationProperty = "orderId")
    void on(StockReservationRejectedEvent event) {
        lineCannotBeReserved(event.productId(), "Product " + event.productId() + " has " + event.available()
                + " available, " + event.requested() + " requested");
    }

    private void lineCannotBeReserved(UUID productId, String reason) {
        if (linesAwaitingStock.remove(productId) == null) {
            return;
        }
        if (stage == FulfilmentStage.RESERVING_STOCK) {
            giveUp(reason);
        } else {
            endIfSettled();
        }
    }

    // 2. When every line is reserved, take payment for the sum, within a deadline.

    private void requestPayment() {
        stage = FulfilmentStage.AWAITING_PAYMENT;
        payment = PaymentState.REQUESTED;
        UUID paymentId = FulfilmentIds.paymentFor(orderId);
        SagaLifecycle.associateWith("paymentId", paymentId.toString());
        Money amount = reservedLineAmounts.values().stream().reduce(Money.ZERO, Money::plus);
        paymentDeadlineId = deadlines.schedule(properties.paymentTimeout(), PAYMENT_DEADLINE);
        // A conflict is this very payment, requested by an earlier try of this step.
        commands.send(new AuthorizePaymentCommand(paymentId, orderId, customerId, amount))
                .filter(refusal -> !refusal.is(RefusalKind.CONFLICT))
                .ifPresent(refusal -> {
                    payment = PaymentState.NOT_REQUESTED;
                    cancelPaymentDeadline();
                    giveUp("Payment could not be requested: " + refusal.reason());
                });
    }

    // 3. When payment is authorized, schedule the shipment and confirm the order.

    @SagaEventHandler(associationProperty = "paymentId")
    void on(PaymentAuthorizedEvent event) {
        if (payment != PaymentState.REQUESTED) {
            return;
        }
        payment = PaymentState.AUTHORIZED;
        if (stage == FulfilmentStage.AWAITING_PAYMENT) {
            cancelPaymentDeadline();
            stage = FulfilmentStage.CONFIRMED;
            Optional<Refusal> notScheduled = commands.send(new ScheduleShipmentCommand(FulfilmentIds.shipmentFor(orderId), orderId))
                    .filter(refusal -> !refusal.is(RefusalKind.CONFLICT));
            if (notScheduled.isPresent()) {
                giveUp("The shipment could not be scheduled: " + notScheduled.get().reason());
                return;
            }
            shipmentScheduled = true;
            // Refused for a rule, the order was cancelled meanwhile, and that event compensates.
            commands.send(new ConfirmOrderCommand(orderId))
                    .filter(Refusal::leavesNoTrace)
                    .ifPresent(refusal -> giveUp("The order could not be confirmed: " + refusal.reason()));
        } else {
            // A late answer: the order was given up or cancelled meanwhile, so the money goes back.
            refundPayment();
        }
    }

    // ...compensated when payment is declined: release every reservation, reject the order.

    @SagaEventHandler(associationProperty = "paymentId")
    void on(PaymentDeclinedEvent event) {
        if (payment != PaymentState.REQUESTED) {
            return;
        }
        payment = PaymentState.DECLINED;
        if (stage == FulfilmentStage.AWAITING_PAYMENT) {
            cancelPaymentDeadline();
            giveUp("Payment declined: " + event.reason());
        } else {
            endIfSettled();
        }
    }

    // ...compensated when the payment does not answer in time: decline it, release, reject as timed out.

    /**
     * The deadline runs on its own clock, while the saga sees the payment's answer only when its event processor
     * gets that far: a saga that lags (after a restart, under load) may not have seen an answer that is already
     * stored. So it asks the payment itself to decline: the payment decides, one command at a time, between this
     * and its approval. If it was authorized first the decline is refused, and the order waits for the
     * authorization's event instead of being given up; once declined, a late approval changes nothing.
     */
    @DeadlineHandler(deadlineName = PAYMENT_DEADLINE)
    void onPaymentTimeout() {
        paymentDeadlineId = null;
        if (stage != FulfilmentStage.AWAITING_PAYMENT || payment != PaymentState.REQUESTED) {
            return;
        }
        String reason = "Payment timed out: no answer within " + properties.paymentTimeout();
        Optional<Refusal> refusal = commands.send(new DeclinePaymentCommand(FulfilmentIds.paymentFor(orderId), reason));
        if (refusal.isEmpty()) {
            payment = PaymentState.DECLINED;
        } else if (refusal.get().is(RefusalKind.RULE_VIOLATED)) {
            log.info("Payment of order {} has answered before its deadline ({}); waiting for that answer",
                    orderId, refusal.get().reason());
            return;
        } else if (refusal.get().is(RefusalKind.NOT_FOUND)) {
            payment = PaymentState.NOT_REQUESTED;
        }
        // Otherwise the payment's state is unknown: give up as timed out, and refund an authorization still to come.
        giveUp(reason);
    }

    // 4. The order ships: its reserved stock leaves the warehouse, and the saga ends.

    @SagaEventHandler(associationProperty = "orderId")
    void on(OrderShippedEvent event) {
        for (UUID productId : reservedProductsInLockOrder()) {
            commands.send(new ShipStockCommand(productId, orderId));
        }
        SagaLifecycle.end();
    }

    // The customer cancels before it ships: refund the payment if taken, release the stock, cancel the shipment.

    @SagaEventHandler(associationProperty = "orderId")
    void on(OrderCancelledEvent event) {
        orderClosed = true;
        stage = FulfilmentStage.CANCELLED;
        cancelPaymentDeadline();
        releaseReservedStock();
        if (shipmentScheduled) {
            commands.send(new CancelShipmentCommand(FulfilmentIds.shipmentFor(orderId)));
        }
        if (payment == PaymentState.AUTHORIZED) {
            refundPayment();
        }
        endIfSettled();
    }

    @SagaEventHandler(associationProperty = "orderId")
    void on(OrderRejectedEvent event) {
        orderClosed = true;
        endIfSettled();
    }

    @SagaEventHandler(associationProperty = "paymentId")
    void on(PaymentRefundedEvent event) {
        payment = PaymentState.REFUNDED;
        endIfSettled();
    }

    /** Gives back whatever was taken (stock, the shipment, a payment) and rejects the order. */
    private void giveUp(String reason) {
        stage = FulfilmentStage.REJECTED;
        releaseReservedStock();
        if (shipmentScheduled) {
            commands.send(new CancelShipmentCommand(FulfilmentIds.shipmentFor(orderId)));
        }
        if (payment == PaymentState.AUTHORIZED) {
            refundPayment();
        }
        commands.send(new RejectOrderCommand(orderId, reason));
        endIfSettled();
    }

    private void releaseReservedStock() {
        for (UUID productId : reservedProductsInLockOrder()) {
            commands.send(new ReleaseStockCommand(productId, orderId));
        }
    }

    /**
     * The commands of one event hold their aggregates' locks until the saga's transaction commits, so two sagas that
     * took two products in opposite orders would wait for each other. Products are always taken in id order.
     */
    private List<UUID> reservedProductsInLockOrder() {
        return reservedLineAmounts.keySet().stream().sorted().toList();
    }

    private void refundPayment() {
        payment = PaymentState.REFUND_REQUESTED;
        commands.send(new RefundPaymentCommand(FulfilmentIds.paymentFor(orderId)));
    }

    private void cancelPaymentDeadline() {
        if (paymentDeadlineId != null) {
            deadlines.cancelSchedule(PAYMENT_DEADLINE, paymentDeadlineId);
            paymentDeadlineId = null;
        }
    }

    /** Ends once the order is closed and nothing is outstanding: no reservation answer, no payment answer or refund. */
    private void endIfSettled() {
        boolean givenUp = stage == FulfilmentStage.REJECTED || stage == FulfilmentStage.CANCELLED;
        if (givenUp && orderClosed && linesAwaitingStock.isEmpty() && payment.isSettled()) {
            SagaLifecycle.end();
        }
    }
}
