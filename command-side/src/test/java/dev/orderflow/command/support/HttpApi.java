package dev.orderflow.command.support;

import com.fasterxml.jackson.databind.JsonNode;
import dev.orderflow.shared.security.DevelopmentCredentials;
import dev.orderflow.shared.security.DevelopmentCredentials.Credential;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

/**
 * Real HTTP calls to the running service, answering every status (no exception on 4xx/5xx). They send the
 * development USER credential unless a test asks for another ({@link #as}) or none ({@link #anonymous}).
 */
public class HttpApi {

    private final RestClient client;
    private final String baseUrl;
    private final Credential credential;

    HttpApi(String baseUrl) {
        this(baseUrl, DevelopmentCredentials.USER);
    }

    private HttpApi(String baseUrl, Credential credential) {
        this.baseUrl = baseUrl;
        this.credential = credential;
        RestClient.Builder builder = RestClient.builder()
                .baseUrl(baseUrl)
                .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> {
                });
        if (credential != null) {
            builder.defaultHeaders(headers -> headers.setBasicAuth(credential.name(), credential.password()));
        }
        this.client = builder.build();
    }

    /** The same service, called with these credentials. */
    public HttpApi as(Credential credential) {
        return new HttpApi(baseUrl, credential);
    }

    /** The same service, called without any credentials. */
    public HttpApi anonymous() {
        return new HttpApi(baseUrl, null);
    }

    public String baseUrl() {
        return baseUrl;
    }

    /** The Basic {@code Authorization} header value of this client's credential, for a request built by hand. */
    public String authorization() {
        return credential == null ? null : credential.basicAuthorization();
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

    public ResponseEntity<String> get(String path) {
        return client.get().uri(path).retrieve().toEntity(String.class);
    }
}
