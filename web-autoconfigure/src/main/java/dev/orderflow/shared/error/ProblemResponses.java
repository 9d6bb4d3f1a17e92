package dev.orderflow.shared.error;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

import java.io.IOException;
import java.net.URI;

/**
 * The one factory of problem+json bodies: every answer of every kind is built here, whether Spring MVC
 * sends it ({@link ProblemDetailsAdvice}) or a filter, the security chain or the error page writes it
 * straight to the response.
 */
public final class ProblemResponses {

    static final String KIND = "kind";

    private ProblemResponses() {
    }

    public static ProblemDetail of(ErrorKind kind, String detail) {
        return of(kind.status(), kind, detail);
    }

    /** A problem whose status is not the kind's own: 413 is {@link ErrorKind#INVALID_INPUT} too, say. */
    public static ProblemDetail of(HttpStatusCode status, ErrorKind kind, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(status.equals(kind.status()) ? kind.title() : null);
        problem.setProperty(KIND, kind.name());
        return problem;
    }

    /** Writes the problem as the whole answer, for code that runs before (or outside) Spring MVC. */
    public static void write(ProblemDetail problem, HttpServletRequest request, HttpServletResponse response,
                             ObjectMapper json) throws IOException {
        if (problem.getInstance() == null) {
            problem.setInstance(instance(request.getRequestURI()));
        }
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }

    /** The request's path as the problem's instance; a path too broken to be a URI leaves it out. */
    static URI instance(String path) {
        try {
            return path == null ? null : URI.create(path);
        } catch (IllegalArgumentException unparseable) {
            return null;
        }
    }
}
