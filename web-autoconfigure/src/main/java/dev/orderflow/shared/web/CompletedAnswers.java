package dev.orderflow.shared.web;

import org.springframework.core.MethodParameter;
import org.springframework.core.ResolvableType;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodReturnValueHandler;
import org.springframework.web.method.support.HandlerMethodReturnValueHandlerComposite;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.mvc.method.annotation.DeferredResultMethodReturnValueHandler;

import java.lang.reflect.Type;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;

/**
 * Answers an endpoint's {@link CompletionStage} on the request's own thread when it is already complete, as if
 * the endpoint had returned its result (or thrown its failure) directly.
 * <p>
 * The endpoints return the futures of Axon's gateways, so that a command sent to Axon Server or a read waiting
 * for a version does not hold a servlet thread. In the embedded mode a command runs on the calling thread, and
 * its future is complete before the endpoint returns; Spring MVC would still start asynchronous processing for
 * it and dispatch the request a second time through the servlet container, the security filters and the
 * dispatcher servlet, about as much work again as the first pass. A future that is not complete yet goes that
 * way, unchanged.
 */
final class CompletedAnswers implements HandlerMethodReturnValueHandler {

    private final HandlerMethodReturnValueHandler asynchronous;
    private final HandlerMethodReturnValueHandlerComposite results;

    /**
     * @param handlers the handlers Spring MVC would use otherwise: the one for a future that is still running,
     *                 and the ones for what a future completes with
     */
    CompletedAnswers(List<HandlerMethodReturnValueHandler> handlers) {
        this.results = new HandlerMethodReturnValueHandlerComposite().addHandlers(handlers);
        this.asynchronous = handlers.stream()
                .filter(DeferredResultMethodReturnValueHandler.class::isInstance)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("Spring MVC has no handler for futures among " + handlers));
    }

    @Override
    public boolean supportsReturnType(MethodParameter returnType) {
        return CompletionStage.class.isAssignableFrom(returnType.getParameterType());
    }

    @Override
    public void handleReturnValue(Object returnValue, MethodParameter returnType, ModelAndViewContainer mavContainer,
                                  NativeWebRequest webRequest) throws Exception {
        if (!(returnValue instanceof CompletableFuture<?> future) || !future.isDone()) {
            asynchronous.handleReturnValue(returnValue, returnType, mavContainer, webRequest);
            return;
        }
        Object result;
        try {
            result = future.get();
        } catch (ExecutionException | CompletionException failed) {
            // The cause, as Spring MVC hands it to the exception handlers after an asynchronous dispatch.
            throw rethrowable(failed.getCause() == null ? failed : failed.getCause());
        }
        results.handleReturnValue(result, new ResultOf(returnType), mavContainer, webRequest);
    }

    private static Exception rethrowable(Throwable failure) {
        if (failure instanceof Error error) {
            throw error;
        }
        return failure instanceof Exception exception ? exception : new IllegalStateException(failure);
    }

    /** The endpoint's return type seen through its future: {@code CompletableFuture<ResponseEntity<X>>} as {@code ResponseEntity<X>}. */
    private static final class ResultOf extends MethodParameter {

        private final ResolvableType resultType;

        ResultOf(MethodParameter futureType) {
            super(futureType);
            this.resultType = ResolvableType.forMethodParameter(futureType).as(CompletionStage.class).getGeneric();
        }

        private ResultOf(ResultOf original) {
            super(original);
            this.resultType = original.resultType;
        }

        @Override
        public Class<?> getParameterType() {
            Class<?> resolved = resultType.resolve();
            return resolved == null ? Object.class : resolved;
        }

        @Override
        public Type getGenericParameterType() {
            return resultType.getType();
        }

        @Override
        public ResultOf clone() {
            return new ResultOf(this);
        }
    }
}
