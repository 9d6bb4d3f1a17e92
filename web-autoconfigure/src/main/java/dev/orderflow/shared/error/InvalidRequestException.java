package dev.orderflow.shared.error;

/** Input a controller rejects itself (a malformed header, say), answered as 400 naming the field. */
public class InvalidRequestException extends RuntimeException {

    private final FieldError fieldError;

    public InvalidRequestException(String field, String reason) {
        super(field + ": " + reason);
        this.fieldError = new FieldError(field, reason);
    }

    public FieldError fieldError() {
        return fieldError;
    }
}
