package dev.orderflow.query;

import dev.orderflow.api.refusal.DomainException;
import dev.orderflow.shared.error.ErrorKind;
import dev.orderflow.shared.error.InvalidRequestException;
import dev.orderflow.shared.error.ProblemResponses;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.SubscriptionQueryResult;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.ToLongFunction;

/**
 * Reads one view through the query bus, and for read-your-writes waits until it reflects at least the
 * version of its aggregate that a command answered with (the command's ETag). The wait is a subscription
 * query: the projection pushes the view when it changes, nothing polls. It is bounded by
 * {@link ReadYourWritesProperties#maxWait()}; a read model still behind then is answered 503 with
 * {@code Retry-After}, never with data older than the client asked for.
 */
@Component
public class VersionedReads {

    private final QueryGateway queries;
    private final ReadYourWritesProperties properties;

    public VersionedReads(QueryGateway queries, ReadYourWritesProperties properties) {
        this.queries = queries;
        this.properties = properties;
    }

    /**
     * @param minVersion null to answer what the read model shows now (404 when it shows nothing), or the
     *                   version the view must have reached
     * @param waitMs     how long to wait for {@code minVersion}; null for the configured maximum
     * @param notFound   the detail of the 404 for an unknown id
     */
    public <Q, V> CompletableFuture<V> find(Q query, Class<V> viewType, ToLongFunction<V> version,
                                           Long minVersion, Long waitMs, String notFound) {
        if (minVersion == null) {
            return queries.query(query, ResponseTypes.optionalInstanceOf(viewType))
                          .thenApply(view -> view.orElseThrow(() -> DomainException.notFound(notFound)));
        }
        if (minVersion < 0) {
            throw new InvalidRequestException("minVersion", "must not be negative");
        }
        Duration wait = waitFor(waitMs);
        SubscriptionQueryResult<Optional<V>, V> subscription = queries.subscriptionQuery(
                query, ResponseTypes.optionalInstanceOf(viewType), ResponseTypes.instanceOf(viewType));
        AtomicReference<V> latest = new AtomicReference<>();
        Mono<V> updated = Mono.defer(() -> subscription.updates()
                                                       .doOnNext(latest::set)
                                                       .filter(view -> version.applyAsLong(view) >= minVersion)
                                                       .next()
                                                       .timeout(wait));
        return subscription.initialResult()
                           .flatMap(Mono::justOrEmpty)
                           .doOnNext(latest::set)
                           .filter(view -> version.applyAsLong(view) >= minVersion)
                           .switchIfEmpty(updated)
                           .onErrorMap(TimeoutException.class, e -> notYetVisible(
                                   minVersion, Optional.ofNullable(latest.get()).map(version::applyAsLong), wait))
                           .doFinally(signal -> subscription.cancel())
                           .toFuture();
    }

    private Duration waitFor(Long waitMs) {
        if (waitMs == null) {
            return properties.maxWait();
        }
        if (waitMs < 0) {
            throw new InvalidRequestException("waitMs", "must not be negative");
        }
        Duration asked = Duration.ofMillis(waitMs);
        return asked.compareTo(properties.maxWait()) > 0 ? properties.maxWait() : asked;
    }

    private static ErrorResponseException notYetVisible(long minVersion, Optional<Long> current, Duration waited) {
        ProblemDetail body = ProblemResponses.of(ErrorKind.NOT_YET_VISIBLE,
                "The read model did not reach version " + minVersion + " within " + waited.toMillis() + " ms"
                        + current.map(v -> "; it shows version " + v).orElse("; it does not show this resource yet")
                        + ". Retry shortly.");
        body.setProperty("minVersion", minVersion);
        current.ifPresent(v -> body.setProperty("currentVersion", v));
        ErrorResponseException exception = new ErrorResponseException(ErrorKind.NOT_YET_VISIBLE.status(), body, null);
        exception.getHeaders().set(HttpHeaders.RETRY_AFTER, "1");
        return exception;
    }
}
