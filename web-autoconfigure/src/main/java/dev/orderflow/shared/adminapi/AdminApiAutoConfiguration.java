package dev.orderflow.shared.adminapi;

import dev.orderflow.shared.admin.ProcessorAdmin;
import dev.orderflow.shared.admin.ProcessorAdminAutoConfiguration;
import dev.orderflow.shared.deadletter.DeadLetterAdmin;
import dev.orderflow.shared.deadletter.DeadLetterAutoConfiguration;
import dev.orderflow.shared.audit.OperatorAudit;
import dev.orderflow.shared.database.ServiceSchema;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.jdbc.JdbcTemplateAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Clock;

/**
 * The admin REST API over what the Axon module administers: processors, replays and rebuilds with their progress
 * ({@code /admin/processors}), an aggregate's stored events ({@code /admin/events}), and dead letters
 * ({@code /admin/dead-letters}, where the service has any), and the audit of what operators did through it or the
 * console ({@code /admin/audit}, kept in the {@code operations} schema). ADMIN role only (see the security auto-configuration);
 * {@code orderflow.admin.enabled=false} takes it away.
 */
@AutoConfiguration(after = {ProcessorAdminAutoConfiguration.class, DeadLetterAutoConfiguration.class,
        JdbcTemplateAutoConfiguration.class})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnProperty(prefix = "orderflow.admin", name = "enabled", matchIfMissing = true)
public class AdminApiAutoConfiguration {

    /** The audit's table, in a schema of its own beside the service's: every service keeps its operators' actions. */
    @Bean
    ServiceSchema operationsSchema() {
        return new ServiceSchema("operations", "classpath:db/migration/operations");
    }

    @Bean
    @ConditionalOnMissingBean
    OperatorAudit operatorAudit(JdbcTemplate jdbc) {
        return new OperatorAudit(jdbc, Clock.systemUTC());
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnBean(ProcessorAdmin.class)
    @Import({ProcessorAdminController.class, EventInspectionController.class, OperatorAuditController.class})
    static class Processors {

        @Bean
        @ConditionalOnMissingBean
        OperatorActions operatorActions(ProcessorAdmin processors, ObjectProvider<DeadLetterAdmin> deadLetters,
                                        OperatorAudit audit) {
            return new OperatorActions(processors, deadLetters, audit);
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnBean(DeadLetterAdmin.class)
    @Import(DeadLetterAdminController.class)
    static class DeadLetters {
    }
}
