package dev.orderflow.api.customer;

import org.axonframework.serialization.Revision;
import java.util.UUID;

@Revision("1")
public record CustomerRenamedEvent(UUID customerId, String name) {
}
