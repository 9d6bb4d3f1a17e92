package dev.orderflow.distributed;

import dev.orderflow.distributed.support.OrderflowService;
import dev.orderflow.distributed.support.ServiceEnvironment;
import org.axonframework.axonserver.connector.AxonServerConfiguration;
import org.axonframework.springboot.EventProcessorProperties;
import org.axonframework.springboot.EventProcessorProperties.ProcessorSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.ConfigurableEnvironment;

import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each service's {@code distributed} profile, resolved as Spring Boot resolves it when the service starts (its
 * {@code application.yml}, the profile file, Orderflow's defaults beneath them), without starting the service.
 */
class DistributedProfileTest {

    @ParameterizedTest
    @EnumSource(OrderflowService.class)
    void eachServiceReachesItsOwnDatabaseAsItsOwnUser(OrderflowService service) {
        ConfigurableEnvironment environment = distributedEnvironment(service, Map.of());

        assertThat(environment.getProperty("spring.datasource.url"))
                .isEqualTo("jdbc:postgresql://localhost:5432/" + service.database());
        assertThat(environment.getProperty("spring.datasource.username")).isEqualTo(service.user());
        assertThat(environment.getProperty("spring.datasource.password")).isEqualTo(service.user() + "-dev");
        assertThat(environment.getProperty("orderflow.embedded-postgres.enabled")).isEqualTo("false");
    }

    @ParameterizedTest
    @EnumSource(OrderflowService.class)
    void theDatabaseHostAndTheServiceOwnSettingsComeFromTheEnvironment(OrderflowService service) {
        ConfigurableEnvironment shared = distributedEnvironment(service, Map.of(
                "ORDERFLOW_PG_HOST", "postgres", "ORDERFLOW_PG_PORT", "5433"));
        assertThat(shared.getProperty("spring.datasource.url"))
                .isEqualTo("jdbc:postgresql://postgres:5433/" + service.database());

        String prefix = service.environmentPrefix();
        ConfigurableEnvironment own = distributedEnvironment(service, Map.of(
                prefix + "_URL", "jdbc:postgresql://elsewhere/db", prefix + "_USER", "someone",
                prefix + "_PASSWORD", "secret"));
        assertThat(own.getProperty("spring.datasource.url")).isEqualTo("jdbc:postgresql://elsewhere/db");
        assertThat(own.getProperty("spring.datasource.username")).isEqualTo("someone");
        assertThat(own.getProperty("spring.datasource.password")).isEqualTo("secret");
    }

    @ParameterizedTest
    @EnumSource(OrderflowService.class)
    void eachServiceConnectsToAxonServerUnderItsOwnName(OrderflowService service) {
        AxonServerConfiguration byDefault = axonServer(distributedEnvironment(service, Map.of()));
        assertThat(byDefault.isEnabled()).isTrue();
        assertThat(byDefault.getServers()).isEqualTo("localhost:8124");
        assertThat(byDefault.getToken()).isEmpty();
        assertThat(byDefault.getComponentName()).isEqualTo(service.module());

        AxonServerConfiguration configured = axonServer(distributedEnvironment(service, Map.of(
                "AXONSERVER_SERVERS", "axonserver:8124", "AXONSERVER_TOKEN", "a-token")));
        assertThat(configured.getServers()).isEqualTo("axonserver:8124");
        assertThat(configured.getToken()).isEqualTo("a-token");
    }

    @ParameterizedTest
    @EnumSource(OrderflowService.class)
    void eachServicesConsoleLinksToTheAxonServerDashboard(OrderflowService service) {
        assertThat(distributedEnvironment(service, Map.of()).getProperty("orderflow.console.axon-server-dashboard"))
                .isEqualTo("http://localhost:8024");
        assertThat(distributedEnvironment(service, Map.of("AXON_SERVER_DASHBOARD", "http://axonserver:8024"))
                .getProperty("orderflow.console.axon-server-dashboard")).isEqualTo("http://axonserver:8024");
    }

