package dev.orderflow.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orderflow.shared.security.DevelopmentCredentials;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * The standalone's HTTP API as the bench uses it (on the JDK's client, the lightest there is, since its cost is part
 * of every figure): the REST commands and queries, the admin API, the bench agent.
 * It signs in with the development credentials the standalone it starts keeps (see {@code MeasuredStandalone}):
 * the USER for commands and queries, the admin for {@code /admin/**} and the agent's {@code /bench/**}.
 */
final class HttpApi {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String USER = DevelopmentCredentials.USER.basicAuthorization();
    private static final String ADMIN = DevelopmentCredentials.ADMIN.basicAuthorization();

    private final URI base;
    private final HttpClient client = HttpClient.newBuilder()
                                                .version(HttpClient.Version.HTTP_1_1)
                                                .connectTimeout(Duration.ofSeconds(5))
                                                .build();

    HttpApi(URI base) {
        this.base = base;
    }

    /** POSTs JSON, expects a 2xx answer and returns its body. */
    String post(String path, String json) {
        return send(request(path).POST(HttpRequest.BodyPublishers.ofString(json)).build(), Duration.ofSeconds(30));
    }

    String put(String path, String json) {
        return send(request(path).PUT(HttpRequest.BodyPublishers.ofString(json)).build(), Duration.ofSeconds(30));
    }

    JsonNode getJson(String path) {
        return parse(send(request(path).GET().build(), Duration.ofSeconds(30)));
    }

    JsonNode postJson(String path, Object body, Duration timeout) {
        try {
            String json = JSON.writeValueAsString(body);
            return parse(send(request(path).POST(HttpRequest.BodyPublishers.ofString(json)).build(), timeout));
        } catch (IOException e) {
            throw new IllegalStateException("cannot write the request to " + path, e);
        }
    }

    // The agent's endpoints (dev.orderflow.bench.agent).

    /** Restock commands through the command gateway inside the standalone; see BenchAgentController. */
    JsonNode gatewayRestock(List<UUID> products, int commands, int clients) {
        record GatewayProducts(List<UUID> productIds, boolean first) {
        }
        record GatewayRun(int commands, int clients) {
        }
        for (int from = 0; from < products.size(); from += 500) {
            postJson("/bench/gateway/products", new GatewayProducts(products.subList(from,
                    Math.min(products.size(), from + 500)), from == 0), Duration.ofSeconds(30));
        }
        return postJson("/bench/gateway/restock", new GatewayRun(commands, clients), Duration.ofMinutes(30));
    }

    /** New products through the command gateway inside the standalone; see BenchAgentController. */
    JsonNode gatewayCreate(int commands, int clients, String namePrefix) {
        record GatewayCreate(int commands, int clients, String namePrefix) {
        }
        return postJson("/bench/gateway/create", new GatewayCreate(commands, clients, namePrefix), Duration.ofMinutes(30));
    }

    /** How many of the standalone's pooled connections show which synchronous_commit, e.g. {"on (configuration file)": 20}. */
    JsonNode synchronousCommit(int connections) {
        return postJson("/bench/database/synchronous-commit", java.util.Map.of("connections", connections),
                Duration.ofMinutes(1));
    }

    JsonNode processors(String action) {
        return postJson("/bench/processors/" + action, java.util.Map.of(), Duration.ofMinutes(5));
    }

    private HttpRequest.Builder request(String path) {
        boolean operating = path.startsWith("/admin/") || path.startsWith("/bench/");
        return HttpRequest.newBuilder(base.resolve(path))
                          .header("Authorization", operating ? ADMIN : USER)
                          .header("Content-Type", "application/json")
                          .header("Accept", "application/json");
    }

    private String send(HttpRequest request, Duration timeout) {
        HttpRequest timed = HttpRequest.newBuilder(request, (name, value) -> true).timeout(timeout).build();
        HttpResponse<String> response;
        try {
            response = client.send(timed, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(request.method() + " " + request.uri() + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        if (response.statusCode() / 100 != 2) {
            throw new HttpFailure(request.method() + " " + request.uri().getPath() + " answered " + response.statusCode()
                    + ": " + response.body(), response.statusCode());
        }
        return response.body();
    }

    private static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new IllegalStateException("not JSON: " + body, e);
        }
    }

    static final class HttpFailure extends IllegalStateException {
        final int status;

        HttpFailure(String message, int status) {
            super(message);
            this.status = status;
        }
    }
}
