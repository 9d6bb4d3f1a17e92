package dev.orderflow.query.customer;

import dev.orderflow.api.customer.CustomerView;
import dev.orderflow.api.customer.FindCustomerQuery;
import dev.orderflow.query.VersionedReads;
import dev.orderflow.shared.openapi.ApiTags;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/** Customer accounts over REST. Only GET mappings: the command side owns the other methods on these paths. */
@RestController
@RequestMapping("/customers")
@Tag(name = ApiTags.CUSTOMERS)
class CustomerQueryController {

    private final VersionedReads reads;

    CustomerQueryController(VersionedReads reads) {
        this.reads = reads;
    }

    @GetMapping("/{customerId}")
    @Operation(summary = "A customer account", description = "404 for an unknown customer. With minVersion (the ETag "
            + "of a command on this customer) the answer waits until the account shows at least that version, at "
            + "most waitMs; 503 with Retry-After if it does not get there in time.")
    CompletableFuture<CustomerView> find(@PathVariable UUID customerId,
                                         @RequestParam(required = false) Long minVersion,
                                         @RequestParam(required = false) Long waitMs) {
        return reads.find(new FindCustomerQuery(customerId), CustomerView.class, CustomerView::version,
                minVersion, waitMs, "No customer " + customerId + " in the customer accounts");
    }
}
