package dev.orderflow.shared.saga;

import dev.orderflow.shared.database.SchemaMigrationAutoConfiguration;
import dev.orderflow.shared.embeddedpostgres.EmbeddedPostgresAutoConfiguration;
import org.axonframework.common.jpa.EntityManagerProvider;
import org.axonframework.modelling.saga.AssociationValue;
import org.axonframework.modelling.saga.repository.SagaStore;
import org.axonframework.modelling.saga.repository.jpa.JpaSagaStore;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.springboot.EventProcessorProperties;
import org.axonframework.springboot.TokenStoreProperties;
import org.axonframework.springboot.autoconfig.JpaAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.orm.jpa.HibernateJpaAutoConfiguration;
import org.springframework.boot.autoconfigure.transaction.TransactionAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ended sagas are kept for a while, on a real (embedded) Postgres with Axon's JPA saga store: recorded in the
 * transaction that ends them, listed by the {@link SagaBrowser} with their associations and last stored state, and
 * pruned once older than the retention.
 */
class FinishedSagasIT {

    private static final Class<?> AxonTransactionAutoConfiguration = org.axonframework.springboot.autoconfig.TransactionAutoConfiguration.class;

    private final ApplicationContextRunner service = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(EmbeddedPostgresAutoConfiguration.class,
                    SchemaMigrationAutoConfiguration.class, HibernateJpaAutoConfiguration.class,
                    TransactionAutoConfiguration.class, AxonTransactionAutoConfiguration, SagaAutoConfiguration.class,
                    JpaAutoConfiguration.class))
            // As every service's defaults (META-INF/orderflow/defaults.properties) map Axon's tables.
            .withPropertyValues("spring.jpa.hibernate.ddl-auto=validate",
                                "spring.jpa.database-platform=dev.orderflow.shared.eventstore.PostgresByteaDialect",
                                "spring.jpa.mapping-resources=META-INF/orderflow/axon-orm.xml",
                                "spring.jpa.properties.hibernate.default_schema=axon")
            // What Axon's JpaAutoConfiguration asks of the rest of Axon's auto-configuration.
            .withBean("serializer", Serializer.class, JacksonSerializer::defaultSerializer, bean -> bean.setPrimary(true))
            .withBean("eventSerializer", Serializer.class, JacksonSerializer::defaultSerializer)
            .withBean(EventProcessorProperties.class, EventProcessorProperties::new)
            .withBean(TokenStoreProperties.class, TokenStoreProperties::new);

    /** A saga's state as a saga store sees it: any object its serializer writes. */
    public record ExampleSaga(String stage) {
    }

    @Test
    void anEndedSagaIsListedAsFinishedWithItsAssociationsAndLastStoredState() {
        service.run(context -> {
            assertThat(context.getBean(SagaStore.class)).isInstanceOf(FinishedSagaRecordingStore.class);
            @SuppressWarnings("unchecked")
            SagaStore<Object> store = context.getBean(SagaStore.class);
            SagaBrowser sagas = context.getBean(SagaBrowser.class);
            String orderId = UUID.randomUUID().toString();
            String sagaId = start(context, store, orderId, "AWAITING_PAYMENT");
            assertThat(sagas.running(Optional.of(orderId), 10)).extracting(SagaBrowser.SagaInstance::sagaId).containsExactly(sagaId);

            end(context, store, sagaId, orderId);

            assertThat(sagas.running(Optional.of(orderId), 10)).isEmpty();
            SagaBrowser.SagaInstance finished = sagas.finished(Optional.of(orderId), 10).get(0);
            assertThat(finished.sagaId()).isEqualTo(sagaId);
            assertThat(finished.finished()).isTrue();
            assertThat(finished.associations()).containsEntry("orderId", List.of(orderId));
            assertThat(finished.state()).contains("AWAITING_PAYMENT");
            assertThat(finished.simpleType()).isEqualTo("ExampleSaga");
            assertThat(sagas.saga(sagaId)).hasValueSatisfying(saga -> assertThat(saga.finished()).isTrue());
            assertThat(sagas.finished(Optional.of(UUID.randomUUID().toString()), 10)).isEmpty();
            SagaBrowser.Sagas snapshot = sagas.sagas(Optional.of(orderId), 10);
            assertThat(snapshot.running()).isEmpty();
            assertThat(snapshot.finished()).extracting(SagaBrowser.SagaInstance::sagaId).containsExactly(sagaId);
        });
    }

    @Test
    void aSagaThatEndedBeforeItWasEverStoredIsKeptWithoutAState() {
        service.run(context -> {
            @SuppressWarnings("unchecked")
            SagaStore<Object> store = context.getBean(SagaStore.class);
            String orderId = UUID.randomUUID().toString();
            String sagaId = UUID.randomUUID().toString();

            end(context, store, sagaId, orderId);

            SagaBrowser.SagaInstance finished = context.getBean(SagaBrowser.class).saga(sagaId).orElseThrow();
            assertThat(finished.finished()).isTrue();
            assertThat(finished.state()).isEmpty();
            assertThat(finished.sagaType()).isEqualTo(ExampleSaga.class.getName());
            assertThat(finished.associations()).containsEntry("orderId", List.of(orderId));
        });
    }

    @Test
    void theRecordIsRolledBackWithTheTransactionThatEndedTheSaga() {
        service.run(context -> {
            @SuppressWarnings("unchecked")
            SagaStore<Object> store = context.getBean(SagaStore.class);
            SagaBrowser sagas = context.getBean(SagaBrowser.class);
            String orderId = UUID.randomUUID().toString();
            String sagaId = start(context, store, orderId, "AWAITING_PAYMENT");

            context.getBean(TransactionTemplate.class).executeWithoutResult(status -> {
                store.deleteSaga(ExampleSaga.class, sagaId, Set.of(new AssociationValue("orderId", orderId)));
                status.setRollbackOnly();
            });

            assertThat(sagas.finished(Optional.of(orderId), 10)).isEmpty();
            assertThat(sagas.running(Optional.of(orderId), 10)).extracting(SagaBrowser.SagaInstance::sagaId).containsExactly(sagaId);
        });
    }

    @Test
    void finishedSagasOlderThanTheRetentionArePrunedWhenAnotherEnds() {
        service.run(context -> {
            MovableClock clock = new MovableClock(Instant.parse("2026-01-01T00:00:00Z"));
            Duration retention = Duration.ofHours(1);
            JpaSagaStore jpa = JpaSagaStore.builder().entityManagerProvider(context.getBean(EntityManagerProvider.class))
                                           .serializer(context.getBean(Serializer.class)).build();
            SagaStore<Object> store = new FinishedSagaRecordingStore<>(jpa, context.getBean(EntityManagerProvider.class),
                                                                       retention, clock);
            String oldOrder = UUID.randomUUID().toString();
            end(context, store, start(context, store, oldOrder, "SHIPPED"), oldOrder);
            JdbcTemplate jdbc = new JdbcTemplate(context.getBean(DataSource.class));
            assertThat(countOf(jdbc, oldOrder)).isEqualTo(1);

            clock.now = clock.now.plus(retention).plus(FinishedSagaRecordingStore.PRUNE_INTERVAL).plusSeconds(1);
            String newOrder = UUID.randomUUID().toString();
            end(context, store, start(context, store, newOrder, "SHIPPED"), newOrder);

            assertThat(countOf(jdbc, oldOrder)).as("pruned with its associations").isZero();
            assertThat(countOf(jdbc, newOrder)).isEqualTo(1);
        });
    }

    @Test
    void aRetentionOfZeroKeepsAxonsStoreAsItIs() {
        service.withPropertyValues("orderflow.sagas.finished-retention=0")
               .run(context -> assertThat(context.getBean(SagaStore.class)).isExactlyInstanceOf(JpaSagaStore.class));
    }

    private static int countOf(JdbcTemplate jdbc, String associationValue) {
        return jdbc.queryForObject("select count(*) from axon.finished_saga_association where association_value = ?",
                                   Integer.class, associationValue);
    }

    private static String start(ApplicationContext context, SagaStore<Object> store, String orderId, String stage) {
        String sagaId = UUID.randomUUID().toString();
        context.getBean(TransactionTemplate.class).executeWithoutResult(status -> store.insertSaga(
                ExampleSaga.class, sagaId, new ExampleSaga(stage), Set.of(new AssociationValue("orderId", orderId))));
        return sagaId;
    }

    private static void end(ApplicationContext context, SagaStore<Object> store, String sagaId, String orderId) {
        context.getBean(TransactionTemplate.class).executeWithoutResult(status -> store.deleteSaga(
                ExampleSaga.class, sagaId, Set.of(new AssociationValue("orderId", orderId))));
    }

    private static final class MovableClock extends Clock {
        private Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
