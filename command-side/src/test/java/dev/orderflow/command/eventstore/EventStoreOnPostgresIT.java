package dev.orderflow.command.eventstore;

import dev.orderflow.api.customer.RegisterCustomerCommand;
import dev.orderflow.api.customer.RenameCustomerCommand;
import dev.orderflow.api.customer.ReserveCreditCommand;
import dev.orderflow.api.shared.Money;
import dev.orderflow.command.inventory.Product;
import dev.orderflow.command.support.CommandSideIntegrationTest;
import dev.orderflow.command.support.StoredEvents;
import dev.orderflow.testfixtures.ServiceClient;
import jakarta.persistence.EntityManagerFactory;
import org.axonframework.eventsourcing.eventstore.jpa.DomainEventEntry;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.id.enhanced.SequenceStyleGenerator;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.caching.Cache;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The Axon-on-Postgres pitfalls the event store is set up to avoid, checked on the real tables. */
@CommandSideIntegrationTest
class EventStoreOnPostgresIT {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ServiceClient http;
    @Autowired
    StoredEvents events;
    @Autowired
    EntityManagerFactory entityManagerFactory;
    @Autowired
    @Qualifier("productCache")
    Cache productCache;
    @Autowired
    @Qualifier("customerCache")
    Cache customerCache;
    @Autowired
    CommandGateway commands;

    @Test
    void serializedColumnsAreByteaAndNoLargeObjectIsCreated() {
        List<String> serializedColumnTypes = jdbc.queryForList("""
                select data_type from information_schema.columns
                where table_schema = 'axon'
                  and column_name in ('payload', 'meta_data', 'token', 'serialized_saga', 'diagnostics')""", String.class);
        http.post("/products", "{\"name\": \"Lob check\", \"price\": 1, \"stock\": 1}");

        assertThat(serializedColumnTypes).hasSizeGreaterThanOrEqualTo(9).containsOnly("bytea");
        assertThat(jdbc.queryForObject("select count(*) from pg_largeobject_metadata", Long.class)).isZero();
    }

    @Test
    void theGlobalIndexAdvancesByOnePerEvent() {
        UUID productId = UUID.randomUUID();
        http.post("/products", "{\"productId\": \"" + productId + "\", \"name\": \"Index\", \"price\": 1, \"stock\": 1}");
        for (int i = 0; i < 5; i++) {
            assertThat(http.post("/products/" + productId + "/restock", "{\"quantity\": 1}").getStatusCode())
                    .isEqualTo(HttpStatus.NO_CONTENT);
        }

        List<Long> indexes = events.of(productId).stream().map(StoredEvents.StoredEvent::globalIndex).toList();

        assertThat(indexes).hasSize(6);
        assertThat(jdbc.queryForObject("select increment_by from pg_sequences where schemaname = 'axon' "
                + "and sequencename = 'domain_event_entry_seq'", Long.class)).isEqualTo(1);
        assertThat(globalIndexGenerator().getOptimizer().getIncrementSize()).isEqualTo(1);
        // No index is skipped between the first and the last of these events (other events may sit in between).
        Long stored = jdbc.queryForObject("select count(*) from axon.domain_event_entry where global_index between ? and ?",
                Long.class, indexes.get(0), indexes.get(5));
        assertThat(stored).isEqualTo(indexes.get(5) - indexes.get(0) + 1);
    }

    private SequenceStyleGenerator globalIndexGenerator() {
        return (SequenceStyleGenerator) entityManagerFactory.unwrap(SessionFactoryImplementor.class)
                .getMappingMetamodel().getEntityDescriptor(DomainEventEntry.class).getGenerator();
    }

    @Test
    void aLongLivedAggregateIsSnapshottedAndRestoredFromItsSnapshot() {
        UUID productId = UUID.randomUUID();
        int nearCeiling = Product.MAX_STOCK - 1_000;
        http.post("/products", "{\"productId\": \"" + productId + "\", \"name\": \"Busy\", \"price\": 1, \"stock\": "
                + nearCeiling + "}");
        for (int i = 0; i < 105; i++) {
            http.post("/products/" + productId + "/restock", "{\"quantity\": 1}");
        }
        assertThat(snapshotsOf(productId)).isEqualTo(1);
        assertThat(events.of(productId)).hasSize(106);

        // Without the cache the next commands load the product from its snapshot plus the events after it.
        productCache.removeAll();
        var upToTheCeiling = http.post("/products/" + productId + "/restock", "{\"quantity\": 895}");
        var overTheCeiling = http.post("/products/" + productId + "/restock", "{\"quantity\": 1}");

        assertThat(upToTheCeiling.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(upToTheCeiling.getHeaders().getETag()).isEqualTo("\"106\"");
        assertThat(overTheCeiling.getStatusCode()).as("the restored stock on hand is enforced").isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
    }

    @Test
    void aCustomersCreditAccountSurvivesASnapshot() {
        UUID customerId = UUID.randomUUID();
        UUID heldPayment = UUID.randomUUID();
        commands.sendAndWait(new RegisterCustomerCommand(customerId, "Snap", "snap-" + customerId + "@example.com", Money.of("100")));
        commands.sendAndWait(new ReserveCreditCommand(customerId, heldPayment, Money.of("60")));
        for (int i = 0; i < 100; i++) {
            commands.sendAndWait(new RenameCustomerCommand(customerId, i % 2 == 0 ? "Snap A" : "Snap B", null));
        }
        assertThat(snapshotsOf(customerId)).isEqualTo(1);

        customerCache.removeAll();
        UUID tooLarge = UUID.randomUUID();
        commands.sendAndWait(new ReserveCreditCommand(customerId, tooLarge, Money.of("50")));
        commands.sendAndWait(new ReserveCreditCommand(customerId, heldPayment, Money.of("60")));

        assertThat(events.of(customerId)).last().satisfies(last -> {
            assertThat(last.simpleType()).as("60 of 100 is still held after the restore").isEqualTo("CreditReservationDeclinedEvent");
            assertThat(last.payload().get("paymentId").asText()).isEqualTo(tooLarge.toString());
        });
    }

    private Long snapshotsOf(UUID aggregateId) {
        return jdbc.queryForObject("select count(*) from axon.snapshot_event_entry where aggregate_identifier = ?",
                Long.class, aggregateId.toString());
    }

    @Test
    void everyServiceTableLivesInItsOwnSchema() {
        List<String> commandTables = jdbc.queryForList(
                "select table_name from information_schema.tables where table_schema = 'command' order by table_name", String.class);

        assertThat(commandTables).contains("registered_email", "flyway_schema_history");
        assertThat(jdbc.queryForList("select table_name from information_schema.tables where table_schema = 'public'", String.class))
                .isEmpty();
    }
}
