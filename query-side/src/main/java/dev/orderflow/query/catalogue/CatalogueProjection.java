package dev.orderflow.query.catalogue;

import dev.orderflow.api.inventory.FindProductQuery;
import dev.orderflow.api.inventory.ProductAddedEvent;
import dev.orderflow.api.inventory.ProductPriceChangedEvent;
import dev.orderflow.api.inventory.ProductRenamedEvent;
import dev.orderflow.api.inventory.ProductRestockedEvent;
import dev.orderflow.api.inventory.StockReleasedEvent;
import dev.orderflow.api.inventory.StockReservationRejectedEvent;
import dev.orderflow.api.inventory.StockReservedEvent;
import dev.orderflow.api.inventory.StockShippedEvent;
import dev.orderflow.query.ProjectionProcessors;
import dev.orderflow.query.ViewUpdates;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ReplayStatus;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.springframework.stereotype.Component;

import java.util.UUID;
import java.util.function.Consumer;

/**
 * Builds the catalogue from the product events alone: name, price, units on hand and units reserved
 * (reserved when an order reserves them, no longer reserved when released, off hand and out of the
 * reservation when they ship).
 * Idempotent by the product's sequence number. Every event is about one product, so it runs on several
 * segments, each owning a share of the products (see {@link ProjectionProcessors}).
 */
@Component
@ProcessingGroup(ProjectionProcessors.CATALOGUE)
class CatalogueProjection {

    private final CatalogueProductRepository products;
    private final CatalogueQueries queries;
    private final ViewUpdates updates;

    CatalogueProjection(CatalogueProductRepository products, CatalogueQueries queries, ViewUpdates updates) {
        this.products = products;
        this.queries = queries;
        this.updates = updates;
    }

    @EventHandler
    void on(ProductAddedEvent event, @SequenceNumber long sequenceNumber, ReplayStatus replay) {
        if (products.existsById(event.productId())) {
            return; // added before: delivered again
        }
        products.save(new CatalogueProduct(event.productId(), event.name(), event.price().amount(), event.onHand(),
                sequenceNumber));
        publish(event.productId(), replay);
    }

    @EventHandler
    void on(ProductRenamedEvent event, @SequenceNumber long sequenceNumber, ReplayStatus replay) {
        apply(event.productId(), sequenceNumber, replay, product -> product.rename(event.name()));
    }

    @EventHandler
    void on(ProductPriceChangedEvent event, @SequenceNumber long sequenceNumber, ReplayStatus replay) {
        apply(event.productId(), sequenceNumber, replay, product -> product.reprice(event.price().amount()));
    }

    @EventHandler
    void on(ProductRestockedEvent event, @SequenceNumber long sequenceNumber, ReplayStatus replay) {
        apply(event.productId(), sequenceNumber, replay, product -> product.restock(event.quantity().value()));
    }

    @EventHandler
    void on(StockReservedEvent event, @SequenceNumber long sequenceNumber, ReplayStatus replay) {
        apply(event.productId(), sequenceNumber, replay, product -> product.reserve(event.quantity().value()));
    }

    @EventHandler
    void on(StockReleasedEvent event, @SequenceNumber long sequenceNumber, ReplayStatus replay) {
        apply(event.productId(), sequenceNumber, replay, product -> product.release(event.quantity().value()));
    }

    @EventHandler
    void on(StockShippedEvent event, @SequenceNumber long sequenceNumber, ReplayStatus replay) {
        apply(event.productId(), sequenceNumber, replay, product -> product.ship(event.quantity().value()));
    }

    @EventHandler
    void on(StockReservationRejectedEvent event, @SequenceNumber long sequenceNumber, ReplayStatus replay) {
        // Nothing was reserved; the product only moves to the event's version.
        apply(event.productId(), sequenceNumber, replay, product -> {
        });
    }

    @ResetHandler
    void reset() {
        products.deleteAllInBatch();
    }

    private void apply(UUID productId, long sequenceNumber, ReplayStatus replay, Consumer<CatalogueProduct> change) {
        products.findById(productId)
                .filter(product -> !product.hasApplied(sequenceNumber))
                .ifPresent(product -> {
                    change.accept(product);
                    product.advanceTo(sequenceNumber);
                    publish(productId, replay);
                });
    }

    private void publish(UUID productId, ReplayStatus replay) {
        if (replay.isReplay()) {
            return;
        }
        updates.publishAfterCommit(FindProductQuery.class, productId,
                watched -> watched.productId().equals(productId), watched -> queries.find(productId));
    }
}
