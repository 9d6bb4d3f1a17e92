package dev.orderflow.command;

import java.util.Collection;
import java.util.Map;
import java.util.UUID;

/**
 * The type of the aggregate each id names ({@code "Customer"}, {@code "Product"}, ...: the aggregate's class name,
 * as the event store records it), for a command that refers to aggregates other than its own and must be refused
 * before anything is stored when one of them does not exist or is of another type. It answers existence and type,
 * never state, so no aggregate reads another's.
 */
public interface KnownAggregates {

    /** The type of each id that names an aggregate; ids that name none are left out. */
    Map<UUID, String> typesOf(Collection<UUID> ids);
}
