package dev.orderflow.bench.agent;

import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStore;

import java.util.List;

/**
 * Lets the bench load events straight into the event store without any handler seeing them: stop the
 * streaming processors, load, move every token to the new head, start them again. Sagas and policies then
 * never act on the loaded events; a replay started afterwards (through the admin API) reads them all.
 */
class ProcessorControl {

    private final EventProcessingConfiguration processing;
    private final EventStore eventStore;
    private final TransactionManager transactions;

    ProcessorControl(EventProcessingConfiguration processing, EventStore eventStore, TransactionManager transactions) {
        this.processing = processing;
        this.eventStore = eventStore;
        this.transactions = transactions;
    }

    List<String> stopAll() {
        List<StreamingEventProcessor> streaming = streaming();
        streaming.forEach(StreamingEventProcessor::shutDown);
        return names(streaming);
    }

    List<String> startAll() {
        List<StreamingEventProcessor> streaming = streaming();
        streaming.forEach(StreamingEventProcessor::start);
        return names(streaming);
    }

    List<String> tokensToHead() {
        List<StreamingEventProcessor> streaming = streaming();
        for (StreamingEventProcessor processor : streaming) {
            if (processor.isRunning()) {
                throw new IllegalStateException("processor " + processor.getName() + " still runs; stop it first");
            }
        }
        TrackingToken head = eventStore.createHeadToken();
        for (StreamingEventProcessor processor : streaming) {
            String name = processor.getName();
            TokenStore tokens = processing.tokenStore(name);
            transactions.executeInTransaction(() -> {
                for (int segment : tokens.fetchSegments(name)) {
                    tokens.storeToken(head, name, segment);
                    tokens.releaseClaim(name, segment);
                }
            });
        }
        return names(streaming);
    }

    private List<StreamingEventProcessor> streaming() {
        return processing.eventProcessors().values().stream()
                         .filter(StreamingEventProcessor.class::isInstance)
                         .map(StreamingEventProcessor.class::cast)
                         .toList();
    }

    private static List<String> names(List<StreamingEventProcessor> processors) {
        return processors.stream().map(EventProcessor::getName).sorted().toList();
    }
}
