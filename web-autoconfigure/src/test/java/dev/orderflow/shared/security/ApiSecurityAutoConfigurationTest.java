package dev.orderflow.shared.security;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcAutoConfiguration;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.UserDetailsPasswordService;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.DefaultSecurityFilterChain;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;

import static org.assertj.core.api.Assertions.assertThat;

/** The users a service builds from its configuration, and the warning when a development password is still in use. */
@ExtendWith(OutputCaptureExtension.class)
class ApiSecurityAutoConfigurationTest {

    private static final String WARNING = "has a development default password";

    private final WebApplicationContextRunner service = new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ApiSecurityAutoConfiguration.class, SecurityAutoConfiguration.class,
                    UserDetailsServiceAutoConfiguration.class, JacksonAutoConfiguration.class, WebMvcAutoConfiguration.class));

    @Test
    void theConfiguredUsersAreTheOnlyOnesWithTheirRoles() {
        service.withPropertyValues(
                        "orderflow.security.users[0].name=shop", "orderflow.security.users[0].password={noop}shop-secret",
                        "orderflow.security.users[0].roles=USER",
                        "orderflow.security.users[1].name=ops", "orderflow.security.users[1].password={noop}ops-secret",
                        "orderflow.security.users[1].roles=USER,ADMIN")
                .run(context -> {
                    assertThat(context).hasSingleBean(UserDetailsService.class).hasSingleBean(SecurityFilterChain.class);
                    UserDetailsService users = context.getBean(UserDetailsService.class);
                    assertThat(users.loadUserByUsername("shop").getAuthorities()).extracting(GrantedAuthority::getAuthority)
                            .containsExactly("ROLE_USER");
                    assertThat(users.loadUserByUsername("ops").getAuthorities()).extracting(GrantedAuthority::getAuthority)
                            .containsExactlyInAnyOrder("ROLE_USER", "ROLE_ADMIN");
                    assertThat(context).as("no password upgraded to bcrypt on first use (a bcrypt check on every request after)")
                            .doesNotHaveBean(UserDetailsPasswordService.class);
                });
    }

    @Test
    void aBcryptHashMadeByHtpasswdIsAccepted() {
        // docs/configuration.md hashes with htpasswd, whose bcrypt hashes start with $2y$.
        service.withPropertyValues(
                        "orderflow.security.users[0].name=ops", "orderflow.security.users[0].password={noop}ops-secret",
                        "orderflow.security.users[0].roles=ADMIN")
                .run(context -> assertThat(context.getBean(PasswordEncoder.class).matches("correct horse battery staple",
                "{bcrypt}$2y$10$cJP1/bYYSL65lM/MpKUOzeE2Rj58ptaCWocvCNsLWolpTLZvuhChe")).isTrue());
    }

    @Test
    void aDevelopmentPasswordIsAnnouncedWithAWarning(CapturedOutput output) {
        service.withPropertyValues(
                        "orderflow.security.users[0].name=admin", "orderflow.security.users[0].password={noop}admin",
                        "orderflow.security.users[0].roles=USER,ADMIN")
                .run(context -> assertThat(context).hasNotFailed());

        assertThat(output).contains("The API user admin " + WARNING);
    }

    @Test
    void aDevelopmentPasswordIsAnnouncedEvenHashedAndUnderAnotherName(CapturedOutput output) {
        String hashedOrderflow = "{bcrypt}" + new BCryptPasswordEncoder(4).encode("orderflow");
        service.withPropertyValues(
                        "orderflow.security.users[0].name=shop", "orderflow.security.users[0].password=" + hashedOrderflow,
                        "orderflow.security.users[0].roles=USER")
                .run(context -> assertThat(context).hasNotFailed());

        assertThat(output).contains("The API user shop " + WARNING);
    }

    @Test
    void ownPasswordsStartWithoutAWarning(CapturedOutput output) {
        service.withPropertyValues(
                        "orderflow.security.users[0].name=admin", "orderflow.security.users[0].password={noop}a-real-secret",
                        "orderflow.security.users[0].roles=ADMIN")
                .run(context -> assertThat(context).hasNotFailed());

        assertThat(output).doesNotContain(WARNING);
    }

    @Test
    void aPasswordInAnEncodingSpringDoesNotKnowStopsTheStart() {
        service.withPropertyValues(
                        "orderflow.security.users[0].name=ops", "orderflow.security.users[0].password={rot13}bcf",
                        "orderflow.security.users[0].roles=ADMIN")
                .run(context -> assertThat(context).getFailure().rootCause()
                        .hasMessageContaining("the password of ops is stored in an encoding Spring Security does not know"));
    }

    @Test
    void aServicesOwnFilterChainAndPasswordEncoderReplaceOurs() {
        SecurityFilterChain ownChain = new DefaultSecurityFilterChain(AnyRequestMatcher.INSTANCE);
        PasswordEncoder ownEncoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();

        service.withPropertyValues("orderflow.security.users[0].name=shop",
                        "orderflow.security.users[0].password={noop}shop-secret", "orderflow.security.users[0].roles=USER")
                .withBean("ownChain", SecurityFilterChain.class, () -> ownChain)
                .withBean("ownEncoder", PasswordEncoder.class, () -> ownEncoder)
                .run(context -> {
                    assertThat(context).getBean(SecurityFilterChain.class).isSameAs(ownChain);
                    assertThat(context).getBean(PasswordEncoder.class).isSameAs(ownEncoder);
                    assertThat(context).as("the users are still ours").hasSingleBean(UserDetailsService.class);
                });
    }
}
