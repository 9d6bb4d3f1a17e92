package dev.orderflow.standalone;

import dev.orderflow.command.CommandSideConfiguration;
import dev.orderflow.query.QuerySideConfiguration;
import dev.orderflow.saga.SagaCoordinatorConfiguration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;

/**
 * The embedded mode: every service in one JVM, on Axon's event store in Postgres, no Axon Server.
 * It composes the services' modules; it holds no domain code of its own.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import({CommandSideConfiguration.class, QuerySideConfiguration.class, SagaCoordinatorConfiguration.class})
public class StandaloneApplication {

    public static void main(String[] args) {
        SpringApplication.run(StandaloneApplication.class, args);
    }
}
