package dev.orderflow.query;

import dev.orderflow.query.order.OrderDetailsProperties;
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

    @Bean
    ServiceSchema orderHistorySchema() {
        return readModelSchema("order_history");
    }

    @Bean
    ServiceSchema customerAccountsSchema() {
        return readModelSchema("customer_accounts");
    }

    @Bean
    ServiceSchema catalogueSchema() {
        return readModelSchema("catalogue");
    }

    @Bean
    ServiceSchema shipmentsSchema() {
        return readModelSchema("shipments");
    }

    @Bean
    ServiceSchema paymentsSchema() {
        return readModelSchema("payments");
    }

    private static ServiceSchema readModelSchema(String name) {
        return new ServiceSchema(name, "classpath:db/migration/query/" + name);
    }
}
