package dev.orderflow.shared.database;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.orm.jpa.EntityManagerFactoryDependsOnPostProcessor;
import org.springframework.boot.autoconfigure.orm.jpa.HibernateJpaAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

import javax.sql.DataSource;

/**
 * Migrates each service's schema with Flyway before the entity manager factory validates the mappings.
 * Axon's own tables live in the {@code axon} schema, migrated here for every service.
 */
@AutoConfiguration(after = DataSourceAutoConfiguration.class, before = HibernateJpaAutoConfiguration.class)
public class SchemaMigrationAutoConfiguration {

    static final String MIGRATIONS_BEAN = "serviceSchemaMigrations";

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    ServiceSchema axonSchema() {
        return new ServiceSchema("axon", "classpath:db/migration/axon");
    }

    @Bean(name = MIGRATIONS_BEAN, initMethod = "migrate")
    ServiceSchemaMigrations serviceSchemaMigrations(DataSource dataSource, ObjectProvider<ServiceSchema> schemas) {
        return new ServiceSchemaMigrations(dataSource, schemas.orderedStream().toList());
    }

    @Bean
    static EntityManagerFactoryDependsOnPostProcessor entityManagerFactoryDependsOnSchemaMigrations() {
        return new EntityManagerFactoryDependsOnPostProcessor(MIGRATIONS_BEAN);
    }
}
