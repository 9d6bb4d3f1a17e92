package dev.orderflow.query.order;

import dev.orderflow.api.customer.CustomerView;
import dev.orderflow.api.customer.FindCustomerByOrderQuery;
import dev.orderflow.api.order.FindOrderQuery;
import dev.orderflow.api.order.OrderView;
import dev.orderflow.api.payment.FindPaymentByOrderQuery;
import dev.orderflow.api.payment.PaymentView;
import dev.orderflow.api.refusal.DomainException;
import dev.orderflow.api.shipping.FindShipmentByOrderQuery;
import dev.orderflow.api.shipping.ShipmentView;
import dev.orderflow.query.order.OrderDetails.Part;
import dev.orderflow.query.order.OrderDetails.PartStatus;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * API composition: an order's details from four separate queries (order history, customer accounts, payment
 * status, shipments), each owned by its own read model and, in the distributed mode, possibly answered by
 * another instance. They run in parallel, each with its own time limit; a part that fails or does not answer
 * in time is reported unavailable and the others are returned anyway. Only an order the order history does
 * not know makes the whole answer a 404.
 */
@Component
class OrderDetailsComposition {

    private static final Logger log = LoggerFactory.getLogger(OrderDetailsComposition.class);

    private final QueryGateway queries;
    private final OrderDetailsProperties properties;
    /** Runs the parts; the local query bus answers in the calling thread, so this is what makes them parallel. */
    private final Executor parts;

    OrderDetailsComposition(QueryGateway queries, OrderDetailsProperties properties,
                            @Qualifier(OrderDetailsConfiguration.EXECUTOR) Executor parts) {
        this.queries = queries;
        this.properties = properties;
        this.parts = parts;
    }

    CompletableFuture<OrderDetails> compose(UUID orderId) {
        CompletableFuture<Part<OrderView>> order = part("order", new FindOrderQuery(orderId), OrderView.class);
        CompletableFuture<Part<CustomerView>> customer =
                part("customer", new FindCustomerByOrderQuery(orderId), CustomerView.class);
        CompletableFuture<Part<PaymentView>> payment =
                part("payment", new FindPaymentByOrderQuery(orderId), PaymentView.class);
        CompletableFuture<Part<ShipmentView>> shipment =
                part("shipment", new FindShipmentByOrderQuery(orderId), ShipmentView.class);
        return CompletableFuture.allOf(order, customer, payment, shipment).thenApply(all -> {
            if (order.join().status() == PartStatus.NOT_FOUND) {
                throw DomainException.notFound("No order " + orderId + " in the order history");
            }
            return new OrderDetails(orderId, order.join(), customer.join(), payment.join(), shipment.join());
        });
    }

    private <Q, T> CompletableFuture<Part<T>> part(String name, Q query, Class<T> viewType) {
        Duration limit = properties.timeoutOf(name);
        CompletableFuture<Optional<T>> answer;
        try {
            answer = CompletableFuture
                    .supplyAsync(() -> queries.query(query, ResponseTypes.optionalInstanceOf(viewType)), parts)
                    .thenCompose(pending -> pending);
        } catch (RejectedExecutionException busy) {
            return CompletableFuture.completedFuture(Part.unavailable("too many requests in progress; retry shortly"));
        }
        return answer.orTimeout(limit.toMillis(), TimeUnit.MILLISECONDS)
                     .handle((found, failure) -> failure == null
                             ? found.map(Part::available).orElseGet(Part::notFound)
                             : Part.unavailable(reason(name, failure, limit)));
    }

    private static String reason(String part, Throwable failure, Duration limit) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof TimeoutException) {
            log.warn("The {} part of an order's details did not answer within {} ms", part, limit.toMillis());
            return "no answer within " + limit.toMillis() + " ms";
        }
        log.warn("The {} part of an order's details failed", part, cause);
        return "the " + part + " query failed: " + cause.getClass().getSimpleName()
                + (cause.getMessage() == null ? "" : " (" + cause.getMessage() + ")");
    }
}
