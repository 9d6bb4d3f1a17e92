package dev.orderflow.shared.json;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The request-body mapper as Spring Boot builds it in every service (Jackson's auto-configuration with this
 * one), reading bodies it must refuse rather than guess at.
 */
class StrictJsonAutoConfigurationTest {

    record Body(UUID id, String name, Integer count, int units, BigDecimal amount, List<String> tags) {
    }

    private final ObjectMapper json = strictMapper();

    private static ObjectMapper strictMapper() {
        AtomicReference<ObjectMapper> mapper = new AtomicReference<>();
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, StrictJsonAutoConfiguration.class))
                .run(context -> mapper.set(context.getBean(ObjectMapper.class)));
        return mapper.get();
    }

    @Test
    void aWellFormedBodyIsReadAsSent() throws Exception {
        UUID id = UUID.randomUUID();

        Body body = json.readValue("""
                {"id": "%s", "name": "Zoë", "count": 2, "units": 3, "amount": 12.50, "tags": ["a"]}""".formatted(id), Body.class);

        assertThat(body).isEqualTo(new Body(id, "Zoë", 2, 3, new BigDecimal("12.50"), List.of("a")));
    }

    @Test
    void aKeyGivenTwiceIsRefused() {
        assertThatThrownBy(() -> json.readValue("{\"units\": 1, \"units\": -5}", Body.class))
                .isInstanceOf(JsonParseException.class)
                .hasMessageContaining("Duplicate field 'units'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"count\": \"1\"}", "{\"units\": \"1\"}", "{\"amount\": \"12.50\"}", "{\"name\": 42}",
            "{\"name\": true}", "{\"name\": 1.5}", "{\"tags\": [7]}", "{\"count\": 1.0}", "{\"count\": \"\"}", "{\"amount\": \"\"}"})
    void aValueOfTheWrongJsonTypeIsRefusedNotConverted(String body) {
        assertThatThrownBy(() -> json.readValue(body, Body.class)).isInstanceOf(MismatchedInputException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"\"", "\" \"", "\"\\u0000\""})
    void anEmptyOrBlankIdIsRefusedNotTakenAsAbsent(String id) {
        assertThatThrownBy(() -> json.readValue("{\"id\": " + id + "}", Body.class))
                .isInstanceOf(MismatchedInputException.class)
                .satisfies(refusal -> assertThat(((JsonMappingException) refusal).getPath().get(0).getFieldName()).isEqualTo("id"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"name\": \"a\\u0000b\"}", "{\"name\": \"line\\nbreak\"}", "{\"tags\": [\"ok\", \"\\u001b[31m\"]}"})
    void textWithControlCharactersIsRefusedWithItsReason(String body) {
        assertThatThrownBy(() -> json.readValue(body, Body.class))
                .isInstanceOf(JsonMappingException.class)
                .hasRootCauseInstanceOf(IllegalArgumentException.class)
                .hasRootCauseMessage(rootCauseMessage(body));
    }

    private static String rootCauseMessage(String body) {
        return body.contains("u0000") ? "must not contain control characters (U+0000 at position 1)"
                : body.contains("\\n") ? "must not contain control characters (U+000A at position 4)"
                : "must not contain control characters (U+001B at position 0)";
    }

    @Test
    void anAbsentOrNullValueIsStillAbsent() throws Exception {
        assertThat(json.readValue("{\"id\": null, \"name\": null}", Body.class)).isEqualTo(new Body(null, null, null, 0, null, null));
    }
}