    @ParameterizedTest
    @EnumSource(OrderflowService.class)
    void readinessWaitsForAxonServerAndTheDatabase(OrderflowService service) {
        ConfigurableEnvironment environment = distributedEnvironment(service, Map.of());

        assertThat(environment.getProperty("management.endpoint.health.group.readiness.include"))
                .isEqualTo("readinessState,db,axonServer");
        assertThat(environment.getProperty("management.endpoint.health.probes.enabled")).isEqualTo("true");
    }

    @ParameterizedTest
    @EnumSource(OrderflowService.class)
    void eachServiceKeepsItsNameAndPort(OrderflowService service) {
        ConfigurableEnvironment environment = distributedEnvironment(service, Map.of());

        assertThat(environment.getProperty("spring.application.name")).isEqualTo(service.module());
        assertThat(environment.getProperty("server.port")).isEqualTo(String.valueOf(service.port()));
        assertThat(distributedEnvironment(service, Map.of("PORT", "9191")).getProperty("server.port")).isEqualTo("9191");
    }

    @ParameterizedTest
    @EnumSource(OrderflowService.class)
    void withoutTheProfileTheServiceStaysEmbedded(OrderflowService service) {
        ConfigurableEnvironment environment = ServiceEnvironment.of(service, Map.of());

        assertThat(environment.getProperty("axon.axonserver.enabled")).isEqualTo("false");
        assertThat(environment.getProperty("spring.datasource.url")).isEmpty();
    }

    /**
     * The processors that send commands run as pooled processors with as many threads as segments (Axon's default
     * for settings without a mode is a tracking processor, and the pooled default is 16 segments on 4 threads).
     */
    @Test
    void theProcessorsThatSendCommandsRunPooledWithAThreadPerSegment() {
        ProcessorSettings saga = processor(OrderflowService.SAGA_COORDINATOR, "OrderFulfilmentSagaProcessor");
        ProcessorSettings creditCheck = processor(OrderflowService.COMMAND_SIDE, "payment-credit-check");
        ProcessorSettings shippedPolicy = processor(OrderflowService.COMMAND_SIDE, "order-shipped-policy");

        assertThat(saga.getInitialSegmentCount()).isEqualTo(4);
        assertThat(creditCheck.getInitialSegmentCount()).isEqualTo(4);
        assertThat(shippedPolicy.getInitialSegmentCount()).isEqualTo(2);
        Stream.of(saga, creditCheck, shippedPolicy).forEach(settings -> {
            assertThat(settings.getMode()).isEqualTo(EventProcessorProperties.Mode.POOLED);
            assertThat(settings.getThreadCount()).isEqualTo(settings.getInitialSegmentCount());
            assertThat(settings.getBatchSize()).isEqualTo(10);
        });
    }

    /** Point queries stay on the query side's own handlers; only the query side has any. */
    @ParameterizedTest
    @EnumSource(OrderflowService.class)
    void onlyTheQuerySideAnswersItsPointQueriesLocally(OrderflowService service) {
        assertThat(axonServer(distributedEnvironment(service, Map.of())).isShortcutQueriesToLocalHandlers())
                .isEqualTo(service == OrderflowService.QUERY_SIDE);
    }

    private static ProcessorSettings processor(OrderflowService service, String name) {
        EventProcessorProperties properties = Binder.get(distributedEnvironment(service, Map.of()))
                .bind("axon.eventhandling", EventProcessorProperties.class).get();
        assertThat(properties.getProcessors()).containsKey(name);
        return properties.getProcessors().get(name);
    }

    private static AxonServerConfiguration axonServer(ConfigurableEnvironment environment) {
        return Binder.get(environment).bind("axon.axonserver", AxonServerConfiguration.class).get();
    }

    private static ConfigurableEnvironment distributedEnvironment(OrderflowService service, Map<String, ?> variables) {
        return ServiceEnvironment.distributed(service, variables);
    }
}
