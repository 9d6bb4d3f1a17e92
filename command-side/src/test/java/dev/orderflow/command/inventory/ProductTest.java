package dev.orderflow.command.inventory;

import dev.orderflow.api.inventory.AddProductCommand;
import dev.orderflow.api.inventory.ChangePriceCommand;
import dev.orderflow.api.inventory.ProductAddedEvent;
import dev.orderflow.api.inventory.ProductPriceChangedEvent;
import dev.orderflow.api.inventory.ProductRenamedEvent;
import dev.orderflow.api.inventory.ProductRestockedEvent;
import dev.orderflow.api.inventory.ReleaseStockCommand;
import dev.orderflow.api.inventory.RenameProductCommand;
import dev.orderflow.api.inventory.ReserveStockCommand;
import dev.orderflow.api.inventory.RestockProductCommand;
import dev.orderflow.api.inventory.ShipStockCommand;
import dev.orderflow.api.inventory.StockReleasedEvent;
import dev.orderflow.api.inventory.StockReservationRejectedEvent;
import dev.orderflow.api.inventory.StockReservedEvent;
import dev.orderflow.api.inventory.StockShippedEvent;
import dev.orderflow.api.shared.Money;
import dev.orderflow.api.shared.Quantity;
import dev.orderflow.command.RecentlyClosedRequests;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.UUID;

import static dev.orderflow.command.DomainExceptionMatchers.aRuleViolation;
import static org.hamcrest.Matchers.containsString;

class ProductTest {

    private static final String NAME = "Espresso cup";
    private static final String PRICE = "4.50";
    private static final int STOCK = 10;

    private final UUID productId = UUID.randomUUID();
    private final UUID orderId = UUID.randomUUID();
    private final UUID otherOrderId = UUID.randomUUID();

