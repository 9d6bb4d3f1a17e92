package dev.orderflow.shared.error;

/** One rejected input field of a request: its path ({@code lines[0].quantity}) and why it was rejected. */
public record FieldError(String field, String reason) {
}
