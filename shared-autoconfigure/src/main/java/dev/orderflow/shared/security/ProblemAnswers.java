package dev.orderflow.shared.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orderflow.shared.error.ErrorKind;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

import java.io.IOException;
import java.net.URI;

/**
 * Answers a refused request in RFC 7807 problem+json, like every other error of the API: 401 with a
 * {@code WWW-Authenticate: Basic} challenge when the credentials are missing or wrong, 403 when they
 * are right but lack the role. The request never reaches a controller, so nothing is stored.
 */
class ProblemAnswers implements AuthenticationEntryPoint, AccessDeniedHandler {

    static final String REALM = "orderflow";

    private final ObjectMapper json;

    ProblemAnswers(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException refusal)
            throws IOException {
        String detail = refusal instanceof InsufficientAuthenticationException
                ? "This request needs credentials: send HTTP Basic authentication with a configured user"
                : "The credentials sent were not accepted";
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"" + REALM + "\"");
        write(request, response, ErrorKind.UNAUTHENTICATED, detail);
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException refusal)
            throws IOException {
        write(request, response, ErrorKind.FORBIDDEN, userName(request)
                + " may not do this: the admin API and the management endpoints need the ADMIN role");
    }

    private void write(HttpServletRequest request, HttpServletResponse response, ErrorKind kind, String detail)
            throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(kind.status(), detail);
        problem.setTitle(kind.title());
        problem.setInstance(URI.create(request.getRequestURI()));
        problem.setProperty("kind", kind.name());
        response.setStatus(kind.status().value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }

    private static String userName(HttpServletRequest request) {
        return request.getUserPrincipal() == null ? "This user" : "The user " + request.getUserPrincipal().getName();
    }
}
