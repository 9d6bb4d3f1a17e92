package dev.orderflow.standalone;

import dev.orderflow.shared.security.DevelopmentCredentials;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.client.LocalHostUriTemplateHandler;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * The {@link TestRestTemplate} the standalone's tests autowire: Spring Boot's, sending the development USER
 * credential; {@link #asAdmin} for {@code /admin/**}. Tests that run the standalone as a process send
 * {@link DevelopmentCredentials.Credential#basicAuthorization()} themselves.
 */
@TestConfiguration(proxyBeanMethods = false)
class AuthenticatedHttp {

    @Bean
    TestRestTemplate testRestTemplate(ObjectProvider<RestTemplateBuilder> builders, Environment environment) {
        TestRestTemplate http = new TestRestTemplate(builders.getIfAvailable(RestTemplateBuilder::new),
                DevelopmentCredentials.USER.name(), DevelopmentCredentials.USER.password());
        http.setUriTemplateHandler(new LocalHostUriTemplateHandler(environment));
        return http;
    }

    static TestRestTemplate asAdmin(TestRestTemplate http) {
        return http.withBasicAuth(DevelopmentCredentials.ADMIN.name(), DevelopmentCredentials.ADMIN.password());
    }
}
