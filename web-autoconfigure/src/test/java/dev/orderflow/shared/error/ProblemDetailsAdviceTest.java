package dev.orderflow.shared.error;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.mock.http.MockHttpInputMessage;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** How an unreadable body is told back to the client: the field, and why. */
class ProblemDetailsAdviceTest {

    record Line(String productId, int quantity) {
    }

    record Order(String customerId, List<Line> lines) {
    }

    private final MappingJackson2HttpMessageConverter converter = new MappingJackson2HttpMessageConverter(strictMapper());

    private static ObjectMapper strictMapper() {
        Jackson2ObjectMapperBuilder builder = new Jackson2ObjectMapperBuilder();
        new dev.orderflow.shared.json.StrictJsonAutoConfiguration().strictJsonInput().customize(builder);
        return builder.build();
    }

    @Test
    void aKeyGivenTwiceIsNamedWithItsPath() {
        assertThat(fieldOf("{\"customerId\": \"c\", \"customerId\": \"d\"}")).isEqualTo(new FieldError("customerId", "is given more than once"));
        assertThat(fieldOf("{\"lines\": [{\"quantity\": 1}, {\"quantity\": 1, \"quantity\": 2}]}"))
                .isEqualTo(new FieldError("lines[1].quantity", "is given more than once"));
    }

    @Test
    void textWithAControlCharacterIsNamedWithItsReason() {
        assertThat(fieldOf("{\"lines\": [{\"productId\": \"a\\u0000\"}]}"))
                .isEqualTo(new FieldError("lines[0].productId", "must not contain control characters (U+0000 at position 1)"));
    }

    private FieldError fieldOf(String body) {
        HttpInputMessage message = new MockHttpInputMessage(body.getBytes(StandardCharsets.UTF_8));
        HttpMessageNotReadableException unreadable = catchThrowableOfType(HttpMessageNotReadableException.class,
                () -> converter.read(Order.class, message));
        return ProblemDetailsAdvice.unreadableField(unreadable);
    }
}
