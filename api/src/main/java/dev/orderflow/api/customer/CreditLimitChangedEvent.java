package dev.orderflow.api.customer;

import dev.orderflow.api.shared.Money;
import org.axonframework.serialization.Revision;
import java.util.UUID;

@Revision("1")
public record CreditLimitChangedEvent(UUID customerId, Money creditLimit) {
}
