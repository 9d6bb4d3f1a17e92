package dev.orderflow.shared.security;

import java.util.List;
import java.util.regex.Pattern;

/**
 * One user of the HTTP API.
 *
 * @param name     the user name sent with HTTP Basic
 * @param password the password, prefixed with how it is stored: {@code {bcrypt}$2a$...} for a hash,
 *                 {@code {noop}secret} for plain text (development only)
 * @param roles    {@code USER} for the command and query APIs; {@code USER, ADMIN} also for {@code /admin/**}
 */
public record ApiUser(String name, String password, List<ApiRole> roles) {

    private static final Pattern ENCODER_PREFIX = Pattern.compile("^\\{[^{}]+}.+");

    public ApiUser {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("orderflow.security.users: every user needs a name");
        }
        if (password == null || !ENCODER_PREFIX.matcher(password).matches()) {
            throw new IllegalArgumentException("orderflow.security.users: the password of " + name
                    + " must start with how it is stored, {bcrypt} for a hash or {noop} for plain text,"
                    + " for example {noop}secret");
        }
        if (roles == null || roles.isEmpty()) {
            throw new IllegalArgumentException("orderflow.security.users: " + name + " needs a role, USER or ADMIN");
        }
        roles = List.copyOf(roles);
    }

    /** Never prints the password, not even its hash. */
    @Override
    public String toString() {
        return "ApiUser[name=" + name + ", roles=" + roles + "]";
    }
}
