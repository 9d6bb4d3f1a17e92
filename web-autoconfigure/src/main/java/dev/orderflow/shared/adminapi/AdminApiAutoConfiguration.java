package dev.orderflow.shared.adminapi;

import dev.orderflow.shared.admin.ProcessorAdmin;
import dev.orderflow.shared.admin.ProcessorAdminAutoConfiguration;
import dev.orderflow.shared.deadletter.DeadLetterAdmin;
import dev.orderflow.shared.deadletter.DeadLetterAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * The admin REST API over what the Axon module administers: processors, replays and rebuilds with their progress
 * ({@code /admin/processors}), an aggregate's stored events ({@code /admin/events}), and dead letters
 * ({@code /admin/dead-letters}, where the service has any). ADMIN role only (see the security auto-configuration);
 * {@code orderflow.admin.enabled=false} takes it away.
 */
@AutoConfiguration(after = {ProcessorAdminAutoConfiguration.class, DeadLetterAutoConfiguration.class})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnProperty(prefix = "orderflow.admin", name = "enabled", matchIfMissing = true)
public class AdminApiAutoConfiguration {

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnBean(ProcessorAdmin.class)
    @Import({ProcessorAdminController.class, EventInspectionController.class})
    static class Processors {
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnBean(DeadLetterAdmin.class)
    @Import(DeadLetterAdminController.class)
    static class DeadLetters {
    }
}
