package dev.orderflow.distributed;

import dev.orderflow.distributed.support.OrderflowService;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The distributed profile's processor settings, as Axon builds the processors from them: each service started with
 * its {@code distributed} profile, but on an embedded Postgres and without Axon Server (neither is what is tested
 * here), so that the named processors really exist, run pooled, and create the profile's number of segments.
 * A name that matched no processing group would configure nothing, and this test would fail.
 */
class DistributedProcessorsIT {

    private static final List<ConfigurableApplicationContext> services = new ArrayList<>();
    private static ConfigurableApplicationContext sagaCoordinator;
    private static ConfigurableApplicationContext commandSide;

    @BeforeAll
    static void start() {
        sagaCoordinator = startWithTheDistributedProfile(OrderflowService.SAGA_COORDINATOR);
        commandSide = startWithTheDistributedProfile(OrderflowService.COMMAND_SIDE);
    }

    @AfterAll
    static void stop() {
        services.forEach(ConfigurableApplicationContext::close);
    }

    @Test
    void theSagaRunsPooledOnFourSegments() {
        assertPooledWithSegments(sagaCoordinator, "OrderFulfilmentSagaProcessor", 4);
    }

    @Test
    void theCommandSidesPoliciesRunPooledOnFourAndTwoSegments() {
        assertPooledWithSegments(commandSide, "payment-credit-check", 4);
        assertPooledWithSegments(commandSide, "order-shipped-policy", 2);
    }

    private static void assertPooledWithSegments(ConfigurableApplicationContext service, String name, int segments) {
        EventProcessor processor = service.getBean(EventProcessingConfiguration.class).eventProcessor(name)
                .orElseThrow(() -> new AssertionError("No processor named " + name));
        assertThat(processor).isInstanceOf(PooledStreamingEventProcessor.class);
        PooledStreamingEventProcessor pooled = (PooledStreamingEventProcessor) processor;
        // The only instance claims every segment the processor created with its tokens.
        await().until(() -> pooled.processingStatus().size() >= segments);
        assertThat(pooled.processingStatus()).hasSize(segments);
    }

    private static ConfigurableApplicationContext startWithTheDistributedProfile(OrderflowService service) {
        // As arguments, so that they rank above the profile: only where the data lives changes.
        ConfigurableApplicationContext context = new SpringApplicationBuilder(service.application())
                .properties(Map.of("spring.profiles.active", "distributed"))
                .run("--spring.config.location=" + service.configLocation(),
                     "--server.port=0",
                     "--axon.axonserver.enabled=false",
                     "--spring.datasource.url=",
                     "--orderflow.embedded-postgres.enabled=true",
                     "--management.endpoint.health.group.readiness.include=readinessState,db");
        services.add(context);
        return context;
    }
}
