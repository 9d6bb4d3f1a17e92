package dev.orderflow.shared.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import jakarta.servlet.DispatcherType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.boot.actuate.autoconfigure.security.servlet.EndpointRequest;
import org.springframework.boot.actuate.autoconfigure.security.servlet.ManagementWebSecurityAutoConfiguration;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.StrictHttpFirewall;

import java.util.List;

/**
 * Gives every service the same authentication and authorization, stateless HTTP Basic against the
 * {@link ApiUsers}: health is open (the probes of compose and of the tests), {@code /admin/**} and the other
 * management endpoints need the ADMIN role, everything else (the command and query APIs) the USER role.
 * The OpenAPI description and Swagger UI are open: they hold no data, and Swagger UI's "Authorize"
 * then sends the credentials with every call it makes. Refusals answer problem+json ({@link ProblemAnswers}).
 * A service's own {@link SecurityFilterChain}, {@link UserDetailsService} or {@link PasswordEncoder} replaces ours.
 */
@AutoConfiguration(before = {SecurityAutoConfiguration.class, UserDetailsServiceAutoConfiguration.class,
        ManagementWebSecurityAutoConfiguration.class})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(ApiUsers.class)
public class ApiSecurityAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ApiSecurityAutoConfiguration.class);

    /** Passwords say how they are stored: {@code {bcrypt}...}, {@code {noop}...} and Spring's other ids. */
    @Bean
    @ConditionalOnMissingBean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /**
     * The users, looked up and nothing more: not a {@code UserDetailsPasswordService}, so Spring Security does
     * not "upgrade" a {@code {noop}} password to bcrypt on its first use, which would then cost a bcrypt
     * check (tens of milliseconds of CPU) on every later request.
     */
    @Bean
    @ConditionalOnMissingBean
    UserDetailsService apiUserDetails(ApiUsers users, PasswordEncoder passwords) {
        List<UserDetails> details = users.users().stream().map(user -> {
            warnOfDevelopmentPassword(user, passwords);
            return User.withUsername(user.name())
                    .password(user.password())
                    .roles(user.roles().stream().map(ApiRole::name).toArray(String[]::new))
                    .build();
        }).toList();
        InMemoryUserDetailsManager lookup = new InMemoryUserDetailsManager(details);
        return lookup::loadUserByUsername;
    }

    @Bean
    ProblemAnswers securityProblemAnswers(ObjectMapper json) {
        return new ProblemAnswers(json);
    }

    /** Spring Security's strict firewall, with the methods {@link ProblemAnswers} names when it refuses one. */
    @Bean
    HttpFirewall apiFirewall() {
        StrictHttpFirewall firewall = new StrictHttpFirewall();
        firewall.setAllowedHttpMethods(ProblemAnswers.FIREWALL_METHODS);
        return firewall;
    }

    @Bean
    @ConditionalOnMissingBean
    SecurityFilterChain apiSecurity(HttpSecurity http, ProblemAnswers problems, Environment environment) throws Exception {
        return http
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .httpBasic(basic -> basic.realmName(ProblemAnswers.REALM).authenticationEntryPoint(problems))
                .exceptionHandling(refusals -> refusals.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .authorizeHttpRequests(requests -> requests
                        // Error pages and the async part of a stream continue a request that was already let in.
                        .dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.ASYNC).permitAll()
                        .requestMatchers(EndpointRequest.to(HealthEndpoint.class)).permitAll()
                        .requestMatchers(EndpointRequest.toAnyEndpoint()).hasRole(ApiRole.ADMIN.name())
                        .requestMatchers("/admin/**").hasRole(ApiRole.ADMIN.name())
                        .requestMatchers(openApiPaths(environment)).permitAll()
                        .anyRequest().hasRole(ApiRole.USER.name()))
                .build();
    }

    private static String[] openApiPaths(Environment environment) {
        String apiDocs = environment.getProperty("springdoc.api-docs.path", "/v3/api-docs");
        String swaggerUi = environment.getProperty("springdoc.swagger-ui.path", "/swagger-ui.html");
        return new String[]{apiDocs, apiDocs + "/**", swaggerUi, "/swagger-ui/**"};
    }

    /** A production deployment that still accepts a development password should hear of it at once. */
    private static void warnOfDevelopmentPassword(ApiUser user, PasswordEncoder passwords) {
        for (DevelopmentCredentials.Credential development : DevelopmentCredentials.ALL) {
            boolean matches;
            try {
                matches = passwords.matches(development.password(), user.password());
            } catch (IllegalArgumentException unknownEncoding) {
                throw new IllegalArgumentException("orderflow.security.users: the password of " + user.name()
                        + " is stored in an encoding Spring Security does not know: " + unknownEncoding.getMessage());
            }
            if (matches) {
                log.warn("The API user {} has a development default password: set ORDERFLOW_API_PASSWORD and "
                        + "ORDERFLOW_ADMIN_PASSWORD (or orderflow.security.users) before anyone else can reach "
                        + "this service; see docs/configuration.md", user.name());
                return;
            }
        }
    }

    /** Declares HTTP Basic in the OpenAPI description, so Swagger UI's "Authorize" asks for it and sends it. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(OpenApiCustomizer.class)
    static class OpenApiSecurity {

        static final String SCHEME = "basicAuth";

        @Bean
        OpenApiCustomizer basicAuthInOpenApi() {
            return openApi -> {
                if (openApi.getComponents() == null) {
                    openApi.setComponents(new Components());
                }
                openApi.getComponents().addSecuritySchemes(SCHEME,
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic"));
                openApi.addSecurityItem(new SecurityRequirement().addList(SCHEME));
            };
        }
    }
}
