package dev.orderflow.query;

import dev.orderflow.query.order.OrderDetailsProperties;
import dev.orderflow.shared.config.ServiceConfiguration;
import dev.orderflow.shared.database.ReadModelSchemas;
import dev.orderflow.shared.database.ServiceSchema;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

import java.util.Map;

/**
 * Everything the query side consists of, as one configuration that its own application and the standalone
 * application both import. Each read model lives in a schema of its own ({@code order_history},
 * {@code customer_accounts}, {@code catalogue}, {@code shipments}, {@code payments}), with its own migrations, so
 * that it can be rebuilt beside the live one.
 */
@ServiceConfiguration
@EnableConfigurationProperties({ProjectionProperties.class, ReadYourWritesProperties.class, OrderDetailsProperties.class})
public class QuerySideConfiguration {

    // Each read model owns a schema of its own, with its own migrations and migration history: in the
    // distributed mode inside the query side's database, in the embedded mode inside the one database.
    private static final ServiceSchema ORDER_HISTORY = readModelSchema("order_history");
    private static final ServiceSchema CUSTOMER_ACCOUNTS = readModelSchema("customer_accounts");
    private static final ServiceSchema CATALOGUE = readModelSchema("catalogue");
    private static final ServiceSchema SHIPMENTS = readModelSchema("shipments");
    private static final ServiceSchema PAYMENTS = readModelSchema("payments");

    @Bean
    ServiceSchema orderHistorySchema() {
        return ORDER_HISTORY;
    }

    @Bean
    ServiceSchema customerAccountsSchema() {
        return CUSTOMER_ACCOUNTS;
    }

    @Bean
    ServiceSchema catalogueSchema() {
        return CATALOGUE;
    }

    @Bean
    ServiceSchema shipmentsSchema() {
        return SHIPMENTS;
    }

    @Bean
    ServiceSchema paymentsSchema() {
        return PAYMENTS;
    }

    /** Each projection writes only its own schema, so each can be rebuilt beside the live one and swapped. */
    @Bean
    ReadModelSchemas readModelSchemas() {
        return new ReadModelSchemas(Map.of(
                ProjectionProcessors.ORDER_HISTORY, ORDER_HISTORY,
                ProjectionProcessors.CUSTOMER_ACCOUNTS, CUSTOMER_ACCOUNTS,
                ProjectionProcessors.CATALOGUE, CATALOGUE,
                ProjectionProcessors.SHIPMENTS, SHIPMENTS,
                ProjectionProcessors.PAYMENTS, PAYMENTS));
    }

    private static ServiceSchema readModelSchema(String name) {
        return new ServiceSchema(name, "classpath:db/migration/query/" + name);
    }
}
