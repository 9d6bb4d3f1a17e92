package dev.orderflow.shared.admin;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.springboot.autoconfig.AxonAutoConfiguration;
import org.axonframework.springboot.autoconfig.EventProcessingAutoConfiguration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

import java.time.Clock;

/**
 * Gives every service the admin REST API: its event processors with their positions and lag, replay with
 * progress ({@code /admin/processors}), and the event stream of an aggregate ({@code /admin/events}).
 */
@AutoConfiguration(after = {AxonAutoConfiguration.class, EventProcessingAutoConfiguration.class})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(EventProcessingConfiguration.class)
@ConditionalOnBean(EventProcessingConfiguration.class)
@ConditionalOnProperty(prefix = "orderflow.admin", name = "enabled", matchIfMissing = true)
@EnableConfigurationProperties(AdminProperties.class)
@Import({ProcessorAdminController.class, EventInspectionController.class})
public class ProcessorAdminAutoConfiguration {

    @Bean
    ProcessorAdmin processorAdmin(EventProcessingConfiguration processing, ObjectProvider<EventStore> eventStore) {
        return new ProcessorAdmin(processing, eventStore, Clock.systemUTC());
    }
}
