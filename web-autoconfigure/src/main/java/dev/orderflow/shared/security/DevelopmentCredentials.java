package dev.orderflow.shared.security;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * The credentials every service accepts unless configured otherwise (see {@link ApiUsers}): good for a
 * laptop and for the tests, and announced with a warning at startup wherever they are still in use.
 */
public final class DevelopmentCredentials {

    /** The command and query APIs (role USER). */
    public static final Credential USER = new Credential("orderflow", "orderflow");
    /** Also {@code /admin/**} and the management endpoints (roles USER and ADMIN). */
    public static final Credential ADMIN = new Credential("admin", "admin");

    public static final List<Credential> ALL = List.of(USER, ADMIN);

    private DevelopmentCredentials() {
    }

    /** A user name and its password in plain text, as a client sends them. */
    public record Credential(String name, String password) {

        /** The {@code Authorization} header value that sends this credential with HTTP Basic (UTF-8). */
        public String basicAuthorization() {
            return "Basic " + Base64.getEncoder().encodeToString((name + ":" + password).getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public String toString() {
            return name;
        }
    }
}
