package dev.orderflow.command.customer;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import org.springframework.data.domain.Persistable;

import java.util.UUID;

/**
 * One row of the email lookup table, owned by the command side. Rows are only ever inserted:
 * {@link #isNew()} makes Spring Data persist them, so a taken email fails on the primary key
 * instead of being merged over the other customer's row.
 */
@Entity
@Table(schema = "command", name = "registered_email")
class RegisteredEmail implements Persistable<String> {

    @Id
    private String email;

    @Column(name = "customer_id", nullable = false)
    private UUID customerId;

    @Transient
    private boolean fresh;

    protected RegisteredEmail() {
        // for JPA
    }

    RegisteredEmail(String email, UUID customerId) {
        this.email = email;
        this.customerId = customerId;
        this.fresh = true;
    }

    UUID customerId() {
        return customerId;
    }

    @Override
    public String getId() {
        return email;
    }

    @Override
    public boolean isNew() {
        return fresh;
    }
}
