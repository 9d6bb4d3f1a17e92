package dev.orderflow.distributed.support;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.ConfigurableEnvironment;

import java.util.HashMap;
import java.util.Map;

/**
 * The environment a service starts with (its {@code application.yml}, the active profile's file, Orderflow's
 * defaults beneath them), resolved by Spring Boot without starting the service.
 */
public final class ServiceEnvironment {

    private ServiceEnvironment() {
    }

    /** In the distributed profile; {@code variables} stand in for environment variables. */
    public static ConfigurableEnvironment distributed(OrderflowService service, Map<String, ?> variables) {
        Map<String, Object> properties = new HashMap<>(variables);
        properties.put("spring.profiles.active", "distributed");
        return of(service, properties);
    }

    /** With no profile: the embedded mode's settings. */
    public static ConfigurableEnvironment of(OrderflowService service, Map<String, ?> variables) {
        SpringApplication application = new SpringApplication(NothingElse.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        application.setLogStartupInfo(false);
        Map<String, Object> properties = new HashMap<>(variables);
        properties.put("spring.config.location", service.configLocation());
        application.setDefaultProperties(properties);
        try (ConfigurableApplicationContext context = application.run()) {
            return context.getEnvironment();
        }
    }

    /** Nothing but the environment is wanted: no auto-configuration, no beans. */
    @Configuration(proxyBeanMethods = false)
    static class NothingElse {
    }
}
