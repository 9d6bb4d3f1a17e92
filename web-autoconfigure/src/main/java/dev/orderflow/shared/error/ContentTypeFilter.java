package dev.orderflow.shared.error;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Refuses a body whose {@code Content-Type} names no media type at all ({@code *}{@code /*},
 * {@code application/*}, or text that does not parse) with 415 problem+json. Spring MVC cannot even read
 * the headers of such a request (it would fail with 500), and no endpoint could read its body anyway.
 */
public class ContentTypeFilter extends OncePerRequestFilter {

    private final ObjectMapper json;

    public ContentTypeFilter(ObjectMapper json) {
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String contentType = request.getContentType();
        if (contentType != null && !isConcrete(contentType)) {
            ProblemResponses.write(ProblemResponses.of(ErrorKind.UNSUPPORTED_MEDIA_TYPE, "Content-Type must name one "
                    + "media type, like application/json; a wildcard or an unreadable one cannot be read"), request, response, json);
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean isConcrete(String contentType) {
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            return !type.isWildcardType() && !type.isWildcardSubtype();
        } catch (InvalidMediaTypeException unreadable) {
            return false;
        }
    }
}
