package dev.orderflow.api.customer;

import dev.orderflow.api.shared.Money;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * A customer account as the query side shows it.
 *
 * @param orderCount  every order the customer placed, whatever became of it
 * @param amountSpent the total of the customer's orders that are confirmed now (a confirmed order that is
 *                    cancelled later no longer counts)
 * @param creditHeld      the credit the customer's payments hold now: unfinished and confirmed orders,
 *                        until refunded
 * @param availableCredit what is left of the credit limit for the next payment
 * @param version     the customer aggregate's version this view reflects (its ETag on the command side)
 */
public record CustomerView(UUID customerId, String name, String email, Money creditLimit, long orderCount,
                           BigDecimal amountSpent, BigDecimal creditHeld, BigDecimal availableCredit, long version) {
}
