package dev.orderflow.command;

import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/** Gives an {@link IfMatchVersion} parameter the version in the request's {@code If-Match} header. */
class IfMatchVersionResolver implements HandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.hasParameterAnnotation(IfMatchVersion.class) && parameter.getParameterType() == Long.class;
    }

    @Override
    public Long resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
                                NativeWebRequest request, WebDataBinderFactory binderFactory) {
        String[] headers = request.getHeaderValues(HttpHeaders.IF_MATCH);
        // Several If-Match lines are one list (RFC 9110), refused as a list would be.
        return AggregateVersions.fromIfMatch(headers == null ? null : String.join(", ", headers));
    }
}
