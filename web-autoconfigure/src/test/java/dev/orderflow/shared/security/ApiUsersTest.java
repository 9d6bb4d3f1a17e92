package dev.orderflow.shared.security;

import dev.orderflow.shared.config.DefaultsBinder;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** How {@code orderflow.security.*} binds: the development defaults, their environment overrides, and what is refused. */
class ApiUsersTest {

    @Test
    void theDefaultsAreTheDevelopmentCredentials() {
        ApiUsers users = bind(Map.of());

        assertThat(users.users()).containsExactly(
                new ApiUser("orderflow", "{noop}orderflow", List.of(ApiRole.USER)),
                new ApiUser("admin", "{noop}admin", List.of(ApiRole.USER, ApiRole.ADMIN)));
        assertThat(DevelopmentCredentials.USER).isEqualTo(new DevelopmentCredentials.Credential("orderflow", "orderflow"));
        assertThat(DevelopmentCredentials.ADMIN).isEqualTo(new DevelopmentCredentials.Credential("admin", "admin"));
    }

    @Test
    void environmentVariablesReplaceTheDefaultNamesAndPasswords() {
        String hash = "{bcrypt}$2a$10$dXJ3SW6G7P50lGmMkkmwe.20cQQubK3.HZWzG3YB1tlRy.fqvM/BG";

        ApiUsers users = bind(Map.of(
                "ORDERFLOW_API_USER", "shop", "ORDERFLOW_API_PASSWORD", hash,
                "ORDERFLOW_ADMIN_USER", "operator", "ORDERFLOW_ADMIN_PASSWORD", "{noop}long-admin-secret"));

        assertThat(users.users()).containsExactly(
                new ApiUser("shop", hash, List.of(ApiRole.USER)),
                new ApiUser("operator", "{noop}long-admin-secret", List.of(ApiRole.USER, ApiRole.ADMIN)));
    }

    @Test
    void aConfiguredListReplacesTheDefaultsWholeAndRolesIgnoreCase() {
        ApiUsers users = bind(Map.of(
                "orderflow.security.users[0].name", "ops",
                "orderflow.security.users[0].password", "{noop}ops-secret",
                "orderflow.security.users[0].roles", "admin,user"));

        assertThat(users.users()).containsExactly(
                new ApiUser("ops", "{noop}ops-secret", List.of(ApiRole.ADMIN, ApiRole.USER)));
    }

    @Test
    void aPasswordThatDoesNotSayHowItIsStoredIsRefused() {
        assertThatThrownBy(() -> bind(Map.of("ORDERFLOW_API_PASSWORD", "plain")))
                .isInstanceOf(BindException.class)
                .rootCause().hasMessageContaining("the password of orderflow must start with how it is stored");
    }

    @Test
    void twoUsersOfOneNameAreRefused() {
        assertThatThrownBy(() -> bind(Map.of("ORDERFLOW_ADMIN_USER", "orderflow")))
                .rootCause().hasMessage("orderflow.security.users names orderflow twice");
    }

    @Test
    void aUserWithoutARoleOrAnUnknownRoleIsRefused() {
        assertThatThrownBy(() -> bind(Map.of(
                "orderflow.security.users[0].name", "ops",
                "orderflow.security.users[0].password", "{noop}x")))
                .rootCause().hasMessageContaining("ops needs a role");
        assertThatThrownBy(() -> bind(Map.of(
                "orderflow.security.users[0].name", "ops",
                "orderflow.security.users[0].password", "{noop}x",
                "orderflow.security.users[0].roles", "ROOT")))
                .isInstanceOf(BindException.class);
    }

    @Test
    void aUserPrintsWithoutItsPassword() {
        assertThat(new ApiUser("ops", "{noop}ops-secret", List.of(ApiRole.ADMIN)).toString())
                .doesNotContain("ops-secret").contains("ops", "ADMIN");
    }

    private static ApiUsers bind(Map<String, Object> settings) {
        return DefaultsBinder.with(settings).bindOrCreate("orderflow.security", ApiUsers.class);
    }
}
