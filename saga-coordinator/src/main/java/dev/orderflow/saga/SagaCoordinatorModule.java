package dev.orderflow.saga;

import dev.orderflow.saga.fulfilment.FulfilmentProperties;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurationExcludeFilter;
import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.FilterType;

/**
 * Everything the saga coordinator consists of (its sagas keep their state, associations, tokens and
 * deadlines in the {@code axon} schema), as one configuration that its own application and the
 * standalone application both import.
 */
@Configuration(proxyBeanMethods = false)
@AutoConfigurationPackage
// The same exclusions as @SpringBootApplication (test configurations, auto-configurations), plus the
// applications themselves: the module is imported by them, never scanned by them.
@ComponentScan(excludeFilters = {
        @ComponentScan.Filter(type = FilterType.CUSTOM, classes = TypeExcludeFilter.class),
        @ComponentScan.Filter(type = FilterType.CUSTOM, classes = AutoConfigurationExcludeFilter.class),
        @ComponentScan.Filter(type = FilterType.ANNOTATION, classes = SpringBootConfiguration.class)})
@EnableConfigurationProperties(FulfilmentProperties.class)
public class SagaCoordinatorModule {
}
