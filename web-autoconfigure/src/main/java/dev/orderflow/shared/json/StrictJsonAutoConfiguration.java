package dev.orderflow.shared.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

/**
 * Makes Spring's mapper, the one that reads every request body, refuse what it would otherwise guess at:
 * a key given twice ({@code {"quantity":1,"quantity":-5}}), a value of the wrong JSON type
 * ({@code {"quantity":"1"}}, a number as a name), an empty or blank string where a UUID, a number or an
 * object is expected (it would read as "absent", and a new id would be made), and text with control
 * characters. Axon's own mapper, which reads stored events, is another one and keeps its leniency.
 */
@AutoConfiguration(before = JacksonAutoConfiguration.class)
@ConditionalOnClass(Jackson2ObjectMapperBuilder.class)
public class StrictJsonAutoConfiguration {

    @Bean
    public Jackson2ObjectMapperBuilderCustomizer strictJsonInput() {
        return builder -> builder
                .featuresToEnable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .deserializerByType(String.class, new PlainTextDeserializer())
                .postConfigurer(mapper -> {
                    // A blank string (Jackson trims "\u0000" to nothing too) counts as empty, and empty fails:
                    // without this, "" or "\u0000" as an id reads as null and a new id is made.
                    mapper.coercionConfigDefaults()
                            .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail)
                            .setAcceptBlankAsEmpty(true);
                    // Numbers and booleans only from JSON numbers and booleans: "1" is not a quantity.
                    for (LogicalType scalar : new LogicalType[]{LogicalType.Integer, LogicalType.Float, LogicalType.Boolean}) {
                        mapper.coercionConfigFor(scalar)
                                .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                                .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
                    }
                    mapper.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
                    mapper.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
                });
    }
}
