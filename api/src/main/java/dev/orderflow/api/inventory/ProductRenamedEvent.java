package dev.orderflow.api.inventory;

import org.axonframework.serialization.Revision;
import java.util.UUID;

@Revision("1")
public record ProductRenamedEvent(UUID productId, String name) {
}
