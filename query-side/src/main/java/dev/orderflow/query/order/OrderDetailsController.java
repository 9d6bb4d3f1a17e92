package dev.orderflow.query.order;

import dev.orderflow.shared.openapi.ApiTags;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;
import java.util.concurrent.CompletableFuture;

@RestController
@RequestMapping("/orders")
@Tag(name = ApiTags.ORDERS)
class OrderDetailsController {

    private final OrderDetailsComposition composition;

    OrderDetailsController(OrderDetailsComposition composition) {
        this.composition = composition;
    }

    @GetMapping("/{orderId}/details")
    @Operation(summary = "An order with its customer, payment and shipment", description = "Composed from four "
            + "queries run in parallel, each with a time limit (orderflow.query.order-details.*). Each part is "
            + "{\"status\":\"AVAILABLE\",\"data\":{...}}, {\"status\":\"NOT_FOUND\"} (no payment or shipment yet) or "
            + "{\"status\":\"UNAVAILABLE\",\"reason\":\"...\"} when it failed or timed out; 404 only for an unknown order.")
    CompletableFuture<OrderDetails> details(@PathVariable UUID orderId) {
        return composition.compose(orderId);
    }
}
