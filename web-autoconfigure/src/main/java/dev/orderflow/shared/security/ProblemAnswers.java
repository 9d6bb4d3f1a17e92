package dev.orderflow.shared.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.orderflow.shared.error.ErrorKind;
import dev.orderflow.shared.error.ProblemResponses;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;

import java.io.IOException;
import java.util.List;

/**
 * Answers a refused request in RFC 7807 problem+json, like every other error of the API: 401 with a
 * {@code WWW-Authenticate: Basic} challenge when the credentials are missing or wrong, 403 when they
 * are right but lack the role; and what the firewall refuses ({@code ..}, {@code ;}, encoded slashes or
 * control characters in the path, a header it cannot trust) 400, an HTTP method it does not let through
 * (TRACE, or one that does not exist) 405. The request never reaches a controller, so nothing is stored.
 */
class ProblemAnswers implements AuthenticationEntryPoint, AccessDeniedHandler, RequestRejectedHandler {

    static final String REALM = "orderflow";
    /** The only methods the firewall lets through: those the API has endpoints for, and HEAD and OPTIONS. */
    static final List<String> FIREWALL_METHODS = List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");

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

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException refusal)
            throws IOException {
        if (!FIREWALL_METHODS.contains(request.getMethod())) {
            response.setHeader(HttpHeaders.ALLOW, String.join(", ", FIREWALL_METHODS));
            write(request, response, ErrorKind.METHOD_NOT_ALLOWED, "The HTTP method " + printable(request.getMethod())
                    + " is not served here; the API answers " + String.join(", ", FIREWALL_METHODS));
            return;
        }
        // The firewall's message quotes the offending part of the request; the reason is enough.
        write(request, response, ErrorKind.INVALID_INPUT, "The request was refused: its path or headers hold "
                + "characters or sequences that are not allowed (such as .., ;, //, an encoded slash or a control character)");
    }

    private void write(HttpServletRequest request, HttpServletResponse response, ErrorKind kind, String detail)
            throws IOException {
        ProblemResponses.write(ProblemResponses.of(kind, detail), request, response, json);
    }

    private static String printable(String method) {
        return method.chars().allMatch(c -> c > 32 && c < 127) && method.length() <= 20 ? method : "sent";
    }

    private static String userName(HttpServletRequest request) {
        return request.getUserPrincipal() == null ? "This user" : "The user " + request.getUserPrincipal().getName();
    }
}
