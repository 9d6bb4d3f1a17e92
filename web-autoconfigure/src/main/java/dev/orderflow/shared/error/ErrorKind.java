package dev.orderflow.shared.error;

import dev.orderflow.api.refusal.RefusalKind;
import dev.orderflow.shared.failure.AxonServerErrors;
import org.springframework.http.HttpStatus;

/**
 * What went wrong, in the terms a client can act on, as every problem+json answer names it in {@code kind}: the one
 * list of kinds, and the one place that gives each its HTTP status (the domain's {@link RefusalKind}s included).
 */
public enum ErrorKind {
    INVALID_INPUT(HttpStatus.BAD_REQUEST, "Invalid input"),
    NOT_FOUND(HttpStatus.NOT_FOUND, RefusalKind.NOT_FOUND.title()),
    CONFLICT(HttpStatus.CONFLICT, RefusalKind.CONFLICT.title()),
    RULE_VIOLATED(HttpStatus.UNPROCESSABLE_ENTITY, RefusalKind.RULE_VIOLATED.title()),
    /** No credentials, or wrong ones: send HTTP Basic with a configured user. */
    UNAUTHENTICATED(HttpStatus.UNAUTHORIZED, "Unauthorized"),
    /** The credentials are right but their user lacks the role (the admin API needs ADMIN). */
    FORBIDDEN(HttpStatus.FORBIDDEN, "Forbidden"),
    /** The path exists, but not for this HTTP method (the answer's {@code Allow} header lists those it has). */
    METHOD_NOT_ALLOWED(HttpStatus.METHOD_NOT_ALLOWED, "Method not allowed"),
    /** The client accepts no media type this endpoint answers in. */
    NOT_ACCEPTABLE(HttpStatus.NOT_ACCEPTABLE, "Not acceptable"),
    /** The body is sent in a media type the endpoint does not read (commands read {@code application/json}). */
    UNSUPPORTED_MEDIA_TYPE(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type"),
    /** Nothing can take the request right now (no service handles it, Axon Server out of reach): retry later. */
    UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, "Service unavailable"),
    /** A read asked for a version ({@code minVersion}) the read model did not reach in time: retry shortly. */
    NOT_YET_VISIBLE(HttpStatus.SERVICE_UNAVAILABLE, "Not yet visible"),
    /** No answer in time; the request may still take effect. */
    TIMED_OUT(HttpStatus.GATEWAY_TIMEOUT, "No answer in time"),
    /** The service failed; the failure is logged. Nothing the client sent is known to be wrong. */
    INTERNAL_ERROR(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error");

    private final HttpStatus status;
    private final String title;

    ErrorKind(HttpStatus status, String title) {
        this.status = status;
        this.title = title;
    }

    /** How the web answers a refusal of the domain. */
    public static ErrorKind of(RefusalKind refusal) {
        return switch (refusal) {
            case NOT_FOUND -> NOT_FOUND;
            case CONFLICT -> CONFLICT;
            case RULE_VIOLATED -> RULE_VIOLATED;
        };
    }

    /** How the web answers a failure that may pass on a retry: 504 when no answer came in time, 503 otherwise. */
    public static ErrorKind of(AxonServerErrors.Unavailability unavailability) {
        return unavailability.timedOut() ? TIMED_OUT : UNAVAILABLE;
    }

    /**
     * The kind of an answer that only has a status, such as one the servlet container or a framework gave:
     * the kind of that status, or for any other 4xx {@link #INVALID_INPUT}, for any other 5xx {@link #INTERNAL_ERROR}.
     * 501 is Tomcat's answer to a method it does not implement at all (CONNECT): a method refused, too.
     */
    public static ErrorKind forStatus(int status) {
        if (status == HttpStatus.NOT_IMPLEMENTED.value()) {
            return METHOD_NOT_ALLOWED;
        }
        for (ErrorKind kind : values()) {
            if (kind.status.value() == status) {
                return kind;
            }
        }
        return status >= 500 ? INTERNAL_ERROR : INVALID_INPUT;
    }

    public HttpStatus status() {
        return status;
    }

    public String title() {
        return title;
    }
}
