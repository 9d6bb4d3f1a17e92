package dev.orderflow.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/configuration.md lists every {@code orderflow.*} setting of every module with the default its configuration
 * metadata declares, and nothing the metadata does not know. The standalone's class path holds every module.
 */
class ConfigurationDocsTest {

    private static final Path DOCS = Path.of("..", "docs", "configuration.md");
    /** A table row naming a setting: its name and the cell of its default. */
    private static final Pattern ROW = Pattern.compile("^\\| `(orderflow\\.[^`]+)` \\| ([^|]*) \\|", Pattern.MULTILINE);

    @Test
    void everySettingIsDocumentedWithItsDefault() throws IOException {
        Map<String, String> documented = documentedSettings();
        Map<String, JsonNode> declared = declaredSettings();

        assertThat(declared).as("metadata of every module").containsKeys("orderflow.aggregates.snapshot-threshold",
                "orderflow.fulfilment.payment-timeout", "orderflow.admin.enabled", "orderflow.embedded-postgres.port");
        declared.forEach((name, property) -> {
            String row = documented.entrySet().stream()
                    .filter(entry -> entry.getKey().equals(name) || entry.getKey().startsWith(name + ".")
                            || entry.getKey().startsWith(name + "["))
                    .map(Map.Entry::getValue).findFirst().orElse(null);
            assertThat(row).as("docs/configuration.md has a row for %s", name).isNotNull();
            if (property.has("defaultValue") && !property.get("defaultValue").isContainerNode()) {
                assertThat(row).as("the default of %s", name).contains("`" + property.get("defaultValue").asText() + "`");
            }
        });
        documented.keySet().forEach(name -> assertThat(declared.keySet())
                .as("%s in docs/configuration.md is a setting some module declares", name)
                .anySatisfy(known -> assertThat(name.equals(known) || name.startsWith(known + ".")
                        || name.startsWith(known + "[")).isTrue()));
    }

    private static Map<String, String> documentedSettings() throws IOException {
        Map<String, String> rows = new HashMap<>();
        Matcher row = ROW.matcher(Files.readString(DOCS));
        while (row.find()) {
            rows.put(row.group(1), row.group(2));
        }
        return rows;
    }

    private static Map<String, JsonNode> declaredSettings() throws IOException {
        ObjectMapper json = new ObjectMapper();
        Map<String, JsonNode> settings = new HashMap<>();
        for (Resource resource : new PathMatchingResourcePatternResolver()
                .getResources("classpath*:META-INF/spring-configuration-metadata.json")) {
            try (InputStream in = resource.getInputStream()) {
                for (JsonNode property : json.readTree(in).path("properties")) {
                    String name = property.get("name").asText();
                    if (name.startsWith("orderflow.")) {
                        settings.put(name, property);
                    }
                }
            }
        }
        return settings;
    }
}
