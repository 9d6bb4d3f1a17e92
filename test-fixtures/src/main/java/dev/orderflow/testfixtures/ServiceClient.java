package dev.orderflow.testfixtures;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orderflow.shared.security.DevelopmentCredentials;
import dev.orderflow.shared.security.DevelopmentCredentials.Credential;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

import java.net.http.HttpClient;
import java.time.Duration;

/**
 * Real HTTP calls to a running Orderflow service, answering every status as it came (no exception on 4xx or 5xx).
 * They send the development USER credential unless asked for another ({@link #as}) or none ({@link #anonymous}).
 * A connection that fails throws Spring's {@code ResourceAccessException}, whose cause is the {@code IOException}.
 */
public final class ServiceClient {

    private static final Duration DEFAULT_READ_TIMEOUT = Duration.ofMinutes(1);

    private final String baseUrl;
    private final Credential credential;
    private final Duration readTimeout;
    private final RestClient client;

    private ServiceClient(String baseUrl, Credential credential, Duration readTimeout) {
        this.baseUrl = baseUrl;
        this.credential = credential;
        this.readTimeout = readTimeout;
        // HTTP/1.1: the services speak nothing else, and the JDK client would otherwise try an upgrade on each call.
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .build());
        requests.setReadTimeout(readTimeout);
        RestClient.Builder builder = RestClient.builder()
                .baseUrl(baseUrl)
                .requestFactory(requests)
                .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> {
                });
        if (credential != null) {
            builder.defaultHeader(HttpHeaders.AUTHORIZATION, credential.basicAuthorization());
        }
        this.client = builder.build();
    }

    /** The service at this base URL, e.g. {@code http://localhost:8080}. */
    public static ServiceClient on(String baseUrl) {
        return new ServiceClient(baseUrl, DevelopmentCredentials.USER, DEFAULT_READ_TIMEOUT);
    }

    /** The service listening on this port of localhost (a number, or the {@code local.server.port} property's text). */
    public static ServiceClient onLocalPort(Object port) {
        return on("http://localhost:" + port);
    }

    /** The same service, called with these credentials. */
    public ServiceClient as(Credential other) {
        return new ServiceClient(baseUrl, other, readTimeout);
    }

    /** The same service, called with the development ADMIN credential ({@code /admin/**}, actuator). */
    public ServiceClient asAdmin() {
        return as(DevelopmentCredentials.ADMIN);
    }

    /** The same service, called without any credentials. */
    public ServiceClient anonymous() {
        return new ServiceClient(baseUrl, null, readTimeout);
    }

    /** The same service, waiting this long for each answer (one minute unless set). */
    public ServiceClient withReadTimeout(Duration timeout) {
        return new ServiceClient(baseUrl, credential, timeout);
    }

    public String baseUrl() {
        return baseUrl;
    }

    /** The Basic {@code Authorization} header value of this client's credential, for a request built by hand. */
    public String authorization() {
        return credential == null ? null : credential.basicAuthorization();
    }

    /** Spring's client underneath, for what the shortcuts below do not cover (URI variables, streams). */
    public RestClient restClient() {
        return client;
    }

    public ResponseEntity<String> get(String path) {
        return client.get().uri(path).retrieve().toEntity(String.class);
    }

    public ResponseEntity<JsonNode> getJson(String path) {
        return client.get().uri(path).accept(MediaType.APPLICATION_JSON).retrieve().toEntity(JsonNode.class);
    }

    public ResponseEntity<JsonNode> post(String path, String json) {
        return send(HttpMethod.POST, path, json, null);
    }

    public ResponseEntity<JsonNode> post(String path, String body, MediaType contentType) {
        return client.post().uri(path).contentType(contentType).body(body).retrieve().toEntity(JsonNode.class);
    }

    public ResponseEntity<JsonNode> put(String path, String json) {
        return send(HttpMethod.PUT, path, json, null);
    }

    /**
     * @param json    the body, sent as {@code application/json}; null for none
     * @param ifMatch the {@code If-Match} header's value; null for none
     */
    public ResponseEntity<JsonNode> send(HttpMethod method, String path, String json, String ifMatch) {
        RestClient.RequestBodySpec request = client.method(method).uri(path);
        if (ifMatch != null) {
            request.header(HttpHeaders.IF_MATCH, ifMatch);
        }
        if (json != null) {
            request.contentType(MediaType.APPLICATION_JSON).body(json);
        }
        return request.retrieve().toEntity(JsonNode.class);
    }
}
