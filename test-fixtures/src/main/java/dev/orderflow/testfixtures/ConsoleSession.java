package dev.orderflow.testfixtures;

import dev.orderflow.shared.security.DevelopmentCredentials;
import dev.orderflow.shared.security.DevelopmentCredentials.Credential;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A signed-in session on a service's operations console, over real HTTP and without a browser: the login form is
 * posted with its CSRF token, the session cookie kept, and pages are fetched as HTML. For the places where a
 * browser is not worth its start-up (a service in another mode, each page once); the console's behaviour in a
 * browser is tested with one.
 */
public final class ConsoleSession {

    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

    private final String baseUrl;
    private final HttpClient http;

    private ConsoleSession(String baseUrl) {
        this.baseUrl = baseUrl;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
    }

    /** Signs in on the console of the service at this base URL with the development ADMIN credential. */
    public static ConsoleSession signIn(String baseUrl) {
        return signIn(baseUrl, DevelopmentCredentials.ADMIN);
    }

    /**
     * Signs in with this credential.
     *
     * @throws IllegalStateException when the console did not let it in (no login form, or the login refused)
     */
    public static ConsoleSession signIn(String baseUrl, Credential credential) {
        ConsoleSession session = new ConsoleSession(baseUrl);
        Page form = session.get("/console/login");
        Matcher token = CSRF_FIELD.matcher(form.html());
        if (form.status() != 200 || !token.find()) {
            throw new IllegalStateException("No login form with a CSRF token at " + baseUrl + "/console/login: "
                                            + form.status());
        }
        Page landing = session.post("/console/login", "username", credential.name(), "password", credential.password(),
                                    "_csrf", token.group(1));
        if (landing.status() != 200 || landing.uri().getPath().startsWith("/console/login")) {
            throw new IllegalStateException("The console did not sign in " + credential + ": " + landing.status()
                                            + " at " + landing.uri());
        }
        return session;
    }

    /** A page of the console, e.g. {@code /console/processors}, whatever its status. */
    public Page get(String path) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET());
    }

    private Page post(String path, String... namesAndValues) {
        StringBuilder form = new StringBuilder();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (!form.isEmpty()) {
                form.append('&');
            }
            form.append(URLEncoder.encode(namesAndValues[i], StandardCharsets.UTF_8)).append('=')
                .append(URLEncoder.encode(namesAndValues[i + 1], StandardCharsets.UTF_8));
        }
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(form.toString())));
    }

    private Page send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(30)).build(),
                                                      HttpResponse.BodyHandlers.ofString());
            return new Page(response.statusCode(), response.uri(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while fetching " + request.build().uri(), e);
        }
    }

    /** A fetched page: its status, where redirects ended, and its HTML. */
    public record Page(int status, URI uri, String html) {
    }
}
