package dev.orderflow.command.customer;

import dev.orderflow.api.customer.ChangeCreditLimitCommand;
import dev.orderflow.api.customer.CreditLimitChangedEvent;
import dev.orderflow.api.customer.CreditReleasedEvent;
import dev.orderflow.api.customer.CreditReservationDeclinedEvent;
import dev.orderflow.api.customer.CreditReservedEvent;
import dev.orderflow.api.customer.CustomerRegisteredEvent;
import dev.orderflow.api.customer.CustomerRenamedEvent;
import dev.orderflow.api.customer.RegisterCustomerCommand;
import dev.orderflow.api.customer.ReleaseCreditCommand;
import dev.orderflow.api.customer.RenameCustomerCommand;
import dev.orderflow.api.customer.ReserveCreditCommand;
import dev.orderflow.api.refusal.DomainException;
import dev.orderflow.api.shared.Money;
import dev.orderflow.command.RecentlyClosedRequests;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A customer, and the credit account their payments draw on: credit is held per payment while the
 * order is unfinished or confirmed, and given back when the payment is refunded.
 */
@Aggregate(cache = "customerCache", snapshotTriggerDefinition = "aggregateSnapshotTrigger")
// The snapshot's shape: revision 2 bounds the answered payments; Axon skips snapshots of another revision and
// rebuilds such a customer from its events.
@Revision("2")
public class Customer {

    @AggregateIdentifier
    private UUID customerId;
    private String name;
    private Money creditLimit;
    private final Map<UUID, Money> creditHeldByPayment = new HashMap<>();
    /** Payments whose credit was declined or released lately: a repeated request gets no second answer. */
    private final RecentlyClosedRequests closedPayments = new RecentlyClosedRequests();

    protected Customer() {
        // for Axon: rebuilt from events
    }

    @CommandHandler
    public Customer(RegisterCustomerCommand command, EmailRegistry emails) {
        CustomerRules.requireName(command.name());
        UUID owner = emails.ownerOf(command.email()).orElse(null);
        if (command.customerId().equals(owner)) {
            // A repeated registration: the email is taken by this very customer, so the id is what clashes.
            throw DomainException.conflict("Customer " + command.customerId() + " already exists");
        }
        if (owner != null) {
            throw DomainException.conflict("The email " + command.email() + " is already registered to another customer");
        }
        apply(new CustomerRegisteredEvent(command.customerId(), command.name().strip(),
                EmailRegistry.normalize(command.email()), command.creditLimit()));
    }

    @CommandHandler
    public long handle(RenameCustomerCommand command) {
        CustomerRules.requireName(command.name());
        if (!command.name().strip().equals(name)) {
            apply(new CustomerRenamedEvent(customerId, command.name().strip()));
        }
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    public long handle(ChangeCreditLimitCommand command) {
        if (command.creditLimit().compareTo(creditLimit) != 0) {
            apply(new CreditLimitChangedEvent(customerId, command.creditLimit()));
        }
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    public void handle(ReserveCreditCommand command) {
        if (creditHeldByPayment.containsKey(command.paymentId()) || closedPayments.contains(command.paymentId())) {
            return;
        }
        Money available = creditLimit.minusOrZero(creditHeld());
        if (command.amount().isGreaterThan(available)) {
            apply(new CreditReservationDeclinedEvent(customerId, command.paymentId(), command.amount(), available));
        } else {
            apply(new CreditReservedEvent(customerId, command.paymentId(), command.amount()));
        }
    }

    @CommandHandler
    public void handle(ReleaseCreditCommand command) {
        Money held = creditHeldByPayment.get(command.paymentId());
        if (held != null) {
            apply(new CreditReleasedEvent(customerId, command.paymentId(), held));
        }
    }

    private Money creditHeld() {
        return creditHeldByPayment.values().stream().reduce(Money.ZERO, Money::plus);
    }

    @EventSourcingHandler
    void on(CustomerRegisteredEvent event) {
        customerId = event.customerId();
        name = event.name();
        creditLimit = event.creditLimit();
    }

    @EventSourcingHandler
    void on(CustomerRenamedEvent event) {
        name = event.name();
    }

    @EventSourcingHandler
    void on(CreditLimitChangedEvent event) {
        creditLimit = event.creditLimit();
    }

    @EventSourcingHandler
    void on(CreditReservedEvent event) {
        creditHeldByPayment.put(event.paymentId(), event.amount());
    }

    @EventSourcingHandler
    void on(CreditReservationDeclinedEvent event) {
        closedPayments.closed(event.paymentId());
    }

    @EventSourcingHandler
    void on(CreditReleasedEvent event) {
        creditHeldByPayment.remove(event.paymentId());
        closedPayments.closed(event.paymentId());
    }
}
