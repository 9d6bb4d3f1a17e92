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
            migrate(dataSource, schema, schema.name());
        }
    }

    /**
     * Runs the migrations of {@code schema} in the Postgres schema {@code into}, which is created if missing: its
     * own name, or (for a rebuild) a second schema that gets the same tables.
     */
    public static void migrate(DataSource dataSource, ServiceSchema schema, String into) {
        var result = Flyway.configure()
                .dataSource(dataSource)
                .schemas(into)
                .createSchemas(true)
                .locations(schema.locations())
                .validateMigrationNaming(true)
                .load()
                .migrate();
        log.info("Schema {} is at version {} ({} migrations applied now)",
                into, result.targetSchemaVersion, result.migrationsExecuted);
    }

    public Collection<ServiceSchema> schemas() {
        return schemas;
    }
}
