package dev.orderflow.command.customer;

import dev.orderflow.api.refusal.DomainException;

/** Rules on customer data that hold however the command arrived (REST checks them too, to answer 400 early). */
final class CustomerRules {

    static final int MAX_NAME_LENGTH = 200;

    private CustomerRules() {
    }

    static void requireName(String name) {
        if (name == null || name.isBlank()) {
            throw DomainException.ruleViolated("A customer needs a name");
        }
        if (name.strip().length() > MAX_NAME_LENGTH) {
            throw DomainException.ruleViolated("A customer name has at most " + MAX_NAME_LENGTH + " characters");
        }
    }
}
