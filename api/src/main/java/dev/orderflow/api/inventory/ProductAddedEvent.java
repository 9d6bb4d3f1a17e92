package dev.orderflow.api.inventory;

import dev.orderflow.api.shared.Money;
import java.util.UUID;
import org.axonframework.serialization.Revision;

/**
 * A product entered the catalogue with its unit price and the units on hand.
 * <p>
 * Revision 2 renamed {@code stock} to {@code onHand}: the catalogue's {@code stock} means the units
 * available (on hand less reserved), which the old name was easily taken for. Revision 1 events stay in
 * the store as they were; {@link ProductAddedEventUpcaster} reads them as revision 2.
 */
@Revision("2")
public record ProductAddedEvent(UUID productId, String name, Money price, int onHand) {
}
