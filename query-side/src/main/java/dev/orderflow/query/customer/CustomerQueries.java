package dev.orderflow.query.customer;

import dev.orderflow.api.customer.CustomerView;
import dev.orderflow.api.customer.FindCustomerByOrderQuery;
import dev.orderflow.api.customer.FindCustomerQuery;
import dev.orderflow.api.shared.Money;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.util.Optional;
import java.util.UUID;

/** Answers the customer accounts' queries; the projection also uses it to build the views it pushes to subscribers. */
@Component
class CustomerQueries {

    private final CustomerAccountRepository accounts;
    private final CustomerOrderRepository orders;

    CustomerQueries(CustomerAccountRepository accounts, CustomerOrderRepository orders) {
        this.accounts = accounts;
        this.orders = orders;
    }

    @QueryHandler
    Optional<CustomerView> handle(FindCustomerQuery query) {
        return find(query.customerId());
    }

    @QueryHandler
    Optional<CustomerView> handle(FindCustomerByOrderQuery query) {
        return orders.findById(query.orderId()).flatMap(order -> find(order.customerId()));
    }

    Optional<CustomerView> find(UUID customerId) {
        return accounts.findById(customerId).map(account -> new CustomerView(account.customerId(), account.name(),
                account.email(), new Money(account.creditLimit()), account.orderCount(), account.amountSpent(),
                account.creditHeld(), account.availableCredit(), account.version()));
    }
}
