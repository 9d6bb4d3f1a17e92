package dev.orderflow.shared.error;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import dev.orderflow.api.refusal.DomainException;
import dev.orderflow.api.refusal.RefusalKind;
import dev.orderflow.shared.failure.AxonServerErrors;
import dev.orderflow.shared.failure.DomainErrors;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingModificationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingPathVariableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.context.request.async.AsyncRequestTimeoutException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Maps every failure to RFC 7807 problem+json, once for all services: invalid input 400 naming each
 * field, unknown aggregate 404, concurrent modification or duplicate id 409, broken business rule 422.
 * Each problem carries {@code kind} (an {@link ErrorKind}) so clients need not parse titles.
 */
@RestControllerAdvice
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    /** Every refusal, whether thrown here or reported by a remote handler; see {@link DomainErrors}. */
    @ExceptionHandler({DomainException.class, AggregateNotFoundException.class, ConcurrencyException.class,
            ConflictingModificationException.class, AggregateStreamCreationException.class,
            CommandExecutionException.class, IncompatibleAggregateException.class})
    ResponseEntity<Object> refused(RuntimeException e, WebRequest request) {
        return DomainErrors.kindOf(e)
                .map(kind -> problem(e, ErrorKind.of(kind), DomainErrors.detailOf(e, kind), request))
                .orElseGet(() -> unexpected(e, request));
    }

    @ExceptionHandler(InvalidRequestException.class)
    ResponseEntity<Object> invalidRequest(InvalidRequestException e, WebRequest request) {
        return invalidInput(e, List.of(e.fieldError()), request);
    }

    /**
     * A failure: 503 or 504 when it may pass (no handler, Axon Server out of reach, a timeout; see
     * {@link AxonServerErrors}), else 500, logged with Axon Server's error code when it carries one. A refusal
     * that reaches here unrecognised by type (Axon Server's own refusal on commit) still gets its kind.
     */
    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e, WebRequest request) {
        Optional<RefusalKind> refusal = DomainErrors.kindOf(e);
        if (refusal.isPresent()) {
            return problem(e, ErrorKind.of(refusal.get()), DomainErrors.detailOf(e, refusal.get()), request);
        }
        Optional<AxonServerErrors.Unavailability> unavailable = AxonServerErrors.unavailability(e);
        if (unavailable.isPresent()) {
            log.warn("Could not handle {}: {}", request.getDescription(false), e.toString());
            return problem(e, ErrorKind.of(unavailable.get()), unavailable.get().detail(), request);
        }
        log.error("Unexpected failure handling {}{}", request.getDescription(false),
                AxonServerErrors.codeOf(e).map(code -> " (Axon Server error code " + code + ")").orElse(""), e);
        ProblemDetail body = body(ErrorKind.INTERNAL_ERROR,
                "The request failed unexpectedly; the failure is logged on the server.");
        return handleExceptionInternal(e, body, new HttpHeaders(), HttpStatus.INTERNAL_SERVER_ERROR, request);
    }

    /**
     * Every answer Spring MVC shapes passes here, including those of its own refusals (unknown route,
     * method, media type): each gets a {@code kind}, and its body the status actually answered.
     */
    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode status,
                                                          WebRequest request) {
        if (body instanceof ProblemDetail problem) {
            problem.setStatus(status.value());
            if (problem.getProperties() == null || !problem.getProperties().containsKey(ProblemResponses.KIND)) {
                ErrorKind kind = ErrorKind.forStatus(status.value());
                problem.setProperty(ProblemResponses.KIND, kind.name());
                if (kind.status().isSameCodeAs(status)) {
                    problem.setTitle(kind.title());
                }
            }
        }
        return super.createResponseEntity(body, headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleNoResourceFoundException(NoResourceFoundException e, HttpHeaders headers,
                                                                    HttpStatusCode status, WebRequest request) {
        return problem(e, ErrorKind.NOT_FOUND, "Nothing is served at " + e.getHttpMethod() + " /" + e.getResourcePath(), request);
    }

    /** A path variable that is there but blank ({@code /products/%20/restock}) converts to nothing. */
    @Override
    protected ResponseEntity<Object> handleMissingPathVariable(MissingPathVariableException e, HttpHeaders headers,
                                                               HttpStatusCode status, WebRequest request) {
        if (!e.isMissingAfterConversion()) {
            return super.handleMissingPathVariable(e, headers, status, request);
        }
        String expected = article(e.getParameter().getParameterType().getSimpleName());
        return invalidInput(e, List.of(new FieldError(e.getVariableName(), "must be " + expected)), request);
    }

    /** A request that outlived Spring MVC's limit for an asynchronous answer (a command waiting on Axon Server, say). */
    @Override
    protected ResponseEntity<Object> handleAsyncRequestTimeoutException(AsyncRequestTimeoutException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return problem(e, ErrorKind.TIMED_OUT, AxonServerErrors.NO_ANSWER_IN_TIME, request);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldError> errors = e.getBindingResult().getFieldErrors().stream()
                .map(error -> new FieldError(error.getField(), error.getDefaultMessage()))
                .sorted((a, b) -> a.field().compareTo(b.field()))
                .toList();
        return invalidInput(e, errors, request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof RequestBodyLimitFilter.BodyTooLargeException tooLarge) {
                ProblemDetail body = RequestBodyLimitFilter.tooLarge(tooLarge.getMessage());
                return handleExceptionInternal(e, body, new HttpHeaders(), HttpStatus.PAYLOAD_TOO_LARGE, request);
            }
        }
        return invalidInput(e, List.of(unreadableField(e)), request);
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException e, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        String field = e instanceof MethodArgumentTypeMismatchException mismatch ? mismatch.getName() : e.getPropertyName();
        String expected = e.getRequiredType() == null ? "value" : article(e.getRequiredType().getSimpleName());
        return invalidInput(e, List.of(new FieldError(field, "must be " + expected)), request);
    }

    private ResponseEntity<Object> invalidInput(Exception e, List<FieldError> errors, WebRequest request) {
        String detail = errors.stream().map(error -> error.field() == null
                        ? error.reason() : error.field() + ": " + error.reason())
                .reduce((a, b) -> a + "; " + b).orElse("The request is invalid");
        ProblemDetail body = body(ErrorKind.INVALID_INPUT, detail);
        body.setProperty("errors", errors);
        return handleExceptionInternal(e, body, new HttpHeaders(), ErrorKind.INVALID_INPUT.status(), request);
    }

    private ResponseEntity<Object> problem(Exception e, ErrorKind kind, String detail, WebRequest request) {
        log.debug("Refused {}: {}", request.getDescription(false), detail);
        return handleExceptionInternal(e, body(kind, detail), new HttpHeaders(), kind.status(), request);
    }

    private static ProblemDetail body(ErrorKind kind, String detail) {
        return ProblemResponses.of(kind, detail);
    }

    /** Names the field a JSON body failed on, and why, from Jackson's path to the failing value. */
    static FieldError unreadableField(HttpMessageNotReadableException e) {
        Throwable cause = e.getCause();
        // A duplicate key inside a nested object arrives wrapped in a mapping exception for its parent.
        for (Throwable inner = cause; inner != null; inner = inner.getCause()) {
            if (inner instanceof StreamReadException duplicate && duplicate.getOriginalMessage() != null
                    && duplicate.getOriginalMessage().startsWith("Duplicate field") && duplicate.getProcessor() != null) {
                return new FieldError(path(duplicate.getProcessor().getParsingContext()), "is given more than once");
            }
        }
        if (cause instanceof UnrecognizedPropertyException unknown) {
            return new FieldError(path(unknown, unknown.getPropertyName()), "is not a known field");
        }
        if (cause instanceof ValueInstantiationException invalid) {
            Throwable reason = invalid.getCause() == null ? invalid : invalid.getCause();
            return new FieldError(path(invalid, null), reason.getMessage());
        }
        if (cause instanceof InvalidFormatException format) {
            return new FieldError(path(format, null), "must be " + article(format.getTargetType().getSimpleName()));
        }
        if (cause instanceof MismatchedInputException mismatch) {
            String expected = mismatch.getTargetType() == null ? "of another type" : article(mismatch.getTargetType().getSimpleName());
            return new FieldError(path(mismatch, null), "must be " + expected);
        }
        if (cause instanceof JsonMappingException mapping && mapping.getCause() instanceof IllegalArgumentException invalid) {
            return new FieldError(path(mapping, null), invalid.getMessage());
        }
        if (cause instanceof JsonProcessingException malformed) {
            return new FieldError(null, "the body is not well-formed JSON: " + malformed.getOriginalMessage());
        }
        return new FieldError(null, "the request body is missing or unreadable");
    }

    private static String path(JsonMappingException e, String leaf) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        if (leaf != null && !path.toString().endsWith(leaf)) {
            path.append(path.isEmpty() ? "" : ".").append(leaf);
        }
        return path.isEmpty() ? null : path.toString();
    }

    /** The path of the value the parser stopped at, from the document's root. */
    private static String path(JsonStreamContext context) {
        Deque<String> steps = new ArrayDeque<>();
        for (JsonStreamContext step = context; step != null && !step.inRoot(); step = step.getParent()) {
            if (step.inArray()) {
                steps.push("[" + step.getCurrentIndex() + "]");
            } else if (step.getCurrentName() != null) {
                steps.push(step.getCurrentName());
            }
        }
        StringBuilder path = new StringBuilder();
        for (String step : steps) {
            path.append(path.isEmpty() || step.startsWith("[") ? "" : ".").append(step);
        }
        return path.isEmpty() ? null : path.toString();
    }

    private static String article(String typeName) {
        String name = switch (typeName) {
            case "int", "Integer", "long", "Long" -> "integer";
            case "BigDecimal", "double", "Double" -> "number";
            case "UUID" -> "UUID";
            case "String" -> "string";
            case "boolean", "Boolean" -> "boolean";
            default -> typeName.toLowerCase(Locale.ROOT);
        };
        return ("aeiouAEIOU".indexOf(name.charAt(0)) >= 0 && !name.equals("UUID") ? "an " : "a ") + name;
    }
}
