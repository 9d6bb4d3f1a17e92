package dev.orderflow.shared.security;

/** What a user of the HTTP API may do: {@link #USER} the command and query APIs, {@link #ADMIN} also {@code /admin/**}. */
public enum ApiRole {
    USER,
    ADMIN
}
