package dev.orderflow.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orderflow.bench.agent.AxonDefaultTables;
import dev.orderflow.bench.events.EventTable;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Scenario 5's configuration: the standalone as a setup built by following Axon's samples would run it. Only
 * what docs/benchmarks.md lists changes, all of it as command-line properties of the standalone process:
 * <ul>
 *   <li>Axon's default JPA storage mapping: Hibernate's stock PostgreSQL dialect (so {@code @Lob byte[]}
 *   payloads, metadata, tokens and sagas become large objects) and no orm.xml (so the global index comes from
 *   a sequence with Hibernate's allocation size of 50);</li>
 *   <li>tracking event processors with a batch size of 1 (one thread, one segment: Axon's default) instead of
 *   Orderflow's pooled ones with batches of 100;</li>
 *   <li>no aggregate cache and no snapshots;</li>
 *   <li>Axon's saga store without Orderflow's record of finished sagas.</li>
 * </ul>
 * Serialization stays Jackson (Axon's default XStream cannot read the Java records back), and the connection
 * pool, Hibernate's JDBC batching and the read-model tables stay as they are.
 */
final class AxonDefaults {

    private AxonDefaults() {
    }

    static List<String> properties(List<String> streamingProcessors) {
        List<String> properties = new ArrayList<>(List.of(
                "spring.jpa.database-platform=org.hibernate.dialect.PostgreSQLDialect",
                "spring.jpa.mapping-resources=",
                // ddl-auto=create is here only because it reproduces Axon's defaults: Hibernate builds Axon's tables
                // from Axon's own mapping (large objects, allocation size 50), which Orderflow's Flyway tables are not.
                // It runs on a database of the bench's own, in schema axon_defaults, and touches only Axon's tables
                // (AxonDefaultTables): the read models keep their Flyway tables and indexes. Only the first process
                // on the database builds them: a restart runs with ddl-auto=none (BenchMain.laterLifeProperties).
                "spring.jpa.hibernate.ddl-auto=create",
                "spring.jpa.properties.hibernate.default_schema=" + AxonDefaultTables.SCHEMA,
                // By name: the class lives in the agent jar, on the standalone's class path only (it needs Hibernate).
                "spring.jpa.properties.hibernate.hbm2ddl.schema_filter_provider=dev.orderflow.bench.agent.AxonDefaultTables",
                // Axon's saga store as it comes, without Orderflow's record of finished sagas.
                "orderflow.sagas.finished-retention=0",
                "orderflow.aggregates.cache-enabled=false",
                "orderflow.aggregates.snapshot-threshold=0"));
        for (String processor : streamingProcessors) {
            properties.add("axon.eventhandling.processors[" + processor + "].mode=tracking");
            properties.add("axon.eventhandling.processors[" + processor + "].batch-size=1");
        }
        return properties;
    }

    /** Checks that the standalone really runs with Axon's defaults; answers what was checked. */
    static Map<String, Object> verify(BenchRun run, String database) throws Exception {
        Map<String, Object> checked = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        try (Connection connection = run.postgres.connect(database)) {
            EventTable table = EventTable.in(connection, AxonDefaultTables.SCHEMA);
            checked.put("eventPayloadColumn", table.storage() == EventTable.Storage.LARGE_OBJECT ? "oid (large object)" : "bytea");
            if (table.storage() != EventTable.Storage.LARGE_OBJECT) {
                problems.add("event payloads are not large objects");
            }
            long increment = table.sequenceIncrement(connection);
            checked.put("globalIndexSequenceIncrement", increment);
            if (increment != 50) {
                problems.add("the global index sequence increments by " + increment + ", not 50");
            }
            String tokenType = BenchMain.single(connection, "select data_type from information_schema.columns where "
                    + "table_schema = '" + AxonDefaultTables.SCHEMA + "' and table_name = 'token_entry' and column_name = 'token'");
            checked.put("tokenColumn", tokenType);
        }
        Map<String, String> modes = new LinkedHashMap<>();
        for (JsonNode processor : run.api().getJson("/admin/processors")) {
            String mode = processor.path("mode").asText();
            modes.put(processor.path("name").asText(), mode);
            if (!mode.equals("TRACKING") && !mode.equals("SUBSCRIBING")) {
                problems.add("processor " + processor.path("name").asText() + " is " + mode);
            }
        }
        checked.put("processors", modes);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("the standalone does not run with Axon's defaults: " + problems);
        }
        Progress.say("     verified: event payloads as " + checked.get("eventPayloadColumn") + ", global index sequence "
                + "increment " + checked.get("globalIndexSequenceIncrement") + ", " + modes.size()
                + " processors tracking or subscribing, no cache, no snapshots");
        return checked;
    }
}
