package dev.orderflow.shared.error;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Tomcat's last word on a request, in problem+json instead of its HTML page: what Tomcat refuses before
 * any servlet or error page could see it (a request line it cannot read, an undecodable path, headers too
 * large or too many, CONNECT, an HTTP version it does not speak) still answers with a {@code kind}. It
 * writes only when nothing else wrote an answer. What it cannot shape is what gets no answer at all: a
 * connection Tomcat closes (a read timeout, a client that stops mid-request) or a TLS failure.
 */
public class ProblemReportValve extends ErrorReportValve {

    // Spring's builder, for the ProblemDetail mix-in that writes "kind" beside "status" (this valve is made
    // by Tomcat, by class name, before any Spring bean exists).
    private static final ObjectMapper JSON = Jackson2ObjectMapperBuilder.json().build();

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int code = response.getStatus();
        if (code < 400 || response.getContentWritten() > 0) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(false);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        HttpStatus status = HttpStatus.resolve(code);
        if (status == null) {
            status = code >= 500 ? HttpStatus.INTERNAL_SERVER_ERROR : HttpStatus.BAD_REQUEST;
        }
        ProblemDetail problem = ProblemResponses.of(HttpStatusCode.valueOf(code), ErrorKind.forStatus(code),
                ProblemErrorController.detail(status));
        try {
            String body = JSON.writeValueAsString(problem);
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(body);
                response.finishResponse();
            }
        } catch (JsonProcessingException unwritable) {
            container.getLogger().warn("Cannot write the problem answer for status " + code, unwritable);
        } catch (IOException | IllegalStateException closed) {
            // The client is gone or the answer already started; there is nothing left to tell it.
        }
    }
}
