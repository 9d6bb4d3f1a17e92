package dev.orderflow.query.customer;

import dev.orderflow.query.AggregateViewRow;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * A customer account. {@code version} is the sequence number of the last customer event applied, so a
 * customer event delivered again is skipped. {@code orderCount} and {@code amountSpent} are kept up to date
 * change by change; the projection changes them only for an order recorded or moved for the first time, or a
 * line whose amount really changed, so a redelivered order or stock event leaves them as they are.
 */
@Entity
@Table(schema = "customer_accounts", name = "customer_account")
class CustomerAccount extends AggregateViewRow<UUID> {

    @Id
    private UUID customerId;
    private String name;
    private String email;
    private BigDecimal creditLimit;
    private long orderCount;
    private BigDecimal amountSpent;
    private BigDecimal creditHeld;

    protected CustomerAccount() {
        // for JPA
    }

    CustomerAccount(UUID customerId, String name, String email, BigDecimal creditLimit, long version) {
        super(version);
        this.customerId = customerId;
        this.name = name;
        this.email = email;
        this.creditLimit = creditLimit;
        this.orderCount = 0;
        this.amountSpent = BigDecimal.ZERO.setScale(2);
        this.creditHeld = BigDecimal.ZERO.setScale(2);
    }

    void rename(String newName) {
        name = newName;
    }

    void changeCreditLimit(BigDecimal newLimit) {
        creditLimit = newLimit;
    }

    void holdCredit(BigDecimal amount) {
        creditHeld = creditHeld.add(amount).setScale(2);
    }

    void releaseCredit(BigDecimal amount) {
        creditHeld = creditHeld.subtract(amount).max(BigDecimal.ZERO).setScale(2);
    }

    /** What is left of the credit limit: what the next payment may take at most. */
    BigDecimal availableCredit() {
        return creditLimit.subtract(creditHeld).max(BigDecimal.ZERO).setScale(2);
    }

    /** Takes in orders this read model recorded for the customer before the account existed. */
    void includeEarlierOrders(long orders, BigDecimal spent) {
        orderCount += orders;
        spend(spent);
    }

    void countNewOrder() {
        orderCount++;
    }

    /** Changes the amount spent by what the customer's confirmed orders now total more (or, if negative, less). */
    void spend(BigDecimal difference) {
        amountSpent = amountSpent.add(difference).setScale(2);
    }

    @Override
    public UUID getId() {
        return customerId;
    }

    UUID customerId() {
        return customerId;
    }

    String name() {
        return name;
    }

    String email() {
        return email;
    }

    BigDecimal creditLimit() {
        return creditLimit;
    }

    long orderCount() {
        return orderCount;
    }

    BigDecimal creditHeld() {
        return creditHeld;
    }

    BigDecimal amountSpent() {
        return amountSpent;
    }

}
