package dev.orderflow.command.support;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

/** Real HTTP calls to the running service, answering every status (no exception on 4xx/5xx). */
public class HttpApi {

    private final RestClient client;
    private final String baseUrl;

    HttpApi(String baseUrl) {
        this.baseUrl = baseUrl;
        this.client = RestClient.builder()
                .baseUrl(baseUrl)
                .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> {
                })
                .build();
    }

    public String baseUrl() {
        return baseUrl;
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
