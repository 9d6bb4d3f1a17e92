package dev.orderflow.standalone;

import dev.orderflow.api.customer.RegisterCustomerCommand;
import dev.orderflow.api.inventory.AddProductCommand;
import dev.orderflow.api.order.OrderLine;
import dev.orderflow.api.order.PlaceOrderCommand;
import dev.orderflow.api.shared.Money;
import dev.orderflow.api.shared.Quantity;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.DeadlineMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A payment deadline pending when the application stops fires, once, after it starts again: deadlines
 * live in Postgres (db-scheduler), not in memory. The payment never answers: see {@link UnansweredPayments}.
 */
class PaymentDeadlineRestartIT {

    private static final AtomicInteger PAYMENT_DEADLINES_FIRED = new AtomicInteger();

    @TempDir
    Path dataDirectory;
    private ConfigurableApplicationContext running;

    @BeforeEach
    void countFromZero() {
        PAYMENT_DEADLINES_FIRED.set(0);
    }

    @AfterEach
    void stop() {
        if (running != null) {
            running.close();
        }
    }

    @Test
    void aPendingPaymentDeadlineFiresOnceAfterARestart() {
        UUID customerId = UUID.randomUUID();
        UUID productId = UUID.randomUUID();
        UUID orderId = UUID.randomUUID();
        UnansweredPayments.neverAnswerPaymentsOf(customerId);

        running = start();
        CommandGateway commands = running.getBean(CommandGateway.class);
        commands.sendAndWait(new RegisterCustomerCommand(customerId, "Waiting Wanda", customerId + "@example.com", Money.of("100")));
        commands.sendAndWait(new AddProductCommand(productId, "Slow Seller", Money.of("3.00"), 5));
        commands.sendAndWait(new PlaceOrderCommand(orderId, customerId, List.of(new OrderLine(productId, Quantity.of(2)))));
        JdbcTemplate jdbc = running.getBean(JdbcTemplate.class);
        String deadlineId = await().atMost(Duration.ofSeconds(20)).until(() -> paymentDeadlineOf(jdbc, orderId), id -> id != null);
        assertThat(scheduledTasks(jdbc, deadlineId)).as("the deadline is stored by db-scheduler").isEqualTo(1);
        assertThat(eventTypesMentioning(jdbc, orderId)).contains("PaymentRequestedEvent").doesNotContain("OrderRejectedEvent");
        running.close();
        assertThat(PAYMENT_DEADLINES_FIRED).as("the deadline was pending when the application stopped").hasValue(0);

        running = start();
        JdbcTemplate restarted = running.getBean(JdbcTemplate.class);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(eventTypesMentioning(restarted, orderId))
                .contains("OrderRejectedEvent", "StockReleasedEvent"));
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(() -> PAYMENT_DEADLINES_FIRED.get() == 1);
        assertThat(scheduledTasks(restarted, deadlineId)).isZero();
        assertThat(restarted.queryForObject("""
                select convert_from(payload, 'UTF8')::json ->> 'reason' from axon.domain_event_entry
                where aggregate_identifier = ? and payload_type like '%OrderRejectedEvent'""", String.class, orderId.toString()))
                .startsWith("Payment timed out");
    }

    @Test
    void aDeadlineThatAKilledRunWasFiringFiresAgainWithinAMinute() {
        UUID customerId = UUID.randomUUID();
        UUID productId = UUID.randomUUID();
        UUID orderId = UUID.randomUUID();
        UnansweredPayments.neverAnswerPaymentsOf(customerId);
        // Long enough that the deadline cannot fire on its own while the test rewrites it.
        running = start(Duration.ofMinutes(10));
        CommandGateway commands = running.getBean(CommandGateway.class);
        commands.sendAndWait(new RegisterCustomerCommand(customerId, "Killed Kim", customerId + "@example.com", Money.of("100")));
        commands.sendAndWait(new AddProductCommand(productId, "Half Fired", Money.of("3.00"), 5));
        commands.sendAndWait(new PlaceOrderCommand(orderId, customerId, List.of(new OrderLine(productId, Quantity.of(2)))));
        JdbcTemplate jdbc = running.getBean(JdbcTemplate.class);
        String deadlineId = await().atMost(Duration.ofSeconds(20)).until(() -> paymentDeadlineOf(jdbc, orderId), id -> id != null);

        // What a SIGKILL while the deadline fires leaves: due, picked by a scheduler that sends no more heartbeats.
        assertThat(jdbc.update("""
                update axon.scheduled_tasks set picked = true, picked_by = 'killed-run',
                    execution_time = now() - interval '1 minute', last_heartbeat = now() - interval '1 minute'
                where task_instance = ?""", deadlineId)).isOne();

        // db-scheduler's own defaults (a heartbeat every 5 minutes, 6 missed) would leave it for half an hour.
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(eventTypesMentioning(jdbc, orderId))
                .contains("OrderRejectedEvent", "StockReleasedEvent"));
        await().atMost(Duration.ofSeconds(10)).until(() -> scheduledTasks(jdbc, deadlineId) == 0);
    }

    private ConfigurableApplicationContext start() {
        return start(Duration.ofSeconds(4));
    }

    private ConfigurableApplicationContext start(Duration paymentTimeout) {
        // Command-line arguments: they win over every configuration file, the tests' own included.
        return new SpringApplicationBuilder(StandaloneApplication.class, FaultInjection.class).run(
                "--server.port=0",
                "--orderflow.embedded-postgres.data-directory=" + dataDirectory.resolve("postgres"),
                "--orderflow.fulfilment.payment-timeout=" + paymentTimeout.toSeconds() + "s");
    }

    /** The id of the payment deadline the order's saga keeps in its state, once it has one. */
    private static String paymentDeadlineOf(JdbcTemplate jdbc, UUID orderId) {
        List<String> deadlineIds = jdbc.queryForList("""
                select convert_from(serialized_saga, 'UTF8')::json ->> 'paymentDeadlineId' from axon.saga_entry
                where position(? in convert_from(serialized_saga, 'UTF8')) > 0""", String.class, orderId.toString());
        return deadlineIds.isEmpty() ? null : deadlineIds.get(0);
    }

    private static long scheduledTasks(JdbcTemplate jdbc, String taskInstance) {
        Long count = jdbc.queryForObject("select count(*) from axon.scheduled_tasks where task_instance = ?",
                Long.class, taskInstance);
        return count == null ? 0 : count;
    }

    private static List<String> eventTypesMentioning(JdbcTemplate jdbc, UUID orderId) {
        return jdbc.queryForList("""
                        select substring(payload_type from '[^.]+$') from axon.domain_event_entry
                        where position(? in convert_from(payload, 'UTF8')) > 0 order by global_index""",
                String.class, orderId.toString());
    }

    @TestConfiguration(proxyBeanMethods = false)
    @Import(UnansweredPayments.class)
    static class FaultInjection {

        /** Counts the payment deadlines that fire, in either run of the application. */
        @Bean
        SmartInitializingSingleton countPaymentDeadlines(DeadlineManager deadlines) {
            return () -> deadlines.registerHandlerInterceptor((unitOfWork, chain) -> {
                DeadlineMessage<?> deadline = unitOfWork.getMessage();
                if ("payment-timeout".equals(deadline.getDeadlineName())) {
                    PAYMENT_DEADLINES_FIRED.incrementAndGet();
                }
                return chain.proceed();
            });
        }
    }
}
