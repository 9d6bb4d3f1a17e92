package dev.orderflow.command.customer;

import dev.orderflow.api.customer.CustomerRegisteredEvent;
import dev.orderflow.api.refusal.DomainException;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;

import java.util.Optional;
import java.util.UUID;

/**
 * The email lookup table, kept by a subscribing processor: the row is written in the same unit of
 * work (and database transaction) as the event that registers the customer. Two registrations racing
 * for one email both pass {@link #ownerOf}, but the primary key lets only one of them commit.
 */
@Component
@ProcessingGroup(RegisteredEmails.PROCESSING_GROUP)
class RegisteredEmails implements EmailRegistry {

    static final String PROCESSING_GROUP = "customer-email-registry";

    private final RegisteredEmailRepository repository;

    RegisteredEmails(RegisteredEmailRepository repository) {
        this.repository = repository;
    }

    @Override
    public Optional<UUID> ownerOf(String email) {
        return repository.findById(EmailRegistry.normalize(email)).map(RegisteredEmail::customerId);
    }

    @EventHandler
    void on(CustomerRegisteredEvent event) {
        // Flush now, so a lost race fails this unit of work before the event is committed.
        try {
            repository.saveAndFlush(new RegisteredEmail(EmailRegistry.normalize(event.email()), event.customerId()));
        } catch (DataIntegrityViolationException e) {
            throw DomainException.conflict("The email " + event.email() + " is already registered to another customer");
        }
    }
}
