package dev.orderflow.query;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.FilterType;

/**
 * Everything the query side consists of, as one configuration that its own application and the standalone application both import.
 */
@Configuration(proxyBeanMethods = false)
@AutoConfigurationPackage
@ComponentScan(excludeFilters = @ComponentScan.Filter(type = FilterType.ANNOTATION, classes = SpringBootConfiguration.class))
public class QuerySideModule {
}
