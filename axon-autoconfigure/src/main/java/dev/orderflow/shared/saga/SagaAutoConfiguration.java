package dev.orderflow.shared.saga;

import jakarta.persistence.EntityManagerFactory;
import org.axonframework.common.jpa.EntityManagerProvider;
import org.axonframework.deadline.dbscheduler.DbSchedulerBinaryDeadlineDetails;
import org.axonframework.modelling.saga.repository.SagaStore;
import org.axonframework.modelling.saga.repository.jpa.JpaSagaStore;
import org.axonframework.serialization.Serializer;
import org.axonframework.springboot.autoconfig.JpaAutoConfiguration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.orm.jpa.HibernateJpaAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Lazy;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.time.Clock;

/**
 * Every service's sagas: Axon's JPA saga store, built as Axon's own auto-configuration builds it (lazily too), wrapped so that
 * ended sagas are kept for {@code orderflow.sagas.finished-retention} ({@link FinishedSagaRecordingStore}); and the
 * {@link SagaBrowser} the operations console reads them with. A service's own {@link SagaStore} bean replaces the
 * store (and then no finished saga is recorded).
 */
@AutoConfiguration(after = HibernateJpaAutoConfiguration.class, before = JpaAutoConfiguration.class)
@ConditionalOnClass(JpaSagaStore.class)
@EnableConfigurationProperties(SagaProperties.class)
public class SagaAutoConfiguration {

    @Bean
    @Lazy
    @ConditionalOnMissingBean(SagaStore.class)
    @ConditionalOnBean(EntityManagerFactory.class)
    SagaStore<Object> sagaStore(Serializer serializer, EntityManagerProvider entityManagerProvider,
                                SagaProperties properties) {
        JpaSagaStore store = JpaSagaStore.builder()
                                         .entityManagerProvider(entityManagerProvider)
                                         .serializer(serializer)
                                         .build();
        if (!properties.keepsFinishedSagas()) {
            return store;
        }
        return new FinishedSagaRecordingStore<>(store, entityManagerProvider, properties.finishedRetention(),
                                                Clock.systemUTC());
    }

    /** Every service's database has the saga store's and db-scheduler's tables (the axon schema); most keep none. */
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnClass(DbSchedulerBinaryDeadlineDetails.class)
    @ConditionalOnBean(DataSource.class)
    SagaBrowser sagaBrowser(ObjectProvider<DataSource> dataSource, Serializer serializer, SagaProperties properties) {
        return new SagaBrowser(() -> new JdbcTemplate(dataSource.getObject()), serializer,
                               properties.finishedRetention(), Clock.systemUTC());
    }
}
