package dev.orderflow.shared.error;

import org.springframework.http.HttpStatus;

/** What went wrong, in the terms a client can act on; each kind has one HTTP status everywhere. */
public enum ErrorKind {
    INVALID_INPUT(HttpStatus.BAD_REQUEST, "Invalid input"),
    NOT_FOUND(HttpStatus.NOT_FOUND, "Not found"),
    CONFLICT(HttpStatus.CONFLICT, "Conflict"),
    RULE_VIOLATED(HttpStatus.UNPROCESSABLE_ENTITY, "Business rule violated"),
    /** No credentials, or wrong ones: send HTTP Basic with a configured user. */
    UNAUTHENTICATED(HttpStatus.UNAUTHORIZED, "Unauthorized"),
    /** The credentials are right but their user lacks the role (the admin API needs ADMIN). */
    FORBIDDEN(HttpStatus.FORBIDDEN, "Forbidden"),
    /** Nothing can take the request right now (no service handles it, Axon Server out of reach): retry later. */
    UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, "Service unavailable"),
    /** No answer in time; the request may still take effect. */
    TIMED_OUT(HttpStatus.GATEWAY_TIMEOUT, "No answer in time");

    private final HttpStatus status;
    private final String title;

    ErrorKind(HttpStatus status, String title) {
        this.status = status;
        this.title = title;
    }

    public HttpStatus status() {
        return status;
    }

    public String title() {
        return title;
    }
}
