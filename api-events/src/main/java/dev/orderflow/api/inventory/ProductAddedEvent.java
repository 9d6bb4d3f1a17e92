package dev.orderflow.api.inventory;

import dev.orderflow.api.shared.Money;
import org.axonframework.serialization.Revision;
import java.util.UUID;

@Revision("1")
public record ProductAddedEvent(UUID productId, String name, Money price, int stock) {
}
