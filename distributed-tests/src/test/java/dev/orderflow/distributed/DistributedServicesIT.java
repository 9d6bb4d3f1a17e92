package dev.orderflow.distributed;

import dev.orderflow.distributed.support.OrderflowService;
import dev.orderflow.testfixtures.ConsoleSession;
import dev.orderflow.testfixtures.ConsoleSession.Page;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The three services as their {@code distributed} profile builds them, each on an embedded Postgres of its own and
 * without Axon Server (neither is what is tested here): the processors the profile names really exist, run pooled,
 * and create the profile's number of segments (a name that matched no processing group would configure nothing,
 * and this test would fail); and each service's operations console shows that service's part, over real HTTP,
 * with the link to the Axon Server dashboard. {@code DistributedRoundTripIT} reads the console against Axon Server.
 */
class DistributedServicesIT {

    private static final List<String> CONSOLE_PAGES = List.of(
            "/console", "/console/processors", "/console/events", "/console/dead-letters", "/console/sagas",
            "/console/audit");

    private static final Map<OrderflowService, ConfigurableApplicationContext> services = new EnumMap<>(OrderflowService.class);

    @BeforeAll
    static void start() {
        for (OrderflowService service : OrderflowService.values()) {
            services.put(service, startWithTheDistributedProfile(service));
        }
    }

    @AfterAll
    static void stop() {
        services.values().forEach(ConfigurableApplicationContext::close);
    }

    @Test
    void theSagaRunsPooledOnFourSegments() {
        assertPooledWithSegments(services.get(OrderflowService.SAGA_COORDINATOR), "OrderFulfilmentSagaProcessor", 4);
    }

    @Test
    void theCommandSidesPoliciesRunPooledOnFourAndTwoSegments() {
        ConfigurableApplicationContext commandSide = services.get(OrderflowService.COMMAND_SIDE);
        assertPooledWithSegments(commandSide, "payment-credit-check", 4);
        assertPooledWithSegments(commandSide, "order-shipped-policy", 2);
    }

    @Test
    void everyConsolePageOfEveryServiceAnswersWithThatServiceAndTheDashboardLink() {
        for (OrderflowService service : OrderflowService.values()) {
            ConsoleSession console = ConsoleSession.signIn(baseUrl(service));
            for (String path : CONSOLE_PAGES) {
                Page page = console.get(path);
                assertThat(page.status()).as("%s %s", service.module(), path).isEqualTo(200);
                assertThat(page.html()).as("%s %s", service.module(), path)
                                       .contains("<span>" + service.module() + "</span>")
                                       .contains("href=\"http://localhost:8024\"");
            }
        }
    }

    @Test
    void eachServicesConsoleListsItsOwnProcessorsAndNoOtherServicesOnes() {
        Map<OrderflowService, List<String>> own = Map.of(
                OrderflowService.COMMAND_SIDE, List.of("payment-credit-check", "order-shipped-policy", "customer-email-registry"),
                OrderflowService.QUERY_SIDE, List.of("order-history", "customer-accounts"),
                OrderflowService.SAGA_COORDINATOR, List.of("OrderFulfilmentSagaProcessor"));
        for (OrderflowService service : OrderflowService.values()) {
            String processors = ConsoleSession.signIn(baseUrl(service)).get("/console/processors").html();
            own.forEach((owner, names) -> names.forEach(name -> {
                String listed = "id=\"processor-" + name + "\"";
                if (owner == service) {
                    assertThat(processors).as("%s lists %s", service.module(), name).contains(listed);
                } else {
                    assertThat(processors).as("%s does not list %s", service.module(), name).doesNotContain(listed);
                }
            }));
        }
    }

    private static String baseUrl(OrderflowService service) {
        return "http://localhost:" + services.get(service).getEnvironment().getProperty("local.server.port");
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
        return new SpringApplicationBuilder(service.application())
                .properties(Map.of("spring.profiles.active", "distributed"))
                .run("--spring.config.location=" + service.configLocation(),
                     "--server.port=0",
                     "--axon.axonserver.enabled=false",
                     "--spring.datasource.url=",
                     "--orderflow.embedded-postgres.enabled=true",
                     "--management.endpoint.health.group.readiness.include=readinessState,db");
    }
}
