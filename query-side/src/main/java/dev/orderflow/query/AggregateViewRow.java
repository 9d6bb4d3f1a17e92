package dev.orderflow.query;

import jakarta.persistence.MappedSuperclass;

/**
 * A read-model row that shows one aggregate. {@code version} is the sequence number of the last of the
 * aggregate's events applied to it: an event at or below it was applied already and is skipped, which
 * makes the projection idempotent, and it is the version a client waits for after a command.
 */
@MappedSuperclass
public abstract class AggregateViewRow<I> extends AssignedIdRow<I> {

    private long version;

    protected AggregateViewRow() {
        // for JPA
    }

    protected AggregateViewRow(long version) {
        this.version = version;
    }

    public boolean hasApplied(long sequenceNumber) {
        return sequenceNumber <= version;
    }

    public void advanceTo(long sequenceNumber) {
        version = sequenceNumber;
    }

    public long version() {
        return version;
    }
}
