package dev.orderflow.query;

import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Transient;
import org.springframework.data.domain.Persistable;

/**
 * A read-model row whose id comes from the events. Spring Data cannot tell such a row is new and would
 * merge it (a select before every insert, on every event during a replay); this tells it: a row is new
 * until it was loaded or persisted.
 */
@MappedSuperclass
public abstract class AssignedIdRow<I> implements Persistable<I> {

    @Transient
    private boolean stored;

    @Override
    public boolean isNew() {
        return !stored;
    }

    @PostLoad
    @PostPersist
    void markStored() {
        stored = true;
    }
}
