package dev.orderflow.query;

import dev.orderflow.testfixtures.DevelopmentUserRestTemplate;
import org.springframework.boot.test.context.SpringBootTest;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The one application context every query-side test runs against: the query side on its own, with Axon's
 * event store and the read models in the embedded Postgres that embedded-postgres-autoconfigure starts (one per
 * JVM), on a random port. Every test class uses exactly this configuration, so Spring starts it once per JVM.
 * The payment part of the order details gets a short time limit, so a test can make it time out; the other
 * parts a generous one, so a busy machine does not. Its HTTP client sends credentials: see {@link DevelopmentUserRestTemplate}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = {QuerySideApplication.class, DevelopmentUserRestTemplate.class}, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "orderflow.query.order-details.timeout=10s",
                "orderflow.query.order-details.part-timeouts.payment=1s"
        })
public @interface QuerySideTest {
}
