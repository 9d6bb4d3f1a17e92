package dev.orderflow.saga;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;

/** The saga coordinator as a service of its own (the distributed mode). */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(SagaCoordinatorConfiguration.class)
public class SagaCoordinatorApplication {

    public static void main(String[] args) {
        SpringApplication.run(SagaCoordinatorApplication.class, args);
    }
}
