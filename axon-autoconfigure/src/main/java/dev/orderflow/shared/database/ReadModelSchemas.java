package dev.orderflow.shared.database;

import java.util.Map;
import java.util.Optional;

/**
 * The schema each event processor builds its read model in, for the processors whose read model has a schema of
 * its own and nothing else in it: the admin API can rebuild those beside the live model and swap the schemas
 * (see {@code ReadModelRebuilds}). A service declares one bean of this type.
 *
 * @param byProcessor processor name to the schema (with its migrations) that holds all its tables
 */
public record ReadModelSchemas(Map<String, ServiceSchema> byProcessor) {

    public ReadModelSchemas {
        byProcessor = Map.copyOf(byProcessor);
    }

    public Optional<ServiceSchema> of(String processor) {
        return Optional.ofNullable(byProcessor.get(processor));
    }
}
