package dev.orderflow.query.catalogue;

import dev.orderflow.api.inventory.FindProductQuery;
import dev.orderflow.api.inventory.FindProductsQuery;
import dev.orderflow.api.inventory.ProductPage;
import dev.orderflow.api.inventory.ProductView;
import dev.orderflow.api.shared.Money;
import dev.orderflow.query.Paging;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Component;

import java.util.Optional;
import java.util.UUID;

/** Answers the catalogue's queries; the projection also uses it to build the views it pushes to subscribers. */
@Component
class CatalogueQueries {

    private static final Sort BY_NAME = Sort.by(Sort.Order.asc("name"), Sort.Order.asc("productId"));

    private final CatalogueProductRepository products;

    CatalogueQueries(CatalogueProductRepository products) {
        this.products = products;
    }

    @QueryHandler
    Optional<ProductView> handle(FindProductQuery query) {
        return find(query.productId());
    }

    @QueryHandler
    ProductPage handle(FindProductsQuery query) {
        Page<ProductView> page = products.findAll(PageRequest.of(query.page(), query.size(), BY_NAME))
                                         .map(CatalogueQueries::view);
        return new ProductPage(page.getContent(), query.page(), query.size(), page.getTotalElements(),
                Paging.totalPages(page.getTotalElements(), query.size()));
    }

    Optional<ProductView> find(UUID productId) {
        return products.findById(productId).map(CatalogueQueries::view);
    }

    private static ProductView view(CatalogueProduct product) {
        return new ProductView(product.productId(), product.name(), new Money(product.price()),
                product.onHand() - product.reserved(), product.reserved(), product.onHand(), product.version());
    }
}
