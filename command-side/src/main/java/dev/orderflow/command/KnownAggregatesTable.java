package dev.orderflow.command;

import dev.orderflow.api.customer.CustomerRegisteredEvent;
import dev.orderflow.api.inventory.ProductAddedEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * {@link KnownAggregates} as a table of the command side's own schema ({@code command.known_aggregate}), kept by a
 * subscribing processor in the same transaction as the event that creates the customer or product, like the email
 * registry. A table, because the check must work in both modes: in the embedded mode the events are rows of the same
 * database, but on Axon Server there is no SQL on events, and reading an aggregate's whole stream to learn its type
 * would cost a product's every reservation.
 * <p>
 * Customers and products created before the table existed are not in it: an id the table does not know is looked
 * up once in the event store (the type of its first event), and remembered, so the table fills itself on use.
 */
@Component
@ProcessingGroup(KnownAggregatesTable.PROCESSING_GROUP)
class KnownAggregatesTable implements KnownAggregates {

    static final String PROCESSING_GROUP = "known-aggregates";

    private final NamedParameterJdbcTemplate jdbc;
    private final EventStore eventStore;

    KnownAggregatesTable(NamedParameterJdbcTemplate jdbc, EventStore eventStore) {
        this.jdbc = jdbc;
        this.eventStore = eventStore;
    }

    @Override
    public Map<UUID, String> typesOf(Collection<UUID> ids) {
        Map<UUID, String> types = new HashMap<>();
        if (ids.isEmpty()) {
            return types;
        }
        jdbc.query("select aggregate_id, aggregate_type from command.known_aggregate where aggregate_id in (:ids)",
                new MapSqlParameterSource("ids", List.copyOf(ids)),
                row -> {
                    types.put(row.getObject("aggregate_id", UUID.class), row.getString("aggregate_type"));
                });
        for (UUID id : ids) {
            if (!types.containsKey(id)) {
                String stored = typeInTheEventStore(id);
                if (stored != null) {
                    remember(id, stored);
                    types.put(id, stored);
                }
            }
        }
        return types;
    }

    @EventHandler
    void on(CustomerRegisteredEvent event, DomainEventMessage<?> message) {
        remember(event.customerId(), message.getType());
    }

    @EventHandler
    void on(ProductAddedEvent event, DomainEventMessage<?> message) {
        remember(event.productId(), message.getType());
    }

    private String typeInTheEventStore(UUID id) {
        DomainEventStream events = eventStore.readEvents(id.toString(), 0);
        if (!events.hasNext()) {
            return null;
        }
        return events.peek().getType();
    }

    private void remember(UUID id, String type) {
        jdbc.update("""
                        insert into command.known_aggregate (aggregate_id, aggregate_type) values (:id, :type)
                        on conflict (aggregate_id) do nothing""",
                new MapSqlParameterSource("id", id).addValue("type", type));
    }
}
