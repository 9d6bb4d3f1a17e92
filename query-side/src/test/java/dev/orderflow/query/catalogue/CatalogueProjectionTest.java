package dev.orderflow.query.catalogue;

import dev.orderflow.api.inventory.ProductAddedEvent;
import dev.orderflow.api.inventory.ProductPriceChangedEvent;
import dev.orderflow.api.inventory.ProductRenamedEvent;
import dev.orderflow.api.inventory.ProductRestockedEvent;
import dev.orderflow.api.inventory.ProductView;
import dev.orderflow.api.inventory.StockReleasedEvent;
import dev.orderflow.api.inventory.StockReservedEvent;
import dev.orderflow.api.inventory.StockShippedEvent;
import dev.orderflow.api.shared.Money;
import dev.orderflow.api.shared.Quantity;
import dev.orderflow.query.RowsInAMap;
import dev.orderflow.query.ViewUpdates;
import org.axonframework.eventhandling.ReplayStatus;
import org.axonframework.queryhandling.SimpleQueryUpdateEmitter;
import org.junit.jupiter.api.Test;

import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The catalogue projection's handlers on their own, in milliseconds: events in, the product its queries answer out.
 * The rows live in a map behind the repository; {@code CatalogueProjectionIT} runs the same projection on Postgres.
 */
class CatalogueProjectionTest {

    private final RowsInAMap<CatalogueProduct, UUID> rows = new RowsInAMap<>();
    private final CatalogueProductRepository repository = rows.behind(CatalogueProductRepository.class, CatalogueProduct::productId);
    private final CatalogueQueries queries = new CatalogueQueries(repository);
    private final CatalogueProjection projection = new CatalogueProjection(repository, queries,
            new ViewUpdates(SimpleQueryUpdateEmitter.builder().build()));

    private final UUID product = UUID.randomUUID();
    private final UUID order = UUID.randomUUID();

    @Test
    void anAddedProductIsInTheCatalogueWithItsStock() {
        projection.on(new ProductAddedEvent(product, "Stapler", Money.of("7.95"), 12), 0, ReplayStatus.REGULAR);

        assertThat(queries.find(product)).contains(new ProductView(product, "Stapler", Money.of("7.95"), 12, 0, 12, 0));
    }

    @Test
    void reservationsReleasesAndShipmentsMoveStockReservedAndOnHand() {
        projection.on(new ProductAddedEvent(product, "Stapler", Money.of("7.95"), 12), 0, ReplayStatus.REGULAR);
        projection.on(new ProductRestockedEvent(product, Quantity.of(8)), 1, ReplayStatus.REGULAR);
        projection.on(new StockReservedEvent(product, order, Quantity.of(5), Money.of("7.95")), 2, ReplayStatus.REGULAR);
        projection.on(new StockReleasedEvent(product, order, Quantity.of(2)), 3, ReplayStatus.REGULAR);
        projection.on(new StockShippedEvent(product, order, Quantity.of(3)), 4, ReplayStatus.REGULAR);

        assertThat(queries.find(product)).hasValueSatisfying(view -> {
            assertThat(view.onHand()).isEqualTo(17);
            assertThat(view.reserved()).isZero();
            assertThat(view.stock()).isEqualTo(17);
            assertThat(view.version()).isEqualTo(4);
        });
    }

    @Test
    void renamingAndRepricingChangeNameAndPrice() {
        projection.on(new ProductAddedEvent(product, "Stapler", Money.of("7.95"), 12), 0, ReplayStatus.REGULAR);
        projection.on(new ProductRenamedEvent(product, "Heavy-duty stapler"), 1, ReplayStatus.REGULAR);
        projection.on(new ProductPriceChangedEvent(product, Money.of("9.50")), 2, ReplayStatus.REGULAR);

        assertThat(queries.find(product)).hasValueSatisfying(view -> {
            assertThat(view.name()).isEqualTo("Heavy-duty stapler");
            assertThat(view.price()).isEqualTo(Money.of("9.50"));
        });
    }

    @Test
    void eventsDeliveredAgainDoNotCountStockTwice() {
        ProductAddedEvent added = new ProductAddedEvent(product, "Envelope", Money.of("0.10"), 100);
        StockReservedEvent reserved = new StockReservedEvent(product, order, Quantity.of(30), Money.of("0.10"));
        projection.on(added, 0, ReplayStatus.REGULAR);
        projection.on(reserved, 1, ReplayStatus.REGULAR);

        projection.on(added, 0, ReplayStatus.REGULAR);
        projection.on(reserved, 1, ReplayStatus.REGULAR);

        assertThat(queries.find(product)).hasValueSatisfying(view -> {
            assertThat(view.onHand()).isEqualTo(100);
            assertThat(view.reserved()).isEqualTo(30);
        });
    }

    @Test
    void aResetEmptiesTheCatalogue() {
        projection.on(new ProductAddedEvent(product, "Stapler", Money.of("7.95"), 12), 0, ReplayStatus.REGULAR);

        projection.reset();

        assertThat(queries.find(product)).isEmpty();
    }
}
