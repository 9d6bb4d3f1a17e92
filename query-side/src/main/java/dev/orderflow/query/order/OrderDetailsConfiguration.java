package dev.orderflow.query.order;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.ExecutorServiceMetrics;
import org.axonframework.common.AxonThreadFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/** The threads that run the parts of an order's details in parallel (the local query bus answers in its caller's thread). */
@Configuration(proxyBeanMethods = false)
class OrderDetailsConfiguration {

    static final String EXECUTOR = "orderDetailsExecutor";

    /**
     * 16 threads that end when idle, and at most 1,024 parts waiting: beyond that a part is answered unavailable
     * at once. Its {@code executor.*} metrics carry {@code name=order-details}; the context shuts it down. Not a
     * default candidate, so it replaces nothing that asks for "the" executor (Spring Boot's task executor stays).
     */
    @Bean(name = EXECUTOR, destroyMethod = "shutdownNow", defaultCandidate = false)
    ExecutorService orderDetailsExecutor(ObjectProvider<MeterRegistry> meters) {
        ThreadPoolExecutor pool = new ThreadPoolExecutor(16, 16, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(1024),
                new AxonThreadFactory("order-details"));
        pool.allowCoreThreadTimeOut(true);
        meters.ifAvailable(registry -> new ExecutorServiceMetrics(pool, "order-details", List.of()).bindTo(registry));
        return pool;
    }
}