    private FixtureConfiguration<Product> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Product.class);
    }

    // Add

    @Test
    void addingAProductRecordsItWithItsPriceAndStock() {
        fixture.givenNoPriorActivity()
                .when(add(NAME, STOCK))
                .expectSuccessfulHandlerExecution()
                .expectEvents(added());
    }

    @Test
    void addingAProductStripsItsName() {
        fixture.givenNoPriorActivity()
                .when(add("  " + NAME + " ", STOCK))
                .expectEvents(added());
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = "   ")
    void addingAProductWithoutANameIsRejected(String name) {
        fixture.givenNoPriorActivity()
                .when(add(name, STOCK))
                .expectNoEvents()
                .expectException(aRuleViolation())
                .expectExceptionMessage("A product needs a name");
    }

    @Test
    void addingAProductWithANameLongerThan200CharactersIsRejected() {
        fixture.givenNoPriorActivity()
                .when(add("a".repeat(201), STOCK))
                .expectNoEvents()
                .expectException(aRuleViolation())
                .expectExceptionMessage("A product name has at most 200 characters");
    }

    @Test
    void addingAProductWithNegativeStockIsRejected() {
        fixture.givenNoPriorActivity()
                .when(add(NAME, -1))
                .expectNoEvents()
                .expectException(aRuleViolation())
                .expectExceptionMessage("Stock cannot be negative");
    }

    @Test
    void addingAProductWithNoStockIsAccepted() {
        fixture.givenNoPriorActivity()
                .when(add(NAME, 0))
                .expectEvents(added(0));
    }

    @Test
    void addingAProductWithTheMostStockAllowedIsAccepted() {
        fixture.givenNoPriorActivity()
                .when(add(NAME, Product.MAX_STOCK))
                .expectEvents(added(Product.MAX_STOCK));
    }

    @Test
    void addingAProductWithMoreStockThanAllowedIsRejected() {
        fixture.givenNoPriorActivity()
                .when(add(NAME, Product.MAX_STOCK + 1))
                .expectNoEvents()
                .expectException(aRuleViolation())
                .expectExceptionMessage("Stock cannot exceed 100000000");
    }

    // Rename

    @Test
    void renamingAProductRecordsTheNewStrippedNameAndAnswersTheNewVersion() {
        fixture.given(added())
                .when(rename(" Tea cup ", null))
                .expectEvents(renamed("Tea cup"))
                .expectResultMessagePayload(1L);
    }

    @Test
    void renamingAProductToTheNameItHasChangesNothing() {
        fixture.given(added())
                .when(rename(NAME + "  ", null))
                .expectNoEvents()
                .expectResultMessagePayload(0L);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = "   ")
    void renamingAProductToNoNameIsRejected(String name) {
        fixture.given(added())
                .when(rename(name, null))
                .expectNoEvents()
                .expectException(aRuleViolation())
                .expectExceptionMessage("A product needs a name");
    }

    @Test
    void renamingAProductToANameLongerThan200CharactersIsRejected() {
        fixture.given(added())
                .when(rename("a".repeat(201), null))
                .expectNoEvents()
                .expectException(aRuleViolation())
                .expectExceptionMessage("A product name has at most 200 characters");
    }

    @Test
    void renamingAProductWithAStaleExpectedVersionIsRefused() {
        fixture.given(added(), renamed("Tea cup"))
                .when(rename("Mug", 0L))
                .expectNoEvents()
                .expectException(ConflictingAggregateVersionException.class)
                .expectExceptionMessage(containsString("Expected [0], but repository found [1]"));
    }

    @Test
    void renamingAProductWithTheCurrentExpectedVersionIsAccepted() {
        fixture.given(added(), renamed("Tea cup"))
                .when(rename("Mug", 1L))
                .expectEvents(renamed("Mug"))
                .expectResultMessagePayload(2L);
    }

    // Price

    @Test
    void changingThePriceRecordsItAndAnswersTheNewVersion() {
        fixture.given(added())
                .when(changePrice("5", null))
                .expectEvents(priceChanged("5"))
                .expectResultMessagePayload(1L);
    }

    @Test
    void changingThePriceToTheSameAmountChangesNothing() {
        fixture.given(added())
                .when(changePrice("4.5", null))
                .expectNoEvents()
                .expectResultMessagePayload(0L);
    }

    @Test
    void changingThePriceWithAStaleExpectedVersionIsRefused() {
        fixture.given(added(), priceChanged("5"))
                .when(changePrice("6", 0L))
                .expectNoEvents()
                .expectException(ConflictingAggregateVersionException.class);
    }

    @Test
    void changingThePriceWithTheCurrentExpectedVersionIsAccepted() {
        fixture.given(added(), priceChanged("5"))
                .when(changePrice("6", 1L))
                .expectEvents(priceChanged("6"))
                .expectResultMessagePayload(2L);
    }

    // Restock

    @Test
    void restockingAProductRecordsTheUnitsAndAnswersTheNewVersion() {
        fixture.given(added())
                .when(restock(5, null))
                .expectEvents(restocked(5))
                .expectResultMessagePayload(1L);
    }

    @Test
    void restockingUpToTheMostStockAllowedIsAccepted() {
        fixture.given(added(Product.MAX_STOCK - 5))
                .when(restock(5, null))
                .expectEvents(restocked(5));
    }

    @Test
    void restockingBeyondTheMostStockAllowedIsRejected() {
        fixture.given(added(Product.MAX_STOCK - 5))
                .when(restock(6, null))
                .expectNoEvents()
                .expectException(aRuleViolation())
                .expectExceptionMessage("Stock cannot exceed 100000000; 99999995 on hand");
    }

    @Test
    void restockingCountsEarlierRestocksTowardsTheMostStockAllowed() {
        fixture.given(added(Product.MAX_STOCK - Quantity.MAXIMUM), restocked(Quantity.MAXIMUM))
                .when(restock(1, null))
                .expectNoEvents()
                .expectException(aRuleViolation());
    }

    @Test
    void restockingWithAStaleExpectedVersionIsRefused() {
        fixture.given(added(), restocked(5))
                .when(restock(5, 0L))
                .expectNoEvents()
                .expectException(ConflictingAggregateVersionException.class);
    }

    @Test
    void restockingWithTheCurrentExpectedVersionIsAccepted() {
        fixture.given(added(), restocked(5))
                .when(restock(5, 1L))
                .expectEvents(restocked(5))
                .expectResultMessagePayload(2L);
    }

    // Reserve

    @Test
    void reservingAvailableStockSetsItAsideAtTheCurrentPrice() {
        fixture.given(added())
                .when(reserve(orderId, 3))
                .expectEvents(reserved(orderId, 3, PRICE));
    }

    @Test
    void reservingStockAfterAPriceChangeUsesTheNewPrice() {
        fixture.given(added(), priceChanged("5.25"))
                .when(reserve(orderId, 3))
                .expectEvents(reserved(orderId, 3, "5.25"));
    }

    @Test
    void reservingAllTheAvailableStockIsAccepted() {
        fixture.given(added(), reserved(otherOrderId, 4, PRICE))
                .when(reserve(orderId, 6))
                .expectEvents(reserved(orderId, 6, PRICE));
    }

    @Test
    void reservingMoreThanTheAvailableStockIsRejectedNamingWhatIsAvailable() {
        fixture.given(added(), reserved(otherOrderId, 4, PRICE))
                .when(reserve(orderId, 7))
                .expectEvents(reservationRejected(orderId, 7, 6));
    }

    @Test
    void reservingStockOfAProductWithNoneOnHandIsRejected() {
        fixture.given(added(0))
                .when(reserve(orderId, 1))
                .expectEvents(reservationRejected(orderId, 1, 0));
    }

    @Test
    void restockedUnitsCanBeReserved() {
        fixture.given(added(), restocked(5))
                .when(reserve(orderId, 15))
                .expectEvents(reserved(orderId, 15, PRICE));
    }

    @Test
    void releasedStockCanBeReservedAgain() {
        fixture.given(added(), reserved(otherOrderId, 10, PRICE), released(otherOrderId, 10))
                .when(reserve(orderId, 10))
                .expectEvents(reserved(orderId, 10, PRICE));
    }

    @Test
    void reservingStockAgainForTheSameOrderChangesNothing() {
        fixture.given(added(), reserved(orderId, 3, PRICE))
                .when(reserve(orderId, 3))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void reservingStockAgainForAnOrderWhoseReservationWasRejectedChangesNothing() {
        fixture.given(added(), reservationRejected(orderId, 20, 10))
                .when(reserve(orderId, 20))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void anOrderWhoseReservationWasRejectedGetsNoStockWhenTheReservationIsRepeatedAfterARestock() {
        fixture.given(added(), reservationRejected(orderId, 20, 10), restocked(10))
                .when(reserve(orderId, 20))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void reservingStockAgainForAnOrderWhoseReservationWasReleasedOrShippedChangesNothing() {
        fixture.given(added(), reserved(orderId, 3, PRICE), released(orderId, 3))
                .when(reserve(orderId, 3))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        fixture.given(added(), reserved(otherOrderId, 3, PRICE), shipped(otherOrderId, 3))
                .when(reserve(otherOrderId, 3))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void theLatestThousandClosedReservationsAreRemembered() {
        Object[] history = closedReservations(RecentlyClosedRequests.KEPT);
        UUID oldest = ((StockReservationRejectedEvent) history[1]).orderId();

        fixture.given(history)
                .when(reserve(oldest, 1))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aReservationClosedBeforeTheLatestThousandIsAnsweredAgain() {
        // What keeps a product's state (and snapshot) from growing with every order it ever served.
        Object[] history = closedReservations(RecentlyClosedRequests.KEPT + 1);
        UUID oldest = ((StockReservationRejectedEvent) history[1]).orderId();

        fixture.given(history)
                .when(reserve(oldest, 1))
                .expectEvents(reserved(oldest, 1, PRICE));
    }

    /** A product, then {@code count} rejected reservations of as many orders. */
    private Object[] closedReservations(int count) {
        Object[] history = new Object[count + 1];
        history[0] = added();
        for (int i = 1; i <= count; i++) {
            history[i] = reservationRejected(UUID.randomUUID(), STOCK + 1, STOCK);
        }
        return history;
    }

    // Release

    @Test
    void releasingStockGivesBackWhatWasReservedForTheOrder() {
        fixture.given(added(), reserved(orderId, 3, PRICE))
                .when(release(orderId))
                .expectEvents(released(orderId, 3));
    }

    @Test
    void releasingStockNeverReservedChangesNothing() {
        fixture.given(added(), reserved(otherOrderId, 3, PRICE))
                .when(release(orderId))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void releasingStockTwiceChangesNothing() {
        fixture.given(added(), reserved(orderId, 3, PRICE), released(orderId, 3))
                .when(release(orderId))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void shippingReservedStockTakesItOffHandAndOutOfTheReservation() {
        fixture.given(added(), reserved(orderId, 3, PRICE))
                .when(ship(orderId))
                .expectEvents(shipped(orderId, 3));
    }

    @Test
    void shippedStockIsNoLongerAvailable() {
        fixture.given(added(), reserved(orderId, 3, PRICE), shipped(orderId, 3))
                .when(reserve(otherOrderId, STOCK - 2))
                .expectEvents(reservationRejected(otherOrderId, STOCK - 2, STOCK - 3));
    }

    @Test
    void shippingStockTwiceOrAfterAReleaseChangesNothing() {
        fixture.given(added(), reserved(orderId, 3, PRICE), shipped(orderId, 3))
                .when(ship(orderId))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        fixture.given(added(), reserved(otherOrderId, 3, PRICE), released(otherOrderId, 3))
                .when(ship(otherOrderId))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    // Commands

    private AddProductCommand add(String name, int stock) {
        return new AddProductCommand(productId, name, Money.of(PRICE), stock);
    }

    private RenameProductCommand rename(String name, Long expectedVersion) {
        return new RenameProductCommand(productId, name, expectedVersion);
    }

    private ChangePriceCommand changePrice(String price, Long expectedVersion) {
        return new ChangePriceCommand(productId, Money.of(price), expectedVersion);
    }

    private RestockProductCommand restock(int quantity, Long expectedVersion) {
        return new RestockProductCommand(productId, Quantity.of(quantity), expectedVersion);
    }

    private ReserveStockCommand reserve(UUID orderId, int quantity) {
        return new ReserveStockCommand(productId, orderId, Quantity.of(quantity));
    }

    private ReleaseStockCommand release(UUID orderId) {
        return new ReleaseStockCommand(productId, orderId);
    }

    private ShipStockCommand ship(UUID orderId) {
        return new ShipStockCommand(productId, orderId);
    }

    // Events

    /** An espresso cup at 4.50, 10 on hand. */
    private ProductAddedEvent added() {
        return added(STOCK);
    }

    private ProductAddedEvent added(int onHand) {
        return new ProductAddedEvent(productId, NAME, Money.of(PRICE), onHand);
    }

    private ProductRenamedEvent renamed(String name) {
        return new ProductRenamedEvent(productId, name);
    }

    private ProductPriceChangedEvent priceChanged(String price) {
        return new ProductPriceChangedEvent(productId, Money.of(price));
    }

    private ProductRestockedEvent restocked(int quantity) {
        return new ProductRestockedEvent(productId, Quantity.of(quantity));
    }

    private StockReservedEvent reserved(UUID orderId, int quantity, String unitPrice) {
        return new StockReservedEvent(productId, orderId, Quantity.of(quantity), Money.of(unitPrice));
    }

    private StockReservationRejectedEvent reservationRejected(UUID orderId, int requested, int available) {
        return new StockReservationRejectedEvent(productId, orderId, Quantity.of(requested), available);
    }

    private StockReleasedEvent released(UUID orderId, int quantity) {
        return new StockReleasedEvent(productId, orderId, Quantity.of(quantity));
    }

    private StockShippedEvent shipped(UUID orderId, int quantity) {
        return new StockShippedEvent(productId, orderId, Quantity.of(quantity));
    }
}
