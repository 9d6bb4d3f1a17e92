package dev.orderflow.shared.error;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The error page, in place of Spring Boot's: what the servlet container answers itself (a request it
 * refused, a failure in a filter) is forwarded here and answered as problem+json with a {@code kind},
 * like every other error. The container's message is not repeated: it may quote the request.
 */
@Controller
@Hidden // not part of the API: only the servlet container forwards here
@RequestMapping("${server.error.path:${error.path:/error}}")
class ProblemErrorController implements ErrorController {

    @RequestMapping
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        HttpStatus status = status(request);
        ErrorKind kind = ErrorKind.forStatus(status.value());
        ProblemDetail problem = ProblemResponses.of(status, kind, detail(status));
        Object path = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        problem.setInstance(ProblemResponses.instance(path == null ? null : path.toString()));
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private static HttpStatus status(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer value ? HttpStatus.resolve(value) : null;
        return status == null || !status.isError() ? HttpStatus.INTERNAL_SERVER_ERROR : status;
    }

    static String detail(HttpStatus status) {
        return switch (status) {
            case NOT_FOUND -> "Nothing is served at this path";
            case METHOD_NOT_ALLOWED -> "This method is not allowed here";
            case NOT_IMPLEMENTED -> "This method is not implemented by the server";
            case REQUEST_HEADER_FIELDS_TOO_LARGE -> "The request's headers are too many or too large";
            case PAYLOAD_TOO_LARGE -> "The request body is too large";
            case INTERNAL_SERVER_ERROR -> "The request failed unexpectedly; the failure is logged on the server.";
            default -> status.is4xxClientError()
                    ? "The server refused the request as malformed (" + status.value() + " " + status.getReasonPhrase() + ")"
                    : "The server could not answer the request (" + status.value() + " " + status.getReasonPhrase() + ")";
        };
    }
}
