package dev.orderflow.shared.distributed;

import org.axonframework.axonserver.connector.AxonServerConfiguration;
import org.axonframework.axonserver.connector.command.AxonServerCommandBus;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandBusSpanFactory;
import org.axonframework.commandhandling.DuplicateCommandHandlerResolver;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.common.jpa.EntityManagerProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jpa.JpaTokenStore;
import org.axonframework.messaging.interceptors.CorrelationDataInterceptor;
import org.axonframework.serialization.Serializer;
import org.axonframework.springboot.TokenStoreProperties;
import org.axonframework.springboot.autoconfig.AxonAutoConfiguration;
import org.axonframework.springboot.autoconfig.JpaAutoConfiguration;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

/**
 * What a service needs when it runs against Axon Server (the distributed mode, {@code axon.axonserver.enabled=true};
 * Orderflow's defaults turn Axon Server off, so none of this exists in the embedded mode).
 * <ul>
 *   <li>Refusals keep their kind across Axon Server: {@link RefusalKindInterceptor} for what a handler throws, and
 *   {@link RefusalReportingCommandBus} as the local segment for what fails when the unit of work commits.</li>
 *   <li>Each instance claims event-processor segments under its Axon Server client id
 *   ({@code axon.axonserver.client-id}, by default {@code pid@host}, the same default Axon's token store uses),
 *   so the owner of a segment in the token store is the instance the dashboard shows, and two instances set to
 *   different client ids never share an owner name, even in one JVM.</li>
 * </ul>
 */
@AutoConfiguration(before = {AxonAutoConfiguration.class, JpaAutoConfiguration.class})
@ConditionalOnClass(AxonServerCommandBus.class)
@ConditionalOnProperty(name = "axon.axonserver.enabled", matchIfMissing = true)
public class DistributedAutoConfiguration {

    /** Registered on the command bus by Axon's {@code InterceptorAutoConfiguration}, like every handler interceptor bean. */
    @Bean
    RefusalKindInterceptor refusalKindInterceptor() {
        return new RefusalKindInterceptor();
    }

    /** Axon's own local segment (see {@code AxonAutoConfiguration#commandBus}), built the same way, that also reports refusals found on commit. */
    @Bean
    @Qualifier("localSegment")
    @ConditionalOnMissingBean(value = CommandBus.class, ignoredType = {
            "org.axonframework.commandhandling.distributed.DistributedCommandBus",
            "org.axonframework.axonserver.connector.command.AxonServerCommandBus",
            "org.axonframework.extensions.multitenancy.components.commandhandeling.MultiTenantCommandBus"
    })
    SimpleCommandBus commandBus(TransactionManager txManager, Configuration axonConfiguration,
                                DuplicateCommandHandlerResolver duplicateCommandHandlerResolver) {
        SimpleCommandBus commandBus = new RefusalReportingCommandBus(
                SimpleCommandBus.builder()
                        .transactionManager(txManager)
                        .duplicateCommandHandlerResolver(duplicateCommandHandlerResolver)
                        .spanFactory(axonConfiguration.getComponent(CommandBusSpanFactory.class))
                        .messageMonitor(axonConfiguration.messageMonitor(CommandBus.class, "commandBus")));
        commandBus.registerHandlerInterceptor(new CorrelationDataInterceptor<>(axonConfiguration.correlationDataProviders()));
        return commandBus;
    }

    /** Axon's JPA token store (see {@code JpaAutoConfiguration#tokenStore}), owned under this instance's client id. */
    @Bean
    @ConditionalOnMissingBean
    TokenStore tokenStore(Serializer serializer, EntityManagerProvider entityManagerProvider,
                          TokenStoreProperties tokenStoreProperties, AxonServerConfiguration axonServer) {
        return JpaTokenStore.builder()
                .entityManagerProvider(entityManagerProvider)
                .serializer(serializer)
                .claimTimeout(tokenStoreProperties.getClaimTimeout())
                .nodeId(axonServer.getClientId())
                .build();
    }
}
