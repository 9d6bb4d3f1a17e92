package dev.orderflow.bench.agent;

import org.hibernate.boot.model.naming.Identifier;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AxonDefaultTablesTest {

    @Test
    void onlyTheSchemaOfAxonsEntitiesIsBuiltByHibernate() {
        assertThat(AxonDefaultTables.isAxons(null)).isTrue();
        assertThat(AxonDefaultTables.isAxons(Identifier.toIdentifier("axon_defaults"))).isTrue();
        assertThat(AxonDefaultTables.isAxons(Identifier.toIdentifier("query"))).isFalse();
        assertThat(AxonDefaultTables.isAxons(Identifier.toIdentifier("command"))).isFalse();
        assertThat(AxonDefaultTables.isAxons(Identifier.toIdentifier("axon"))).isFalse();
    }
}
