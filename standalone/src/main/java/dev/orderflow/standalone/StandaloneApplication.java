package dev.orderflow.standalone;

import dev.orderflow.command.CommandSideModule;
import dev.orderflow.query.QuerySideModule;
import dev.orderflow.saga.SagaCoordinatorModule;
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
@Import({CommandSideModule.class, QuerySideModule.class, SagaCoordinatorModule.class})
public class StandaloneApplication {

    public static void main(String[] args) {
        SpringApplication.run(StandaloneApplication.class, args);
    }
}
