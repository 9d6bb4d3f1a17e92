package dev.orderflow.distributed.support;

import dev.orderflow.shared.security.DevelopmentCredentials;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.client.RestClient;

/** The HTTP client the distributed tests call a service with: every status answered, the development USER credential sent. */
public final class ServiceHttp {

    private ServiceHttp() {
    }

    public static RestClient on(Object port) {
        return RestClient.builder()
                .baseUrl("http://localhost:" + port)
                .defaultHeaders(headers -> headers.setBasicAuth(DevelopmentCredentials.USER.name(),
                        DevelopmentCredentials.USER.password()))
                .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> {
                })
                .build();
    }
}
