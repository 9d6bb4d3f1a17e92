package dev.orderflow.shared.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orderflow.api.MessageJson;
import dev.orderflow.shared.eventhandling.LoggingPropagatingErrorHandler;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.springboot.autoconfig.AxonAutoConfiguration;
import org.axonframework.springboot.autoconfig.ObjectMapperAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.context.annotation.Bean;

/** Axon settings every service shares: how stored messages are serialized and how handler failures are treated. */
@AutoConfiguration(after = JacksonAutoConfiguration.class,
        before = {ObjectMapperAutoConfiguration.class, AxonAutoConfiguration.class})
public class OrderflowAxonAutoConfiguration {

    /**
     * The mapper Axon's Jackson serializer uses for events, commands, queries, tokens and sagas; Axon
     * looks it up by this name. Its settings are the messages' own ({@link MessageJson}): unlike the REST
     * mapper it tolerates unknown fields, so an event stored by a newer revision of a service stays readable
     * by an older one during a rolling deploy, and it reads and writes fields, whatever their visibility
     * (aggregate snapshots and sagas keep their state in private fields without getters). Not an autowire
     * candidate: by type, everything else keeps getting Spring's (strict) mapper.
     */
    @Bean(name = "defaultAxonObjectMapper", autowireCandidate = false)
    public ObjectMapper defaultAxonObjectMapper() {
        return MessageJson.newMapper();
    }

    /**
     * Streaming processors are pooled unless a service says otherwise: one coordinator claims segments
     * and a worker pool handles them, which catches up faster than a thread per segment. A failing
     * handler stops its processor on that event (see {@link LoggingPropagatingErrorHandler}).
     */
    @Bean
    ConfigurerModule orderflowEventProcessingDefaults() {
        return configurer -> configurer.eventProcessing()
                .usingPooledStreamingEventProcessors()
                .registerDefaultListenerInvocationErrorHandler(configuration -> new LoggingPropagatingErrorHandler());
    }
}
