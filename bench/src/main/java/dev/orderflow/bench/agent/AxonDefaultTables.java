package dev.orderflow.bench.agent;

import org.hibernate.boot.model.naming.Identifier;
import org.hibernate.boot.model.relational.Namespace;
import org.hibernate.boot.model.relational.Sequence;
import org.hibernate.mapping.Table;
import org.hibernate.tool.schema.spi.SchemaFilter;
import org.hibernate.tool.schema.spi.SchemaFilterProvider;

/**
 * For the "Axon defaults" run only: lets Hibernate's {@code ddl-auto=create} build Axon's own tables (the
 * entities that name no schema, put in {@value #SCHEMA} by {@code hibernate.default_schema}) exactly as
 * Axon's default JPA mapping asks, and leaves Orderflow's read-model and command tables (explicit schemas,
 * built by Flyway) alone, so that both runs project into the same tables with the same indexes.
 */
public class AxonDefaultTables implements SchemaFilterProvider {

    /** The schema the Axon-defaults run gives Axon's tables. */
    public static final String SCHEMA = "axon_defaults";

    private static final SchemaFilter AXON_ONLY = new SchemaFilter() {
        @Override
        public boolean includeNamespace(Namespace namespace) {
            return isAxons(namespace.getName().getSchema());
        }

        @Override
        public boolean includeTable(Table table) {
            return isAxons(table.getSchemaIdentifier());
        }

        @Override
        public boolean includeSequence(Sequence sequence) {
            return isAxons(sequence.getName().getSchemaName());
        }
    };

    static boolean isAxons(Identifier schema) {
        return schema == null || SCHEMA.equalsIgnoreCase(schema.getText());
    }

    @Override
    public SchemaFilter getCreateFilter() {
        return AXON_ONLY;
    }

    @Override
    public SchemaFilter getDropFilter() {
        return AXON_ONLY;
    }

    @Override
    public SchemaFilter getTruncatorFilter() {
        return AXON_ONLY;
    }

    @Override
    public SchemaFilter getMigrateFilter() {
        return AXON_ONLY;
    }

    @Override
    public SchemaFilter getValidateFilter() {
        return AXON_ONLY;
    }
}
