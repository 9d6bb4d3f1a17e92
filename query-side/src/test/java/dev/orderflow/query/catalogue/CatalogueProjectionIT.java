package dev.orderflow.query.catalogue;

import dev.orderflow.api.inventory.FindProductQuery;
import dev.orderflow.api.inventory.FindProductsQuery;
import dev.orderflow.api.inventory.ProductPage;
import dev.orderflow.api.inventory.ProductPriceChangedEvent;
import dev.orderflow.api.inventory.ProductRenamedEvent;
import dev.orderflow.api.inventory.ProductRestockedEvent;
import dev.orderflow.api.inventory.ProductView;
import dev.orderflow.api.inventory.StockReleasedEvent;
import dev.orderflow.api.inventory.StockReservationRejectedEvent;
import dev.orderflow.api.inventory.StockShippedEvent;
import dev.orderflow.api.shared.Money;
import dev.orderflow.api.shared.Quantity;
import dev.orderflow.query.ProjectionITSupport;
import dev.orderflow.query.Redelivery;
import dev.orderflow.query.StoredEvents;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

class CatalogueProjectionIT extends ProjectionITSupport {

    @Autowired
    CatalogueProjection projection;

    @Test
    void anAddedProductIsInTheCatalogueWithItsStock() {
        UUID product = events.product("Stapler", "7.95", 12);

        ProductView view = awaitProduct(product, added -> true);

        assertThat(view.name()).isEqualTo("Stapler");
        assertThat(view.price()).isEqualTo(Money.of("7.95"));
        assertThat(view.stock()).isEqualTo(12);
        assertThat(view.reserved()).isZero();
        assertThat(view.onHand()).isEqualTo(12);
    }

    @Test
    void renamingAProductRenamesIt() {
        UUID product = events.product("Stapler", "7.95", 12);

        events.publish("Product", product, new ProductRenamedEvent(product, "Heavy-duty stapler"));

        assertThat(awaitProduct(product, renamed -> renamed.version() == 1).name()).isEqualTo("Heavy-duty stapler");
    }

    @Test
    void changingThePriceChangesIt() {
        UUID product = events.product("Tape", "1.50", 12);

        events.publish("Product", product, new ProductPriceChangedEvent(product, Money.of("1.75")));

        assertThat(awaitProduct(product, repriced -> repriced.version() == 1).price()).isEqualTo(Money.of("1.75"));
    }

    @Test
    void restockingAddsToTheStockOnHand() {
        UUID product = events.product("Glue", "2.00", 3);

        events.publish("Product", product, new ProductRestockedEvent(product, Quantity.of(7)));

        ProductView view = awaitProduct(product, restocked -> restocked.version() == 1);
        assertThat(view.stock()).isEqualTo(10);
        assertThat(view.onHand()).isEqualTo(10);
    }

    @Test
    void reservedStockIsNoLongerInStockUntilItIsReleased() {
        UUID product = events.product("Scissors", "4.00", 10);
        UUID order = UUID.randomUUID();

        events.reserve(product, order, 4, "4.00");
        ProductView reserved = awaitProduct(product, after -> after.version() == 1);
        events.publish("Product", product, new StockReleasedEvent(product, order, Quantity.of(4)));
        ProductView released = awaitProduct(product, after -> after.version() == 2);

        assertThat(reserved.stock()).isEqualTo(6);
        assertThat(reserved.reserved()).isEqualTo(4);
        assertThat(reserved.onHand()).isEqualTo(10);
        assertThat(released.stock()).isEqualTo(10);
        assertThat(released.reserved()).isZero();
    }

    @Test
    void shippedStockLeavesTheStockOnHandAndTheReservation() {
        UUID product = events.product("Binder", "6.00", 10);
        UUID order = UUID.randomUUID();
        events.reserve(product, order, 3, "6.00");

        events.publish("Product", product, new StockShippedEvent(product, order, Quantity.of(3)));

        ProductView view = awaitProduct(product, after -> after.version() == 2);
        assertThat(view.onHand()).isEqualTo(7);
        assertThat(view.reserved()).isZero();
        assertThat(view.stock()).isEqualTo(7);
    }

    @Test
    void aRejectedReservationOnlyMovesTheProductToItsVersion() {
        UUID product = events.product("Ruler", "1.00", 1);

        events.publish("Product", product,
                new StockReservationRejectedEvent(product, UUID.randomUUID(), Quantity.of(5), 1));

        ProductView view = awaitProduct(product, after -> after.version() == 1);
        assertThat(view.stock()).isEqualTo(1);
        assertThat(view.reserved()).isZero();
    }

    @Test
    void productsArePagedByNameWithTotals() {
        UUID product = events.product("AAAA first by name " + UUID.randomUUID(), "1.00", 1);
        awaitProduct(product, added -> true);

        ProductPage page = queries.query(new FindProductsQuery(0, 1), ResponseTypes.instanceOf(ProductPage.class)).join();

        assertThat(page.items()).hasSize(1);
        assertThat(page.items().get(0).name()).startsWith("AAAA");
        assertThat(page.totalItems()).isGreaterThanOrEqualTo(1);
        assertThat(page.totalPages()).isEqualTo((int) page.totalItems());
    }

    @Test
    void eventsDeliveredTwiceDoNotCountStockTwice() {
        StoredEvents scenario = newScenario();
        UUID product = scenario.product("Envelope", "0.10", 100);
        scenario.publish("Product", product, new ProductRestockedEvent(product, Quantity.of(50)));
        scenario.reserve(product, UUID.randomUUID(), 30, "0.10");
        scenario.publish("Product", product, new ProductRenamedEvent(product, "C5 envelope"));
        ProductView once = awaitProduct(product, done -> done.version() == 3);

        Redelivery.deliverAgain(projection, scenario.published(), transactionTemplate);

        assertThat(findProduct(product)).contains(once);
        assertThat(once.stock()).isEqualTo(120);
        assertThat(once.reserved()).isEqualTo(30);
    }

    private ProductView awaitProduct(UUID productId, Predicate<ProductView> condition) {
        return awaitView(() -> findProduct(productId), condition);
    }

    private Optional<ProductView> findProduct(UUID productId) {
        return queries.query(new FindProductQuery(productId), ResponseTypes.optionalInstanceOf(ProductView.class)).join();
    }
}
