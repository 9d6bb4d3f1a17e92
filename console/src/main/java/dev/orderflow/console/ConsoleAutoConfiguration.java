package dev.orderflow.console;

import dev.orderflow.console.deadletter.DeadLetterPages;
import dev.orderflow.console.event.EventPages;
import dev.orderflow.console.event.EventTail;
import dev.orderflow.console.metrics.ConsoleMetrics;
import dev.orderflow.console.processor.ProcessorPages;
import dev.orderflow.console.saga.SagaPages;
import dev.orderflow.shared.admin.EventBrowser;
import dev.orderflow.shared.adminapi.AdminApiAutoConfiguration;
import dev.orderflow.shared.adminapi.OperatorActions;
import dev.orderflow.shared.security.ApiRole;
import dev.orderflow.shared.security.ApiSecurityAutoConfiguration;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.DispatcherType;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.csrf.CsrfException;

/**
 * The operations console: server-rendered pages under {@code /console} over the same {@link OperatorActions} and
 * admin services as the admin REST API. Its own security filter chain, in front of the API's: a login form and a
 * session (a browser cannot keep HTTP Basic credentials tidily), CSRF protection on every action, ADMIN role only.
 * Ordered after the API's security so that the API chain, which backs off for any other filter chain, is already
 * in place; {@code orderflow.console.enabled=false} takes the console away.
 */
@AutoConfiguration(after = {AdminApiAutoConfiguration.class, ApiSecurityAutoConfiguration.class})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnProperty(prefix = "orderflow.console", name = "enabled", matchIfMissing = true)
@ConditionalOnBean(OperatorActions.class)
@EnableConfigurationProperties(ConsoleProperties.class)
@Import({ConsoleLayout.class, ConsolePages.class, ProcessorPages.class, EventPages.class, DeadLetterPages.class, SagaPages.class})
public class ConsoleAutoConfiguration {

    static final String LOGIN = "/console/login";
    static final String REFUSED = "/console/refused";
    static final String REFUSED_STALE_FORM = "dev.orderflow.console.refusedStaleForm";

    @Bean
    EventTail consoleEventTail(EventBrowser events) {
        return new EventTail(events);
    }

    /** The registry is looked up when sampling: which auto-configuration defines it comes in no fixed order. */
    @Bean
    ConsoleMetrics consoleMetrics(ObjectProvider<MeterRegistry> registry) {
        return new ConsoleMetrics(registry::getIfAvailable);
    }

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE + 10)
    @ConditionalOnMissingBean(name = "consoleSecurity")
    SecurityFilterChain consoleSecurity(HttpSecurity http) throws Exception {
        return http
                .securityMatcher("/console/**", "/webjars/**")
                .authorizeHttpRequests(requests -> requests
                        // Error pages and the async part of the live tail continue a request that was already let in.
                        .dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.ASYNC).permitAll()
                        .requestMatchers(LOGIN, REFUSED, "/console/console.css", "/webjars/**").permitAll()
                        .anyRequest().hasRole(ApiRole.ADMIN.name()))
                .formLogin(login -> login.loginPage(LOGIN).loginProcessingUrl(LOGIN)
                        .defaultSuccessUrl("/console", true).failureUrl(LOGIN + "?error"))
                .logout(logout -> logout.logoutUrl("/console/logout").logoutSuccessUrl(LOGIN + "?logout"))
                // A page saying why, in place of the API's problem+json: the role is missing, or the form's token.
                .exceptionHandling(refusals -> refusals.accessDeniedHandler((request, response, denied) -> {
                    request.setAttribute(REFUSED_STALE_FORM, denied instanceof CsrfException);
                    response.setStatus(HttpStatus.FORBIDDEN.value());
                    request.getRequestDispatcher(REFUSED).forward(request, response);
                }))
                .build();
    }
}
