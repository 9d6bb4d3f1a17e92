package dev.orderflow.shared.openapi;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.servers.Server;
import io.swagger.v3.oas.models.tags.Tag;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;

/**
 * What the OpenAPI description (and Swagger UI) says about the API as a whole: its title, what it is,
 * the Orderflow version, and its tags in reading order ({@link ApiTags}). The HTTP Basic scheme is
 * declared with the security configuration ({@code dev.orderflow.shared.security}).
 */
@AutoConfiguration
@ConditionalOnClass({OpenAPI.class, OpenApiCustomizer.class})
public class OpenApiAutoConfiguration {

    static final String TITLE = "Orderflow API";
    private static final String VERSION_RESOURCE = "META-INF/orderflow/version.properties";

    @Bean
    @ConditionalOnMissingBean(name = "orderflowApiDescription")
    OpenApiCustomizer orderflowApiDescription(Environment environment) {
        String service = environment.getProperty("spring.application.name", "an Orderflow service");
        Info info = new Info()
                .title(TITLE)
                .version(orderflowVersion())
                .description("""
                        The HTTP API of %s, an order-fulfilment system on event sourcing and CQRS (Axon Framework).

                        **Commands** answer as soon as their events are stored, with the aggregate's version as \
                        `ETag`; send it back as `If-Match` to refuse a change over a stale version. **Queries** \
                        read models built from the events, a moment later: `?minVersion=` (the `ETag` you got) \
                        waits until the read model shows your write, `/orders/{orderId}/updates` streams an order \
                        as it changes.

                        **Credentials**: HTTP Basic ("Authorize"); the admin API needs the ADMIN role. **Errors** \
                        are `application/problem+json` with a `kind` (`INVALID_INPUT` naming each field, \
                        `NOT_FOUND`, `CONFLICT`, `RULE_VIOLATED`, ...), and nothing is stored."""
                        .formatted(service));
        return openApi -> {
            openApi.setInfo(info);
            // Relative: the API is wherever this description was fetched from, behind any proxy.
            openApi.setServers(List.of(new Server().url("/").description(service)));
            openApi.setTags(inReadingOrder(openApi.getTags(), operationTags(openApi)));
        };
    }

    /** The tags the operations name (springdoc lists only tags that have a description at the top). */
    private static Set<String> operationTags(OpenAPI openApi) {
        Set<String> names = new LinkedHashSet<>();
        if (openApi.getPaths() != null) {
            openApi.getPaths().values().stream()
                    .flatMap(path -> path.readOperations().stream())
                    .filter(operation -> operation.getTags() != null)
                    .forEach(operation -> names.addAll(operation.getTags()));
        }
        return names;
    }

    /** Orderflow's tags that this service uses, in reading order, then any other tags as they came. */
    static List<Tag> inReadingOrder(List<Tag> declared, Collection<String> usedByOperations) {
        Map<String, Tag> byName = new LinkedHashMap<>();
        if (declared != null) {
            declared.forEach(tag -> byName.put(tag.getName(), tag));
        }
        usedByOperations.forEach(name -> byName.putIfAbsent(name, new Tag().name(name)));
        List<Tag> ordered = new ArrayList<>();
        for (Tag known : ApiTags.IN_READING_ORDER) {
            if (byName.remove(known.getName()) != null) {
                ordered.add(known);
            }
        }
        ordered.addAll(byName.values());
        return ordered;
    }

    /** The version Maven built this module as, written into a resource at build time. */
    static String orderflowVersion() {
        try (InputStream resource = OpenApiAutoConfiguration.class.getClassLoader().getResourceAsStream(VERSION_RESOURCE)) {
            Properties properties = new Properties();
            properties.load(Objects.requireNonNull(resource, VERSION_RESOURCE + " is missing: build with Maven"));
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + VERSION_RESOURCE, e);
        }
    }
}
