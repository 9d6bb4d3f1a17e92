package dev.orderflow.shared.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Who may call a service's HTTP API (HTTP Basic). The defaults in {@code orderflow-defaults.properties}
 * are the {@link DevelopmentCredentials}, each overridable by an environment variable
 * ({@code ORDERFLOW_API_USER}, {@code ORDERFLOW_API_PASSWORD}, {@code ORDERFLOW_ADMIN_USER},
 * {@code ORDERFLOW_ADMIN_PASSWORD}); setting {@code orderflow.security.users} replaces the whole list.
 *
 * @param users every user, each with a distinct name
 */
@ConfigurationProperties("orderflow.security")
public record ApiUsers(List<ApiUser> users) {

    public ApiUsers {
        if (users == null || users.isEmpty()) {
            throw new IllegalArgumentException("orderflow.security.users must name at least one user");
        }
        Set<String> names = new HashSet<>();
        for (ApiUser user : users) {
            if (!names.add(user.name())) {
                throw new IllegalArgumentException("orderflow.security.users names " + user.name() + " twice");
            }
        }
        users = List.copyOf(users);
    }
}
