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
    FORBIDDEN(HttpStatus.FORBIDDEN, "Forbidden");

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
