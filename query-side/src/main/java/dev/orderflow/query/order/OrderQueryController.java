package dev.orderflow.query.order;

import dev.orderflow.api.order.FindOrderQuery;
import dev.orderflow.api.order.FindOrdersQuery;
import dev.orderflow.api.order.OrderPage;
import dev.orderflow.api.order.OrderStatus;
import dev.orderflow.api.order.OrderView;
import dev.orderflow.query.Paging;
import dev.orderflow.query.UpdateStreams;
import dev.orderflow.query.VersionedReads;
import dev.orderflow.shared.error.InvalidRequestException;
import dev.orderflow.shared.openapi.ApiTags;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;

import java.util.Arrays;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

/** The order history over REST. Only GET mappings: the command side owns the other methods on these paths. */
@RestController
@RequestMapping("/orders")
@Tag(name = ApiTags.ORDERS)
class OrderQueryController {

    private final QueryGateway queries;
    private final VersionedReads reads;
    private final UpdateStreams streams;

    OrderQueryController(QueryGateway queries, VersionedReads reads, UpdateStreams streams) {
        this.queries = queries;
        this.reads = reads;
        this.streams = streams;
    }

    @GetMapping("/{orderId}")
    @Operation(summary = "An order", description = "404 for an unknown order. With minVersion (the ETag a command "
            + "on this order answered with; 0 after placing it) the answer waits until the order history shows at "
            + "least that version, at most waitMs (capped by orderflow.query.read-your-writes.max-wait); 503 with "
            + "Retry-After if it does not get there in time.")
    CompletableFuture<OrderView> find(@PathVariable UUID orderId,
                                      @Parameter(description = "wait until the order shows at least this version")
                                      @RequestParam(required = false) Long minVersion,
                                      @Parameter(description = "how long to wait for minVersion, in milliseconds")
                                      @RequestParam(required = false) Long waitMs) {
        return reads.find(new FindOrderQuery(orderId), OrderView.class, OrderView::version, minVersion, waitMs,
                "No order " + orderId + " in the order history");
    }

    @GetMapping
    @Operation(summary = "Orders, newest first", description = "Filter by customer and status; pages count from 0.")
    CompletableFuture<OrderPage> list(@RequestParam(required = false) UUID customerId,
                                      @Parameter(description = "PENDING, CONFIRMED, REJECTED or CANCELLED")
                                      @RequestParam(required = false) String status,
                                      @RequestParam(defaultValue = "0") int page,
                                      @RequestParam(defaultValue = "20") int size) {
        Paging.check(page, size, FindOrdersQuery.MAX_PAGE_SIZE);
        OrderStatus statusFilter = status == null || status.isBlank() ? null : parseStatus("status", status);
        return queries.query(new FindOrdersQuery(customerId, statusFilter, page, size),
                ResponseTypes.instanceOf(OrderPage.class));
    }

    @GetMapping(path = "/{orderId}/updates", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(summary = "An order's changes as server-sent events", description = "An 'order' event with the order "
            + "as it is now (once it exists), then one after every change. Subscribe before or right after placing "
            + "an order to watch it move from PENDING to CONFIRMED or REJECTED.")
    Flux<ServerSentEvent<OrderView>> updates(@PathVariable UUID orderId) {
        return streams.stream(new FindOrderQuery(orderId), OrderView.class, "order");
    }

    /** The status a client filters by, in any case; a 400 naming the parameter for anything else. */
    private static OrderStatus parseStatus(String parameter, String value) {
        try {
            return OrderStatus.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException(parameter, "must be one of " + Arrays.stream(OrderStatus.values())
                    .map(Enum::name).collect(Collectors.joining(", ")));
        }
    }
}
