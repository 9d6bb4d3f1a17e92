package dev.orderflow.api.inventory;

import dev.orderflow.api.shared.Money;
import org.axonframework.serialization.Revision;
import java.util.UUID;

@Revision("1")
public record ProductPriceChangedEvent(UUID productId, Money price) {
}
