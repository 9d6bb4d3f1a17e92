package dev.orderflow.standalone;

import com.zaxxer.hikari.HikariDataSource;
import dev.orderflow.api.customer.RegisterCustomerCommand;
import dev.orderflow.api.shared.Money;
import dev.orderflow.command.CommandSideApplication;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static dev.orderflow.standalone.SlowFallbacks.PATIENCE;
import static org.awaitility.Awaitility.await;

/**
 * Two instances on one database: the standalone, whose customer-accounts projection is the only one that
 * writes that read model, and the command side as a service of its own on the same event tables (as a team
 * without Axon Server scales out), which registers a customer. Each is an application context of its own
 * with its own event store reader, so the standalone hears of the other's commit only through a Postgres
 * notification or its own fetch. Its processors' fallbacks are at {@link SlowFallbacks#FALLBACK}.
 */
class CrossInstanceWakeUpIT {

    private final List<ConfigurableApplicationContext> instances = new ArrayList<>();

    @AfterEach
    void stopInstances() {
        for (int i = instances.size() - 1; i >= 0; i--) {
            instances.get(i).close();
        }
    }

    @Test
    void anEventCommittedByAnotherInstanceIsHandledWithoutWaitingForTheFetchDelay() {
        ConfigurableApplicationContext standalone = startStandalone(SlowFallbacks.FETCH_DELAY);
        CommandGateway otherInstance = startCommandSideOn(standalone, "orderflow.event-store.cross-instance-wake-up=true");

        UUID customerId = registerCustomer(otherInstance);

        awaitCustomerAccount(standalone, customerId);
    }

    @Test
    void anEventWhoseWakeUpWasLostIsStillHandledOnTheNextFetch() {
        ConfigurableApplicationContext standalone = startStandalone("orderflow.event-store.fetch-delay=2s");
        // The other instance sends no notification: the wake-up is lost, the event is not.
        CommandGateway otherInstance = startCommandSideOn(standalone, "orderflow.event-store.cross-instance-wake-up=false");

        UUID customerId = registerCustomer(otherInstance);

        awaitCustomerAccount(standalone, customerId);
    }

    private ConfigurableApplicationContext startStandalone(String fetchDelay) {
        // Command-line arguments: they win over every configuration file, the tests' own included.
        ConfigurableApplicationContext standalone = new SpringApplicationBuilder(StandaloneApplication.class,
                SlowFallbacks.class).run("--server.port=0", "--" + fetchDelay);
        instances.add(standalone);
        return standalone;
    }

    private CommandGateway startCommandSideOn(ConfigurableApplicationContext standalone, String wakeUp) {
        HikariDataSource database = standalone.getBean(HikariDataSource.class);
        ConfigurableApplicationContext commandSide = new SpringApplicationBuilder(CommandSideApplication.class,
                SlowFallbacks.class).run("--server.port=0", "--" + wakeUp,
                "--spring.datasource.url=" + database.getJdbcUrl(),
                "--spring.datasource.username=" + database.getUsername(),
                "--spring.datasource.password=" + database.getPassword());
        instances.add(commandSide);
        return commandSide.getBean(CommandGateway.class);
    }

    private static UUID registerCustomer(CommandGateway commands) {
        UUID customerId = UUID.randomUUID();
        commands.sendAndWait(new RegisterCustomerCommand(customerId, "Otto Other", customerId + "@example.com",
                Money.of("100")));
        return customerId;
    }

    private static void awaitCustomerAccount(ConfigurableApplicationContext standalone, UUID customerId) {
        JdbcTemplate jdbc = standalone.getBean(JdbcTemplate.class);
        await().atMost(PATIENCE).until(() -> jdbc.queryForObject(
                "select count(*) from customer_accounts.customer_account where customer_id = ?", Long.class,
                customerId) == 1);
    }
}
