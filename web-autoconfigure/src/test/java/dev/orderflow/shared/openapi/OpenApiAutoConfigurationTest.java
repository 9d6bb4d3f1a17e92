package dev.orderflow.shared.openapi;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.tags.Tag;
import org.junit.jupiter.api.Test;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** What the API description says about the API as a whole, whatever the controllers declare. */
class OpenApiAutoConfigurationTest {

    private final ApplicationContextRunner service = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(OpenApiAutoConfiguration.class))
            .withPropertyValues("spring.application.name=orderflow-query-side");

    @Test
    void theDescriptionHasATitleWhatTheServiceIsAndTheVersionMavenBuilt() throws Exception {
        service.run(context -> {
            OpenAPI openApi = new OpenAPI();
            context.getBean(OpenApiCustomizer.class).customise(openApi);

            assertThat(openApi.getInfo().getTitle()).isEqualTo("Orderflow API");
            assertThat(openApi.getInfo().getDescription()).contains("orderflow-query-side", "minVersion", "problem+json");
            assertThat(openApi.getInfo().getVersion()).isEqualTo(reactorVersion());
            assertThat(openApi.getServers()).singleElement().satisfies(server -> assertThat(server.getUrl()).isEqualTo("/"));
        });
    }

    @Test
    void aServiceMayReplaceTheDescription() {
        service.withBean("orderflowApiDescription", OpenApiCustomizer.class, () -> openApi -> { })
                .run(context -> {
                    OpenAPI openApi = new OpenAPI();
                    context.getBean(OpenApiCustomizer.class).customise(openApi);
                    assertThat(openApi.getInfo()).isNull();
                });
    }

    @Test
    void tagsComeInReadingOrderWithTheirDescriptionsAndUnknownOnesLast() {
        List<Tag> declared = List.of(new Tag().name("Mine").description("declared with a description"),
                new Tag().name(ApiTags.ADMIN_EVENTS));
        List<String> usedByOperations = List.of("Also mine", ApiTags.ORDERS, ApiTags.CUSTOMERS, "Mine");

        List<Tag> ordered = OpenApiAutoConfiguration.inReadingOrder(declared, usedByOperations);

        assertThat(ordered).extracting(Tag::getName)
                .containsExactly(ApiTags.CUSTOMERS, ApiTags.ORDERS, ApiTags.ADMIN_EVENTS, "Mine", "Also mine");
        assertThat(ordered.subList(0, 3)).allSatisfy(tag -> assertThat(tag.getDescription()).isNotBlank());
        assertThat(ordered.get(3).getDescription()).isEqualTo("declared with a description");
    }

    /** The version in the parent pom, which the build filters into the resource the description reads. */
    private static String reactorVersion() throws Exception {
        String pom = Files.readString(Path.of("..", "pom.xml"));
        Matcher version = Pattern.compile("<artifactId>orderflow-parent</artifactId>\\s*<version>([^<]+)</version>").matcher(pom);
        assertThat(version.find()).as("the parent pom's version").isTrue();
        return version.group(1);
    }
}
