package dev.orderflow.shared.config;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertiesPropertySource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.io.support.PropertiesLoaderUtils;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * Adds the defaults of every Orderflow module on the class path ({@code META-INF/orderflow/defaults.properties}:
 * the Axon module's for Axon, its store and deadlines, the web module's for the HTTP API) as one property source of
 * lowest precedence, so every service starts from the same settings and any of them can still be overridden by the
 * service or the operator. A setting is each module's own: two modules setting the same one is a mistake, refused.
 */
public class OrderflowDefaultsEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    static final String SOURCE_NAME = "orderflowDefaults";
    private static final String RESOURCES = "classpath*:META-INF/orderflow/defaults.properties";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.getPropertySources().contains(SOURCE_NAME)) {
            return;
        }
        Properties defaults = new Properties();
        try {
            for (Resource resource : new PathMatchingResourcePatternResolver().getResources(RESOURCES)) {
                Properties module = PropertiesLoaderUtils.loadProperties(resource);
                for (String name : module.stringPropertyNames()) {
                    if (defaults.containsKey(name)) {
                        throw new IllegalStateException("Two Orderflow modules set a default for " + name
                                + ", one of them in " + resource);
                    }
                    defaults.setProperty(name, module.getProperty(name));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCES, e);
        }
        environment.getPropertySources().addLast(new PropertiesPropertySource(SOURCE_NAME, defaults));
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
