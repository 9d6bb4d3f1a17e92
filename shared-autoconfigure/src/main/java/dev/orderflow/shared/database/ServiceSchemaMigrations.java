package dev.orderflow.shared.database;

import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.util.Collection;

/** Runs the Flyway migrations of every {@link ServiceSchema} the application declares, each in its own schema. */
public class ServiceSchemaMigrations {

    private static final Logger log = LoggerFactory.getLogger(ServiceSchemaMigrations.class);

    private final DataSource dataSource;
    private final Collection<ServiceSchema> schemas;

    public ServiceSchemaMigrations(DataSource dataSource, Collection<ServiceSchema> schemas) {
        this.dataSource = dataSource;
        this.schemas = schemas;
    }

    public void migrate() {
        for (ServiceSchema schema : schemas) {
            var result = Flyway.configure()
                    .dataSource(dataSource)
                    .schemas(schema.name())
                    .createSchemas(true)
                    .locations(schema.locations())
                    .validateMigrationNaming(true)
                    .load()
                    .migrate();
            log.info("Schema {} is at version {} ({} migrations applied now)",
                    schema.name(), result.targetSchemaVersion, result.migrationsExecuted);
        }
    }

    public Collection<ServiceSchema> schemas() {
        return schemas;
    }
}
