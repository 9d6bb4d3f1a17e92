package dev.orderflow.command;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Schema;
import org.springframework.http.HttpHeaders;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A command endpoint's {@code Long} parameter that takes the aggregate version the client expects from its
 * {@code If-Match} header ({@link AggregateVersions#fromIfMatch}): null without the header or with {@code *}, a 400
 * naming the header for anything that is not a version. Resolved by {@link IfMatchVersionResolver}; the API
 * description shows it as the optional header.
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Parameter(in = ParameterIn.HEADER, name = HttpHeaders.IF_MATCH, required = false,
        description = "The ETag you read (the aggregate's version, like \"3\"): the change is refused with 409 if the"
                + " aggregate has moved on since. Without it, no check.",
        schema = @Schema(type = "string", example = "\"3\""))
public @interface IfMatchVersion {
}
