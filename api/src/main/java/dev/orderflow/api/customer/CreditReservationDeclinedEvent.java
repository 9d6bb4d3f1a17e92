package dev.orderflow.api.customer;

import dev.orderflow.api.shared.Money;
import org.axonframework.serialization.Revision;
import java.util.UUID;

/**
 * Credit was not held: the amount would take the customer over their credit limit.
 */
@Revision("1")
public record CreditReservationDeclinedEvent(UUID customerId, UUID paymentId, Money amount, Money availableCredit) {
}
