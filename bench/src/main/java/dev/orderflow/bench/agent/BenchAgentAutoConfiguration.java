package dev.orderflow.bench.agent;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.springboot.autoconfig.AxonAutoConfiguration;
import org.axonframework.springboot.autoconfig.EventProcessingAutoConfiguration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;

import javax.sql.DataSource;

/**
 * The benchmark's agent inside the standalone process. It is not part of Orderflow: the bench starts the
 * standalone's own jar with the bench's agent jar beside it ({@code -Dloader.path}, Spring Boot's
 * {@code PropertiesLauncher}), and only then does this configuration exist. It adds {@code /bench/*}:
 * the command gateway driven in-process (command throughput without HTTP), the {@code synchronous_commit} of
 * its pooled connections, and stopping, fast-forwarding
 * and restarting the event processors around a bulk load of the event store.
 */
@AutoConfiguration(after = {AxonAutoConfiguration.class, EventProcessingAutoConfiguration.class})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnBean({CommandGateway.class, EventProcessingConfiguration.class})
public class BenchAgentAutoConfiguration {

    @Bean
    BenchAgentController benchAgentController(CommandGateway commands, EventProcessingConfiguration processing,
                                              EventStore eventStore, TransactionManager transactions,
                                              ObjectProvider<DataSource> dataSource) {
        return new BenchAgentController(commands, new ProcessorControl(processing, eventStore, transactions), dataSource);
    }
}
