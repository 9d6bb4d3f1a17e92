package dev.orderflow.query.catalogue;

import dev.orderflow.api.inventory.FindProductQuery;
import dev.orderflow.api.inventory.FindProductsQuery;
import dev.orderflow.api.inventory.ProductPage;
import dev.orderflow.api.inventory.ProductView;
import dev.orderflow.query.Paging;
import dev.orderflow.query.VersionedReads;
import dev.orderflow.shared.openapi.ApiTags;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/** The catalogue over REST. Only GET mappings: the command side owns the other methods on these paths. */
@RestController
@RequestMapping("/products")
@Tag(name = ApiTags.PRODUCTS)
class ProductQueryController {

    private final QueryGateway queries;
    private final VersionedReads reads;

    ProductQueryController(QueryGateway queries, VersionedReads reads) {
        this.queries = queries;
        this.reads = reads;
    }

    @GetMapping
    @Operation(summary = "Products by name", description = "Pages count from 0; stock is what is on hand and not reserved.")
    CompletableFuture<ProductPage> list(@RequestParam(defaultValue = "0") int page,
                                        @RequestParam(defaultValue = "20") int size) {
        Paging.check(page, size, FindProductsQuery.MAX_PAGE_SIZE);
        return queries.query(new FindProductsQuery(page, size), ResponseTypes.instanceOf(ProductPage.class));
    }

    @GetMapping("/{productId}")
    @Operation(summary = "A product", description = "404 for an unknown product. With minVersion (the ETag of a "
            + "command on this product) the answer waits until the catalogue shows at least that version, at most "
            + "waitMs; 503 with Retry-After if it does not get there in time.")
    CompletableFuture<ProductView> find(@PathVariable UUID productId,
                                        @RequestParam(required = false) Long minVersion,
                                        @RequestParam(required = false) Long waitMs) {
        return reads.find(new FindProductQuery(productId), ProductView.class, ProductView::version, minVersion, waitMs,
                "No product " + productId + " in the catalogue");
    }
}
