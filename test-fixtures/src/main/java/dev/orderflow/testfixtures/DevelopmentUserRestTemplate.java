package dev.orderflow.testfixtures;

import dev.orderflow.shared.security.DevelopmentCredentials;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.client.LocalHostUriTemplateHandler;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * Import it into a {@code @SpringBootTest} with a web environment: the {@link TestRestTemplate} the test autowires
 * is then Spring Boot's, sending the development USER credential; {@link #asAdmin} for {@code /admin/**} and the
 * management endpoints, {@link #anonymous} for none.
 */
@TestConfiguration(proxyBeanMethods = false)
public class DevelopmentUserRestTemplate {

    @Bean
    TestRestTemplate testRestTemplate(ObjectProvider<RestTemplateBuilder> builders, Environment environment) {
        TestRestTemplate http = new TestRestTemplate(builders.getIfAvailable(RestTemplateBuilder::new),
                DevelopmentCredentials.USER.name(), DevelopmentCredentials.USER.password());
        http.setUriTemplateHandler(new LocalHostUriTemplateHandler(environment));
        return http;
    }

    /** A client of the same service that sends the development ADMIN credential. */
    public static TestRestTemplate asAdmin(TestRestTemplate http) {
        return http.withBasicAuth(DevelopmentCredentials.ADMIN.name(), DevelopmentCredentials.ADMIN.password());
    }

    /** A client of the same service that sends no credentials. */
    public static TestRestTemplate anonymous(TestRestTemplate http) {
        TestRestTemplate anonymous = new TestRestTemplate();
        anonymous.setUriTemplateHandler(http.getRestTemplate().getUriTemplateHandler());
        return anonymous;
    }
}
