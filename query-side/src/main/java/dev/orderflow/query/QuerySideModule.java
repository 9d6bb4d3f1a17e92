package dev.orderflow.query;

import dev.orderflow.query.order.OrderDetailsProperties;
import dev.orderflow.shared.database.ReadModelSchemas;
import dev.orderflow.shared.database.ServiceSchema;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurationExcludeFilter;
import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.FilterType;

import java.util.Map;

/**
 * Everything the query side consists of, as one configuration that its own application and the standalone
 * application both import. Its read models live in the {@code query} schema, one set of tables per read model.
 */
@Configuration(proxyBeanMethods = false)
@AutoConfigurationPackage
// The same exclusions as @SpringBootApplication (test configurations, auto-configurations), plus the
// applications themselves: the module is imported by them, never scanned by them.
@ComponentScan(excludeFilters = {
        @ComponentScan.Filter(type = FilterType.CUSTOM, classes = TypeExcludeFilter.class),
        @ComponentScan.Filter(type = FilterType.CUSTOM, classes = AutoConfigurationExcludeFilter.class),
        @ComponentScan.Filter(type = FilterType.ANNOTATION, classes = SpringBootConfiguration.class)})
@EnableConfigurationProperties({ProjectionProperties.class, ReadYourWritesProperties.class, OrderDetailsProperties.class})
public class QuerySideModule {

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
