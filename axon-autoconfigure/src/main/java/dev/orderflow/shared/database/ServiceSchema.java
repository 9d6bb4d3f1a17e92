package dev.orderflow.shared.database;

/**
 * A schema that one service owns, with the Flyway migrations that build it.
 * Each service declares its schema as a bean; {@link SchemaMigrationAutoConfiguration} migrates every
 * declared schema before JPA starts, so the embedded mode (one database, one schema per service) and
 * the distributed mode (one database per service) run the same migrations.
 *
 * @param name      the Postgres schema, created if missing
 * @param locations Flyway locations holding this schema's migrations, e.g. {@code classpath:db/migration/command}
 */
public record ServiceSchema(String name, String... locations) {

    public ServiceSchema {
        if (name == null || !name.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("schema name must be a lower-case SQL identifier, was " + name);
        }
        if (locations.length == 0) {
            throw new IllegalArgumentException("schema " + name + " needs at least one migration location");
        }
    }
}
